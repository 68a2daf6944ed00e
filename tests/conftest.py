import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Page, Site

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

# The source documents live in shared/ beside the repository (as in CI).
SEEDS_DIR = Path(
    os.environ.get("NORRBUS_SEEDS_DIR", Path(__file__).resolve().parents[2] / "shared" / "seeds")
)
AGREEMENT_2025 = SEEDS_DIR / "001_d48a325a84e728f8.txt"


@pytest.fixture(scope="session")
def agreement_seed() -> Path:
    """The revised agreement (2025) as plain text: real input no one here wrote."""
    if not AGREEMENT_2025.exists():
        pytest.fail(f"The seed document is missing: {AGREEMENT_2025} (set NORRBUS_SEEDS_DIR)")
    return AGREEMENT_2025


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts with an empty cache: what one test kept (a view restriction, a
    page, a rate-limit count) must not leak into the next, whose rows were rolled back."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    return make_home_page()


@pytest.fixture
def site(home_page):
    return Site.objects.get(root_page=home_page)


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The demo content, seeded once per test module: seeding builds some sixty pages and
    takes seconds. Only for tests about the demo content itself or that need real content
    (relevance, query budgets); the others build what they need with tests.factories."""
    yield from built_for_the_module(django_db_blocker, lambda: call_command("seed_demo"))


@pytest.fixture
def seeded(demo_content, db):
    """The demo content for one test, with the search vocabulary read afresh."""
    from search import vocabulary

    vocabulary.forget()
    yield
    vocabulary.forget()


@pytest.fixture
def closed_port_url():
    """An address where nothing listens, as when the cluster is down."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


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
