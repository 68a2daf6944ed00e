"""A small portal for the governance tests: the pages the roles, workflow, feedback, review
and privacy rules act on, with the roles and the review workflow set up as in production."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from guidance.roles import CENTRAL_SUPPORT, REVIEWERS, ensure_roles
from tests.factories import (
    ActorPageFactory,
    ContactFactory,
    ContentPageFactory,
    CountyPartFactory,
    DirectoryIndexPageFactory,
    GlossaryPageFactory,
    MunicipalityPageFactory,
    RoutinePageFactory,
    SectionPageFactory,
    built_for_the_module,
    make_home_page,
    publish,
)

# The tax agency's published test numbers (never random valid ones): personnummer in 12, 10
# and separated form, and a samordningsnummer.
IDENTITY_NUMBERS = ["198507099805", "8507099813", "19640823-3234", "850709-9805", "701063-2391"]


def build_governance_site():
    """Two routines, two content pages, an actor, the glossary, Kalix (with contacts and its
    own address for deviation reports) and Luleå; then the roles, as `seed_demo` sets them."""
    home_page = make_home_page()
    rutiner = publish(SectionPageFactory(parent=home_page, title="Rutiner", slug="rutiner"))
    for title, slug in [("Norrbusmötet", "norrbusmotet"), ("Gröna kortet", "grona-kortet")]:
        publish(RoutinePageFactory(parent=rutiner, title=title, slug=slug))
    for title, slug in [
        ("Om Norrbus", "om-norrbus"),
        ("Samverkansstrukturen", "samverkansstrukturen"),
    ]:
        publish(ContentPageFactory(parent=home_page, title=title, slug=slug))
    aktorer = publish(SectionPageFactory(parent=home_page, title="Aktörer", slug="aktorer"))
    publish(ActorPageFactory(parent=aktorer, slug="skola"))
    publish(GlossaryPageFactory(parent=home_page))
    index = publish(DirectoryIndexPageFactory(parent=home_page))
    east = CountyPartFactory(name="Östra Norrbotten", slug="ostra-norrbotten")
    publish(
        MunicipalityPageFactory(
            parent=index,
            title="Kalix",
            slug="kalix",
            county_part=east,
            deviation_email="forum.kalix@example.org",
            contacts=[
                ContactFactory.build(name="Elevhälsan Kalix", actor="skola", phone="0923-650 01"),
                ContactFactory.build(
                    name="Socialtjänsten Kalix", actor="socialtjanst", phone="0923-650 02"
                ),
            ],
        )
    )
    publish(
        MunicipalityPageFactory(
            parent=index,
            title="Luleå",
            slug="lulea",
            county_part=CountyPartFactory(name="Luleå/Boden", slug="lulea-boden"),
            contacts=[
                ContactFactory.build(
                    name="Socialtjänsten Luleå", actor="socialtjanst", phone="0920-453 00"
                )
            ],
        )
    )
    ensure_roles(home_page)
    return home_page


@pytest.fixture(scope="module")
def governance_tree(django_db_setup, django_db_blocker):
    """Built once per module (publishing a dozen pages for every test costs more than it
    saves), rolled back after it; each test runs in a savepoint inside."""
    yield from built_for_the_module(django_db_blocker, build_governance_site)


@pytest.fixture
def governance_site(governance_tree, db):
    return Page.objects.get(pk=governance_tree.pk).specific


@pytest.fixture
def member(django_user_model, governance_site):
    """A user in the named group."""

    def create(username: str, group: str):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(Group.objects.get(name=group))
        return user

    return create


@pytest.fixture
def central(member):
    return member("stod", CENTRAL_SUPPORT)


@pytest.fixture
def reviewer(member):
    return member("granskare", REVIEWERS)
