"""A small directory: two county parts, three municipalities, contacts at every scope."""

import datetime

import pytest

from tests.factories import (
    ContactFactory,
    CountyPartFactory,
    DirectoryIndexPageFactory,
    MunicipalityPageFactory,
    RoutinePageFactory,
    SectionPageFactory,
    SituationFactory,
    publish,
    step,
)


def contact(name, actor, phone="070-174 06 50", **fields):
    """An unsaved contact, saved with the page or county part it is given to."""
    return ContactFactory.build(name=name, actor=actor, phone=phone, **fields)


@pytest.fixture
def situations(db):
    return {
        "orolig": SituationFactory(title="Jag är orolig för ett barn", slug="orolig"),
        "bup": SituationFactory(title="Barnet kan behöva psykiatrisk bedömning", slug="bup"),
    }


@pytest.fixture
def routine(home_page):
    section = SectionPageFactory(parent=home_page, title="Rutiner", slug="rutiner")
    page = RoutinePageFactory(
        parent=section,
        title="Norrbusmötet",
        slug="norrbusmotet",
        summary="Så kallar du till ett möte.",
        steps=[
            step("Behov av möte", body="<p>Se behovet.</p>"),
            step(
                "Kallelse",
                contact_actors=["socialtjanst", "specialistvard"],
                body="<p>Bjud in.</p>",
            ),
        ],
    )
    return publish(page)


@pytest.fixture
def directory(home_page, situations):
    """Kalix and Haparanda in Östra Norrbotten, Luleå in Luleå/Boden; shared contacts too."""
    jour = contact(
        "Socialjouren Östra Norrbotten", "socialtjanst", "070-174 06 60", out_of_hours=True
    )
    jour.situations = [situations["orolig"]]
    east = CountyPartFactory(
        name="Östra Norrbotten", slug="ostra-norrbotten", sort_order=0, contacts=[jour]
    )
    lulea_boden = CountyPartFactory(name="Luleå/Boden", slug="lulea-boden", sort_order=1)
    bup = contact("BUP-linjen", "specialistvard", "070-174 06 70")
    bup.situations = [situations["bup"]]
    index = publish(DirectoryIndexPageFactory(parent=home_page, contacts=[bup]))
    kalix_social = contact(
        "Socialtjänsten Kalix", "socialtjanst", "070-174 06 05", email="social.kalix@example.org"
    )
    kalix_social.situations = [situations["orolig"]]
    kalix = MunicipalityPageFactory(
        parent=index,
        title="Kalix",
        slug="kalix",
        county_part=east,
        forum_meets="Varje månad",
        contacts=[
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
    haparanda = MunicipalityPageFactory(
        parent=index,
        title="Haparanda",
        slug="haparanda",
        county_part=east,
        contacts=[contact("Socialtjänsten Haparanda", "socialtjanst", "070-174 06 08")],
    )
    lulea = MunicipalityPageFactory(
        parent=index,
        title="Luleå",
        slug="lulea",
        county_part=lulea_boden,
        contacts=[
            contact("Socialtjänsten Luleå", "socialtjanst", "070-174 06 09", verified_on=None)
        ],
    )
    return {
        "index": index,
        "kalix": publish(kalix),
        "haparanda": publish(haparanda),
        "lulea": publish(lulea),
        "east": east,
        "lulea_boden": lulea_boden,
    }
