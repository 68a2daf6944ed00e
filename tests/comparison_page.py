"""Reading a rendered comparison ("Vad har ändrats?", public or admin) as its groups."""

from bs4 import BeautifulSoup


def sections_by_group(html: str) -> dict[str, list[str]]:
    """The headings of the sections under each group ("andrade-avsnitt", "nya-avsnitt", …),
    by the group heading's id; an unchanged group lists its headings as list items."""
    soup = BeautifulSoup(html, "html.parser")
    groups = {}
    for heading in soup.select("section > h3[id$='-avsnitt']"):
        group = heading.parent
        sections = [h4.find(string=True, recursive=False).strip() for h4 in group.find_all("h4")]
        groups[heading["id"]] = sections or [li.get_text(strip=True) for li in group.find_all("li")]
    return groups


def summary_text(html: str) -> str:
    return BeautifulSoup(html, "html.parser").select_one(".comparison-summary").get_text()
