"""The publisher line keeps the heading on a phone's first screen; the admin's editor guide
passes axe."""

import subprocess
import sys

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import ROOT
from .test_accessibility import AXE_OPTIONS

EDITOR = ("guide-redaktor", "Guide-redaktor-2026")
CREATE_EDITOR = (
    "from django.contrib.auth import get_user_model; "
    "get_user_model().objects.filter(username={0!r}).exists() or "
    "get_user_model().objects.create_superuser({0!r}, 'guide@example.org', {1!r})"
).format(*EDITOR)


@pytest.fixture(scope="module")
def editor(portal_env):
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", CREATE_EDITOR],
        env=portal_env,
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    return EDITOR


@pytest.mark.parametrize("path", ["/", "/rutiner/norrbusmotet/"])
def test_the_heading_stays_on_the_first_screen_at_320px(page, portal_url, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(portal_url + path)
    publisher = page.locator(".site-header__publisher")
    assert publisher.inner_text() == "Exempel: Ges ut av Centralt stöd Norrbus"
    assert publisher.is_visible()
    assert page.evaluate("document.querySelector('h1').getBoundingClientRect().bottom") <= 640


def test_the_editor_guide_passes_axe(page, portal_url, editor):
    username, password = editor
    page.goto(portal_url + "/admin/login/?next=/admin/redaktorsguide/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/redaktorsguide/")
    assert page.get_by_role("heading", level=2, name="Publicera en rutin").is_visible()
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
