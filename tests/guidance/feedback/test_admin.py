"""The feedback listing and its detail view answer in Swedish: Ja and Nej, not True/False."""

import re

import pytest

from guidance.feedback.models import Feedback
from guidance.models import RoutinePage

pytestmark = pytest.mark.django_db


def rows(html: str) -> dict[str, list[str]]:
    """The listing's rows by their comment, each as the text of its cells."""
    listing = html[html.index('<table class="listing') :]
    listing = listing[: listing.index("</table>")]
    found = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", listing, re.S):
        cells = [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        for comment in ("Bra", "Saknar telefonnummer"):
            if comment in cells:
                found[comment] = cells
    return found


def test_the_listing_says_ja_and_nej(client, governance_site, central):
    routine = RoutinePage.objects.get(slug="norrbusmotet")
    Feedback.objects.create(page=routine, helpful=False, comment="Saknar telefonnummer")
    Feedback.objects.create(page=routine, helpful=True, handled=True, comment="Bra")
    client.force_login(central)
    html = client.get("/admin/aterkoppling/").content.decode()
    listed = rows(html)
    # Helpful and handled: both yes for the one, both no for the other.
    assert listed["Bra"].count("Ja") == 2 and "Nej" not in listed["Bra"]
    assert listed["Saknar telefonnummer"].count("Nej") == 2
    assert "Ja" not in listed["Saknar telefonnummer"]
    assert "True" not in html and "False" not in html


def test_the_detail_view_says_ja_and_nej(client, governance_site, central):
    routine = RoutinePage.objects.get(slug="norrbusmotet")
    feedback = Feedback.objects.create(page=routine, helpful=True)
    client.force_login(central)
    html = client.get(f"/admin/aterkoppling/inspect/{feedback.pk}/").content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Hjälpte sidan? Ja" in text and "Hanterad Nej" in text
    assert "True" not in text and "False" not in text


def test_a_deviation_reports_parties_are_named_in_the_detail_view(client, governance_site, central):
    from directory.models import MunicipalityPage
    from guidance.feedback.models import DeviationReport

    report = DeviationReport.objects.create(
        reference="AV-20261203-ABC123",
        routine=RoutinePage.objects.get(slug="norrbusmotet"),
        reporter_actor="skola",
        other_actors=["socialtjanst", "specialistvard"],
        municipality=MunicipalityPage.objects.get(slug="kalix"),
        description="Kallelsen kom för sent.",
        reporter_email="larare@kalix.se",
        sent_to="forum@kalix.example.se",
    )
    client.force_login(central)
    html = client.get(f"/admin/avvikelserapporter/inspect/{report.pk}/").content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Part som avvek Socialtjänst, Specialistvård" in text
    assert "socialtjanst" not in text and "['" not in text
