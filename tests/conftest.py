import os
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Site

from tests.factories import built_for_the_module, make_home_page

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
