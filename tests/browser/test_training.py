"""Training in the browser: axe on the check in every state and on the learner's pages, and
a new learner taking the first module of "Ny i skolan" with the keyboard only."""

import subprocess
import sys
import uuid

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import ROOT
from .test_accessibility import AXE_OPTIONS

CHECK = "/utbildning/varfor-norrbus/vem-norrbus-galler/"
PASSWORD = "Norrbus-larare-2026"


def create_learner(env: dict, profile: bool = True) -> str:
    """A new account in the portal under test (as the central support role would create)."""
    username = f"larare-{uuid.uuid4().hex[:8]}"
    code = (
        "from django.contrib.auth import get_user_model\n"
        "from directory.models import MunicipalityPage\n"
        "from guidance.training.models import LearnerProfile\n"
        f"user = get_user_model().objects.create_user({username!r}, {username + '@kalix.se'!r}, "
        f"{PASSWORD!r}, first_name='Ny', last_name='Lärare')\n"
    )
    if profile:
        code += (
            "LearnerProfile.objects.create(user=user, actor='skola', "
            "municipality=MunicipalityPage.objects.get(slug='kalix'))\n"
        )
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", code],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return username


def log_in(page, portal_url, username):
    page.goto(portal_url + "/konto/logga-in/")
    page.get_by_label("E-postadress eller användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/konto/mina-utbildningar/")


def assert_no_violations(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_check_with_errors(page, portal_url):
    page.goto(portal_url + CHECK)
    page.get_by_role("button", name="Skicka svaren").click()
    assert page.get_by_text("Svaren kunde inte rättas").is_visible()
    assert_no_violations(page)


def test_check_answered_wrong_and_right(page, portal_url):
    page.goto(portal_url + CHECK)
    page.get_by_label("Alla barn 0–18 år i Norrbotten").check()
    page.get_by_label("Försäkringskassan").check()
    page.get_by_role("button", name="Skicka svaren").click()
    assert page.get_by_text("Inte godkänt än.").is_visible()
    assert_no_violations(page)
    page.goto(portal_url + CHECK)
    page.get_by_label("Barn och unga till och med 20 år", exact=False).check()
    page.get_by_label("Region Norrbotten").check()
    page.get_by_label("Länets 14 kommuner").check()
    page.get_by_role("button", name="Skicka svaren").click()
    assert page.get_by_text("Godkänt!").is_visible()
    assert_no_violations(page)


def test_learner_pages(page, portal_url, portal_env):
    username = create_learner(portal_env, profile=False)
    log_in(page, portal_url, username)
    assert page.get_by_text("Fyll i din profil").is_visible()
    assert_no_violations(page)
    page.goto(portal_url + "/konto/profil/")
    page.get_by_role("button", name="Spara").click()
    assert page.get_by_text("Formuläret har fel").is_visible()
    assert_no_violations(page)


def test_login_error(page, portal_url):
    page.goto(portal_url + "/konto/logga-in/")
    page.get_by_label("E-postadress eller användarnamn").fill("finns-inte")
    page.get_by_label("Lösenord").fill("fel")
    page.get_by_role("button", name="Logga in").click()
    assert page.get_by_text("Fel e-postadress, användarnamn eller lösenord.").is_visible()
    assert_no_violations(page)


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches `selector`: reachable by keyboard."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} could not be reached with Tab")


def test_new_learner_takes_the_first_module_of_ny_i_skolan_by_keyboard(
    page, portal_url, portal_env
):
    username = create_learner(portal_env)
    page.goto(portal_url + "/")
    tab_to(page, 'a[href^="/konto/logga-in/"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/konto/logga-in/")
    tab_to(page, "#id_username")
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/konto/mina-utbildningar/")

    tab_to(page, ".site-header__brand")
    page.keyboard.press("Enter")
    page.wait_for_url(portal_url + "/")
    tab_to(page, '.entry__paths a[href$="/ny-i-skolan/"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/utbildning/ny-i-skolan/")
    first_module = page.locator(".module-list .module-row__title").first.inner_text()
    assert first_module == "Varför Norrbus och vem det gäller"

    tab_to(page, '.module-list a[href$="/varfor-norrbus/vad-ar-norrbus/"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/varfor-norrbus/vad-ar-norrbus/")
    assert_no_violations(page)
    tab_to(page, ".lesson-done button")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + CHECK)

    # Question 1: one answer, chosen with the arrow keys; question 2: two, with Space.
    tab_to(page, 'input[type="radio"]')
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    checked = page.eval_on_selector_all(
        "input:checked", "els => els.map(e => e.labels[0].textContent.trim())"
    )
    assert checked == [
        "Barn och unga till och med 20 år som behöver samordnade insatser"
        " från mer än en av aktörerna",
        "Region Norrbotten",
        "Länets 14 kommuner",
    ]
    tab_to(page, '.check form button[type="submit"]')
    with page.expect_navigation():  # the same address: the answers are posted to the lesson
        page.keyboard.press("Enter")
    assert page.get_by_text("Godkänt! Du hade 2 av 2 rätt (100 %).").is_visible()
    assert page.get_by_text("Du har slutfört modulen").is_visible()

    tab_to(page, 'a[href="/konto/mina-utbildningar/"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/konto/mina-utbildningar/")
    skolan = page.locator("section.path-progress", has_text="Ny i skolan")
    assert "1 av 5 moduler klara" in skolan.inner_text()
    assert page.get_by_role("link", name="Varför Norrbus och vem det gäller, version 1").count()
    assert_no_violations(page)

    page.get_by_role("link", name="Varför Norrbus och vem det gäller, version 1").click()
    assert page.locator(".certificate__name").inner_text() == "Ny Lärare"
    assert_no_violations(page)
