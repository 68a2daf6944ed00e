"""Contacts at every step that names someone to contact: the four parties, social services out
of hours, the municipality's Norrbus contact and Forum barn och unga, the county part's
samverkansgrupp and Samverkansstruktur målgrupp barn och unga (issue 17, item 5)."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from directory.cookies import COOKIE_NAME
from directory.models import Contact, CountyPart, DirectoryIndexPage, NorrbusBody
from guidance.models import RoutinePage
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db

# What a step's text can name, and the contact target a step naming it must carry.
NAMED = [
    (re.compile(r"Samverkansstruktur målgrupp barn", re.I), "samverkansstruktur"),
    (re.compile(r"Forum barn och unga|\bforumet\b", re.I), "forum"),
    (re.compile(r"länsdelsnivå", re.I), "samverkansgrupp"),
    (re.compile(r"socialjour", re.I), "socialjour"),
    (re.compile(r"(anmäla|anmäl) (genast )?till socialtjänsten", re.I), "socialtjanst"),
]


def step_sections(html: str) -> dict[str, BeautifulSoup]:
    soup = BeautifulSoup(html, "html.parser")
    for anchor in soup.select(".step__title .anchor-link"):
        anchor.decompose()
    return {
        li.select_one(".step__title").get_text(" ", strip=True): li
        for li in soup.select("ol.steps > li.step")
    }


def contacts_beside(step) -> list[str]:
    return [li.strong.get_text(" ", strip=True) for li in step.select(".step-contacts li")]


def test_every_seeded_step_naming_a_body_lists_it_as_a_contact(seeded):
    checked = 0
    for routine in RoutinePage.objects.live():
        for step in routine.steps:
            text = f"{step.value['title']} {step.value['body'].source}"
            targets = step.value.get("contact_actors") or []
            for pattern, target in NAMED:
                if pattern.search(text):
                    checked += 1
                    assert target in targets, (routine.slug, step.value["title"], target)
    assert checked >= 10


def test_the_deviation_routine_shows_each_body_it_names_in_kalix(seeded, client):
    client.cookies[COOKIE_NAME] = "kalix"
    html = client.get("/rutiner/avvikelsehantering/").content.decode()
    steps = step_sections(html)
    report = steps["Steg 1: Gör en avvikelserapportering"]
    assert contacts_beside(report) == ["Norrbuskontakt i Kalix", "Forum barn och unga i Kalix"]
    assert report.select_one('a[href="/avvikelse/"]') is not None
    joint = steps["Steg 3: Gemensam analys"]
    assert contacts_beside(joint) == [
        "Samverkansgruppen för Östra Norrbotten",
        "Forum barn och unga i Kalix",
    ]
    assert joint.select_one('.step-contacts a[href$="/kalix/#forum"]') is not None
    assert "Kallas av Socialtjänstens verksamhetschef för barn och unga" in joint.get_text(" ")
    assert joint.select_one(".step-contacts .badge--example") is not None
    upward = steps["Steg 4: Rapport till Samverkansstruktur målgrupp barn och unga"]
    assert contacts_beside(upward) == ["Samverkansstruktur målgrupp barn och unga"]
    # Norrbotten's other county parts' groups are not Kalix's.
    assert "Samverkansgruppen för Luleå/Boden" not in html


def test_the_dispute_routine_shows_the_county_structure_at_its_last_step(seeded, client):
    client.cookies[COOKIE_NAME] = "pajala"
    steps = step_sections(client.get("/rutiner/oenighet-mellan-parter/").content.decode())
    last = steps["Steg 2: Sista hand: Samverkansstruktur målgrupp barn och unga"]
    assert contacts_beside(last) == ["Samverkansstruktur målgrupp barn och unga"]
    assert contacts_beside(steps["Steg 1: Lyft frågan i den egna ledningen"]) == []


def test_acute_concern_shows_the_social_services_on_call_as_well(seeded, client):
    client.cookies[COOKIE_NAME] = "kalix"
    steps = step_sections(client.get("/rutiner/orosanmalan/").content.decode())
    acute = contacts_beside(steps["Steg 1: Är barnet i akut fara? Ring 112"])
    assert acute == [
        "Socialtjänsten, mottagningen för barn och unga",
        "Socialjouren, Östra Norrbotten",
    ]
    # The report itself goes to the office; the on-call service only where the step says so.
    report = contacts_beside(steps["Steg 2: Anmäl genast till socialtjänsten"])
    assert report == ["Socialtjänsten, mottagningen för barn och unga"]


def test_without_a_municipality_the_page_asks_for_one_and_lists_no_contacts(seeded, client):
    html = client.get("/rutiner/avvikelsehantering/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select(".step-contacts") == []
    assert soup.select_one(".local-municipality select") is not None


def test_forum_without_details_says_whom_to_ask(seeded, client):
    from directory.models import MunicipalityPage

    kalix = MunicipalityPage.objects.get(slug="kalix")
    kalix.forum_convener = kalix.forum_meets = kalix.deviation_email = ""
    kalix.save_revision().publish()
    client.cookies[COOKIE_NAME] = "kalix"
    steps = step_sections(client.get("/rutiner/forum-barn-och-unga/").content.decode())
    text = steps["Steg 3: Samtala om läget"].select_one(".step-contacts").get_text(" ")
    assert "Forum barn och unga i Kalix" in text
    assert "Kommunen har inte lagt in uppgifter om forumet. Fråga kommunens Norrbuskontakt." in text


def test_a_samverkansgrupp_belongs_to_a_county_part_and_the_structure_to_the_county(db):
    part = CountyPart.objects.create(name="Testdelen", slug="testdelen")
    group = ContactFactory.build(county_part=part, norrbus_body=NorrbusBody.COUNTY_STRUCTURE)
    with pytest.raises(ValidationError) as error:
        group.full_clean()
    assert error.value.message_dict["norrbus_body"] == [
        "Samverkansstruktur målgrupp barn och unga är en kontakt för hela länet."
    ]
    group.norrbus_body = NorrbusBody.COUNTY_PART_GROUP
    group.full_clean()
    county_wide = ContactFactory.build(
        directory=DirectoryIndexPage(title="Vem ringer jag?"),
        norrbus_body=NorrbusBody.COUNTY_PART_GROUP,
    )
    with pytest.raises(ValidationError) as error:
        county_wide.full_clean()
    assert error.value.message_dict["norrbus_body"] == [
        "Samverkansgruppen är en kontakt för en länsdel."
    ]


def test_seeded_bodies_are_marked(seeded):
    assert Contact.objects.filter(norrbus_body=NorrbusBody.COUNTY_PART_GROUP).count() == (
        CountyPart.objects.count()
    )
    structure = Contact.objects.get(norrbus_body=NorrbusBody.COUNTY_STRUCTURE)
    assert isinstance(structure.directory.specific, DirectoryIndexPage)
    assert structure.name == "Samverkansstruktur målgrupp barn och unga"
