import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Site

from guidance.roles import CENTRAL_SUPPORT, REVIEWERS
from tests.factories import HomePageFactory

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
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="start")
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def site(home_page):
    return Site.objects.get(root_page=home_page)


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The demo content, seeded once per test module.

    Seeding builds some sixty pages and takes seconds; doing it for every test made the
    suite slow. It is seeded inside a transaction that is rolled back when the module is
    done, and each test runs in a savepoint inside it, so tests still cannot see each
    other's changes."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        call_command("seed_demo")
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


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


@pytest.fixture
def member(django_user_model):
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
