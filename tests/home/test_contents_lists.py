"""A page's contents list names each part as its heading does: a reader who follows "Uppdrag"
lands on "Uppdrag", not on something else."""

import re
from html.parser import HTMLParser

import pytest

from directory.models import MunicipalityPage
from guidance.models import ActorPage, AgreementVersionPage

pytestmark = pytest.mark.django_db

HEADINGS = {"h2", "h3", "h4"}


class ContentsAndHeadings(HTMLParser):
    """Collects the in-page links of main's navigation lists and the text of headings by id
    (a heading's own id, or the id of the section it opens)."""

    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.headings: dict[str, str] = {}
        self._nav_depth = 0
        self._link: list | None = None
        self._heading: list | None = None
        self._pending_ids: list[str] = []
        self._in_main = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self._in_main = True
        if not self._in_main:
            return
        if tag == "nav":
            self._nav_depth += 1
        if tag == "a" and self._nav_depth and (attrs.get("href") or "").startswith("#"):
            self._link = [attrs["href"][1:], ""]
        if tag in {"section", "li", "div"} and attrs.get("id"):
            self._pending_ids.append(attrs["id"])
        if tag in HEADINGS:
            ids = [*self._pending_ids, *([attrs["id"]] if attrs.get("id") else [])]
            self._heading = [ids, ""]
            self._pending_ids = []
        elif tag == "a" and self._heading is not None and "aria-hidden" in attrs:
            # The heading's own copy-link mark is not part of its name.
            self._heading.append("skip")

    def handle_endtag(self, tag):
        if tag == "main":
            self._in_main = False
        if tag == "nav" and self._nav_depth:
            self._nav_depth -= 1
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], " ".join(self._link[1].split())))
            self._link = None
        if tag == "a" and self._heading is not None and self._heading[-1] == "skip":
            self._heading.pop()
        if tag in HEADINGS and self._heading is not None:
            for anchor in self._heading[0]:
                self.headings[anchor] = " ".join(self._heading[1].split())
            self._heading = None

    def handle_data(self, data):
        if self._link is not None:
            self._link[1] += data
        if self._heading is not None and self._heading[-1] != "skip":
            self._heading[1] += data


def mismatches(html: str) -> tuple[list, int]:
    parser = ContentsAndHeadings()
    parser.feed(html)
    found = []
    for anchor, label in parser.links:
        heading = parser.headings.get(anchor)
        # A routine's numbered steps: the list's number stands for the heading's "Steg N:".
        if heading is not None:
            heading = re.sub(r"^Steg \d+: ", "", heading)
        if heading != label:
            found.append((anchor, label, heading))
    return found, len(parser.links)


def test_the_parser_finds_a_heading_that_differs_from_its_entry():
    html = (
        '<main><nav><a href="#a">Uppdrag och lagstöd</a><a href="#b">Steg</a></nav>'
        '<section id="a"><h2 id="a-h">Uppdrag</h2></section>'
        '<h2 id="b">Steg 1: Steg <a href="#b" aria-hidden="true">#</a></h2></main>'
    )
    assert mismatches(html) == ([("a", "Uppdrag och lagstöd", "Uppdrag")], 2)


def test_contents_lists_match_their_headings(client, seeded):
    paths = [
        *(page.url for page in ActorPage.objects.live()),
        AgreementVersionPage.objects.in_force().url,
        "/rutiner/norrbusmotet/",
        "/rutiner/grona-kortet/",
        *(page.url for page in MunicipalityPage.objects.live().order_by("title")[:3]),
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        found, checked = mismatches(response.content.decode())
        assert checked > 0, f"{path} has no contents list"
        assert found == [], path
