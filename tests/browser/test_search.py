"""Search in the browser: results with Elasticsearch and on the fallback, suggestions."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .test_accessibility import AXE_OPTIONS


@pytest.fixture(scope="module")
def axe():
    return Axe()


def assert_no_violations(page, axe):
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("query", ["kallelse", "zzzzqqq", "socialjour kalix"])
def test_fallback_results_pass_axe(page, fallback_url, axe, query):
    page.goto(f"{fallback_url}/sok/?q={query}")
    assert page.get_by_text("Förenklad sökning").is_visible()
    assert_no_violations(page, axe)


def test_elasticsearch_answers_without_the_notice(page, portal_url):
    page.goto(f"{portal_url}/sok/?q=BUP")
    count = page.locator(".results-count").inner_text()
    assert count.split()[0].isdigit() and int(count.split()[0]) > 0
    assert page.get_by_text("Förenklad sökning").count() == 0


def test_open_suggestion_list_passes_axe(page, portal_url, axe):
    page.goto(portal_url + "/")
    box = page.get_by_role("combobox", name="Sök i portalen").first
    box.fill("gröna")
    page.get_by_role("listbox").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert_no_violations(page, axe)


def test_suggestions_work_with_the_keyboard_only(page, portal_url):
    page.goto(portal_url + "/sok/")
    box = page.get_by_role("combobox", name="Sök i portalen")
    box.focus()
    page.keyboard.type("grön")
    options = page.get_by_role("option")
    options.first.wait_for()
    page.keyboard.press("ArrowDown")
    active_id = box.get_attribute("aria-activedescendant")
    assert active_id and page.locator(f"#{active_id}").get_attribute("aria-selected") == "true"
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    page.keyboard.press("ArrowDown")
    options.first.wait_for()
    page.keyboard.press("ArrowDown")
    target = page.locator(f"#{box.get_attribute('aria-activedescendant')}").get_attribute(
        "data-url"
    )
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target.split('#')[0]}*")


def test_the_form_works_as_a_plain_form_without_javascript(browser, portal_url):
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    page = context.new_page()
    page.goto(portal_url + "/")
    box = page.get_by_label("Sök i portalen").first
    assert box.get_attribute("role") is None
    box.fill("gröna kortet")
    box.press("Enter")
    page.wait_for_url("**/sok/?q=gr*")
    assert page.get_by_role("link", name="Gröna kortet").first.is_visible()
    context.close()


def test_facets_narrow_the_results_by_keyboard(page, portal_url):
    page.goto(portal_url + "/sok/?q=socialtj%C3%A4nst")
    facet = page.get_by_role("navigation", name="Avgränsa sökningen").get_by_role(
        "link", name="Kontakt"
    )
    facet.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**typ=contact*")
    kinds = page.locator(".result__kind").all_inner_texts()
    assert kinds and all(kind.startswith("Kontakt") for kind in kinds)


def test_tab_closes_the_suggestions_and_moves_on_from_the_box(page, portal_url):
    page.goto(portal_url + "/sok/")
    box = page.get_by_role("combobox", name="Sök i portalen")
    box.focus()
    page.keyboard.type("no")
    listbox = page.get_by_role("listbox")
    listbox.wait_for()
    # The case that went wrong: a list long enough to scroll.
    assert listbox.evaluate("list => list.scrollHeight > list.clientHeight")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.tagName, document.activeElement.textContent.trim()]"
    )
    assert focused == ["BUTTON", "Sök"]
    assert listbox.is_hidden()
    assert box.get_attribute("aria-expanded") == "false"


def test_the_remembered_municipality_comes_first_and_can_be_changed_by_keyboard(
    page, portal_url, axe
):
    page.goto(portal_url + "/vem-ringer-jag/pajala/")  # remembers Pajala
    page.goto(portal_url + "/sok/?q=socialtj%C3%A4nst")
    label = page.locator(".local-first")
    assert label.inner_text() == (
        "Kontakter i Pajala visas först eftersom det är den kommun du senast valde eller tittade"
        " på. Byt kommun"
    )
    first_contact = page.locator(".result--contact .result__kind").first.inner_text()
    assert first_contact == "Kontakt · Pajala"
    assert_no_violations(page, axe)
    label.get_by_role("link", name="Byt kommun").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/kontakter/valj-kommun/?next=*")
    assert_no_violations(page, axe)
    page.get_by_label("Kommun").select_option(label="Kiruna")
    page.get_by_role("button", name="Visa kontakter").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/sok/?q=socialtj*")
    assert label.inner_text().startswith("Kontakter i Kiruna visas först")
    assert page.locator(".result--contact .result__kind").first.inner_text() == "Kontakt · Kiruna"
