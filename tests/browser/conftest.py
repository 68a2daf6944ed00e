"""Browser tests: a real portal server (SQLite, demo content) driven by Debian's Chromium."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(env: dict) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/", timeout=2)
            return server, url
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("The portal server did not start.")
            time.sleep(0.2)


# The demo holds the text of one version only. "Vad har ändrats?" needs two, so the seed is
# imported again as a coming version 2027, with one section rewritten and one added.
COMING_VERSION = """
from datetime import timedelta

from django.utils import timezone

from guidance.importing import create_draft_version, read_agreement
from guidance.models import AgreementSection
from home.demo import loader

parsed = read_agreement(loader.seeds_dir() / "001_d48a325a84e728f8.txt")
version = create_draft_version(
    parsed,
    source_name="001_d48a325a84e728f8.txt",
    label="2027",
    effective_date=timezone.localdate() + timedelta(days=365),
)
sections = list(version.sections.all())
invitation = next(section for section in sections if section.anchor == "kallelse")
invitation.body = "<p>Kallelsen skickas senast en vecka före mötet och anger syftet.</p>"
sections.append(
    AgreementSection(
        level=2,
        heading="Digitala Norrbusmöten",
        body="<p>Ett Norrbusmöte kan hållas digitalt när alla parter är överens.</p>",
        sort_order=len(sections),
    )
)
version.sections = sections
version.save_revision().publish()
"""


@pytest.fixture(scope="session")
def portal_env(tmp_path_factory):
    """A freshly seeded portal (DEBUG off, as in production), searching with Elasticsearch
    (osmem-server) as in production."""
    from osmem_server import OsmemServer

    workdir = tmp_path_factory.mktemp("portal")
    cluster = OsmemServer.start(japanese=False)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "ELASTICSEARCH_URL": cluster.url,
        # What readers see, not how fast: on a busy two-core machine osmem-server can take
        # longer than production's 0.8 s, and the page would fall back to the database search.
        # Speed is measured in bench/.
        "ELASTICSEARCH_TIMEOUT": "5",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["seed_demo"],
        ["shell", "-c", COMING_VERSION],
    ):
        subprocess.run([*manage, *command], env=env, check=True, cwd=ROOT, capture_output=True)
    yield env
    cluster.close()


@pytest.fixture(scope="session")
def portal_url(portal_env):
    server, url = _serve(portal_env)
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="session")
def fallback_url(portal_env):
    """The same portal with its cluster down (nothing listens at its address): search falls
    back to the database and says so."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        down = f"http://127.0.0.1:{sock.getsockname()[1]}"
    server, url = _serve({**portal_env, "ELASTICSEARCH_URL": down})
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = "Chromium is not installed (apt-get install chromium)."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    yield page
    context.close()
