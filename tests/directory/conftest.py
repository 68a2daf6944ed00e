"""A small directory: two county parts, three municipalities, contacts at every scope."""

import datetime

import pytest
from django.utils import timezone

from directory.models import Contact, CountyPart, DirectoryIndexPage, MunicipalityPage, Situation
from guidance.models import RoutinePage, SectionPage


def contact(name, actor, phone="070-174 06 50", **fields):
    return Contact(
        name=name,
        actor=actor,
        phone=phone,
        verified_on=fields.pop("verified_on", timezone.localdate()),
        **fields,
    )


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_child(parent, page, contacts=()):
    page.contacts = list(contacts)
    parent.add_child(instance=page)
    return publish(page)


@pytest.fixture
def situations(db):
    return {
        "orolig": Situation.objects.create(title="Jag är orolig för ett barn", slug="orolig"),
        "bup": Situation.objects.create(
            title="Barnet kan behöva psykiatrisk bedömning", slug="bup"
        ),
    }


@pytest.fixture
def routine(home_page):
    section = SectionPage(title="Rutiner", slug="rutiner", intro="Rutiner.")
    home_page.add_child(instance=section)
    page = RoutinePage(
        title="Norrbusmötet",
        slug="norrbusmotet",
        summary="Så kallar du till ett möte.",
        steps=[
            {
                "type": "step",
                "value": {
                    "title": "Behov av möte",
                    "responsible": ["skola"],
                    "contact_actors": [],
                    "body": "<p>Se behovet.</p>",
                },
            },
            {
                "type": "step",
                "value": {
                    "title": "Kallelse",
                    "responsible": ["skola"],
                    "contact_actors": ["socialtjanst", "specialistvard"],
                    "body": "<p>Bjud in.</p>",
                },
            },
        ],
    )
    section.add_child(instance=page)
    return publish(page)


@pytest.fixture
def directory(home_page, situations):
    """Kalix and Haparanda in Östra Norrbotten, Luleå in Luleå/Boden; shared contacts too."""
    east = CountyPart(name="Östra Norrbotten", slug="ostra-norrbotten", sort_order=0)
    jour = contact(
        "Socialjouren Östra Norrbotten", "socialtjanst", "070-174 06 60", out_of_hours=True
    )
    jour.situations = [situations["orolig"]]
    east.contacts = [jour]
    east.save()
    lulea_boden = CountyPart.objects.create(name="Luleå/Boden", slug="lulea-boden", sort_order=1)
    index = DirectoryIndexPage(title="Vem ringer jag?", slug="vem-ringer-jag", intro="Kontakter.")
    bup = contact("BUP-linjen", "specialistvard", "070-174 06 70")
    bup.situations = [situations["bup"]]
    index = add_child(home_page, index, [bup])
    kalix_social = contact(
        "Socialtjänsten Kalix", "socialtjanst", "070-174 06 05", email="social.kalix@example.org"
    )
    kalix_social.situations = [situations["orolig"]]
    kalix = add_child(
        index,
        MunicipalityPage(title="Kalix", slug="kalix", county_part=east, forum_meets="Varje månad"),
        [
            contact("Elevhälsan Kalix", "skola", "070-174 06 06", is_example=True),
            kalix_social,
            contact("Hälsocentralen Kalix", "primarvard", "0923-123 45"),
            contact(
                "Norrbuskontakt Kalix",
                "annan",
                "070-174 06 07",
                is_norrbus_contact=True,
                verified_on=datetime.date(2024, 1, 10),
            ),
        ],
    )
    haparanda = add_child(
        index,
        MunicipalityPage(title="Haparanda", slug="haparanda", county_part=east),
        [contact("Socialtjänsten Haparanda", "socialtjanst", "070-174 06 08")],
    )
    lulea = add_child(
        index,
        MunicipalityPage(title="Luleå", slug="lulea", county_part=lulea_boden),
        [contact("Socialtjänsten Luleå", "socialtjanst", "070-174 06 09", verified_on=None)],
    )
    return {
        "index": index,
        "kalix": kalix,
        "haparanda": haparanda,
        "lulea": lulea,
        "east": east,
        "lulea_boden": lulea_boden,
    }
