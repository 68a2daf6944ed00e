"""The feedback and deviation forms in the browser: axe in their states after answering and
in their error states, with the Content-Security-Policy in force, the feedback form used with
the keyboard only and without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .test_accessibility import AXE_OPTIONS

ROUTINE = "/rutiner/avvikelsehantering/"


@pytest.fixture(scope="module")
def axe():
    return Axe()


def no_violations(page, axe):
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_feedback_answered_in_place_with_the_keyboard_only(page, portal_url, axe):
    page.goto(portal_url + ROUTINE)
    page.get_by_role("button", name="Nej").focus()
    page.keyboard.press("Enter")
    thanks = page.locator("#aterkoppling .feedback__thanks")
    expect(thanks).to_be_focused()
    expect(thanks).to_have_text("Tack! Ditt svar hjälper oss att göra sidan bättre.")
    assert page.url == portal_url + ROUTINE  # the page did not reload
    assert page.get_by_role("button", name="Nej").count() == 0
    no_violations(page, axe)
    page.keyboard.press("Tab")
    page.keyboard.type("Gäller 850709-9805.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    summary = page.locator("#aterkoppling .error-summary")
    expect(summary).to_be_focused()
    assert "personnummer" in summary.inner_text()
    assert page.input_value("#id_comment") == ""  # the number is not shown again
    no_violations(page, axe)
    page.fill("#id_comment", "Steg två var oklart.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(thanks).to_have_text("Tack för din kommentar!")
    expect(thanks).to_be_focused()
    no_violations(page, axe)


def test_feedback_without_javascript_comes_back_to_the_form(browser, portal_url):
    context = browser.new_context(locale="sv-SE", java_script_enabled=False)
    page = context.new_page()
    page.goto(portal_url + ROUTINE)
    page.get_by_role("button", name="Ja").click()
    page.wait_for_url("**#aterkoppling")
    thanks = page.locator("#aterkoppling .feedback__thanks")
    expect(thanks).to_have_text("Tack! Ditt svar hjälper oss att göra sidan bättre.")
    expect(thanks).to_be_in_viewport()
    assert page.locator(".messages").count() == 0  # not said again at the top
    page.fill("#id_comment", "Bra med stegen.")
    page.get_by_role("button", name="Skicka kommentaren").click()
    page.wait_for_url(f"**{ROUTINE}#aterkoppling")
    expect(thanks).to_have_text("Tack för din kommentar!")
    expect(thanks).to_be_in_viewport()
    page.reload()
    expect(page.get_by_role("button", name="Ja")).to_be_visible()  # asked again
    context.close()


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
