"""The feedback and deviation forms in the browser: axe in their error states, with the
Content-Security-Policy in force, and the feedback form used with the keyboard only."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .test_accessibility import AXE_OPTIONS

ROUTINE = "/rutiner/avvikelsehantering/"


@pytest.fixture(scope="module")
def axe():
    return Axe()


def no_violations(page, axe):
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_feedback_error_state(page, portal_url, axe):
    page.goto(portal_url + ROUTINE)
    page.fill("#id_comment", "Saknar kontaktuppgifter.")
    page.click("#aterkoppling button[type=submit]")
    assert page.locator("h1").inner_text() == "Ditt svar skickades inte"
    assert page.locator(".error-summary").is_visible()
    assert page.input_value("#id_comment") == "Saknar kontaktuppgifter."
    no_violations(page, axe)


def test_feedback_with_the_keyboard_only(page, portal_url):
    page.goto(portal_url + ROUTINE)
    page.focus("#id_comment")
    page.keyboard.press("Shift+Tab")  # back into the radio group, on its last choice: Nej
    page.keyboard.press("Space")
    assert page.is_checked("input[name=helpful][value=nej]")
    page.keyboard.press("Tab")
    page.keyboard.type("Steg två var oklart.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{ROUTINE}")
    assert "Tack! Ditt svar hjälper oss" in page.locator(".messages").inner_text()


def test_deviation_form_error_states(page, portal_url, axe):
    page.goto(portal_url + "/avvikelse/")
    no_violations(page, axe)
    send = page.get_by_role("button", name="Skicka rapporten")
    send.click()
    assert page.locator(".error-summary").is_visible()
    no_violations(page, axe)
    page.select_option("#id_routine", label="Norrbusmötet")
    page.fill("#id_description", "Rapport om 850709-9805 och mer.")
    send.click()
    assert "personnummer" in page.locator(".error-summary").inner_text()
    assert page.input_value("#id_description") == ""  # the number is not shown again
    no_violations(page, axe)


def test_the_content_security_policy_does_not_break_the_search_suggestions(page, portal_url):
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.goto(portal_url + "/rutiner/")
    page.get_by_role("combobox", name="Sök i portalen").first.fill("norrb")
    page.wait_for_selector("[role=listbox] [role=option]")
    assert page.locator("[role=listbox] [role=option]").count() > 0
    assert not [error for error in errors if "Content Security Policy" in error]
