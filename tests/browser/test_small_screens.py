"""On a phone: the page heading and the first answer on the first screen, a main menu that
folds behind "Meny" (a button with JavaScript, a link to the footer's menu without it), and
search results before their filters."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import AXE_OPTIONS

PHONES = {"320 px": {"width": 320, "height": 640}, "375 px": {"width": 375, "height": 740}}

# Each page's first answer: what a reader came for. The municipality page's first number is
# checked in test_municipality_first_screen.py.
FIRST_ANSWERS = {
    "home": ("/", "#home-search"),
    "routine": ("/rutiner/norrbusmotet/", "nav.toc a"),
    "search": ("/sok/?q=sip", "ol.results > li a"),
}


def bottom(locator) -> float:
    box = locator.bounding_box()
    assert box is not None, "not rendered"
    return box["y"] + box["height"]


@pytest.mark.parametrize("viewport", PHONES.values(), ids=PHONES.keys())
@pytest.mark.parametrize("path, answer", FIRST_ANSWERS.values(), ids=FIRST_ANSWERS.keys())
def test_heading_and_first_answer_are_on_the_first_screen(page, portal_url, viewport, path, answer):
    page.set_viewport_size(viewport)
    page.goto(portal_url + path)
    assert bottom(page.locator("main h1")) <= viewport["height"]
    assert bottom(page.locator(answer).first) <= viewport["height"]


def test_the_menu_opens_and_closes_by_keyboard(page, portal_url):
    page.set_viewport_size(PHONES["375 px"])
    page.goto(portal_url + "/rutiner/norrbusmotet/")
    menu = page.get_by_role("navigation", name="Huvudmeny")
    button = page.get_by_role("button", name="Meny")
    assert not menu.is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    assert button.get_attribute("aria-controls") == "huvudmeny"
    # Without JavaScript's button the link stands in; with it, the link is hidden.
    assert not page.locator("[data-menu-link]").is_visible()

    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert menu.is_visible()
    # The open menu's links come right after the header's search (its field and button).
    in_menu = "document.activeElement.closest('#huvudmeny') !== null"
    presses = 0
    while not page.evaluate(in_menu) and presses < 5:
        page.keyboard.press("Tab")
        presses += 1
    assert presses == 3
    assert page.evaluate("document.activeElement.textContent") == "Om Norrbus"
    page.keyboard.press("Escape")
    assert not menu.is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.dataset.menuButton") == ""

    page.keyboard.press("Space")
    assert menu.is_visible()
    page.keyboard.press("Space")
    assert not menu.is_visible()


def test_on_a_wide_screen_the_menu_is_open_and_has_no_button(page, portal_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(portal_url + "/")
    menu = page.get_by_role("navigation", name="Huvudmeny")
    assert menu.is_visible()
    assert menu.get_by_role("link", name="Rutiner").is_visible()
    assert not page.get_by_role("button", name="Meny").is_visible()


@pytest.fixture
def page_without_javascript(browser):
    context = browser.new_context(locale="sv-SE", java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def test_without_javascript_meny_leads_to_the_menu_at_the_foot(page_without_javascript, portal_url):
    page = page_without_javascript
    page.set_viewport_size(PHONES["320 px"])
    page.goto(portal_url + "/rutiner/norrbusmotet/")
    assert not page.get_by_role("navigation", name="Huvudmeny").is_visible()
    assert not page.get_by_role("button", name="Meny").is_visible()
    link = page.get_by_role("link", name="Meny", exact=True)
    assert link.is_visible()
    link.focus()
    page.keyboard.press("Enter")
    assert page.url.endswith("#sidfotsmeny")
    footer_menu = page.get_by_role("navigation", name="Meny", exact=True)
    top = footer_menu.evaluate("menu => menu.getBoundingClientRect().top")
    # Scrolled to the top of the screen (give or take a sub-pixel).
    assert -1 < top < PHONES["320 px"]["height"]
    footer_menu.get_by_role("link", name="Rutiner").click()
    assert page.url.endswith("/rutiner/")


def test_the_open_menu_has_no_wcag_violations(page, portal_url):
    page.set_viewport_size(PHONES["375 px"])
    page.goto(portal_url + "/")
    page.get_by_role("button", name="Meny").click()
    assert page.get_by_role("navigation", name="Huvudmeny").is_visible()
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_on_a_phone_results_come_before_the_folded_filters(page, portal_url):
    page.set_viewport_size(PHONES["375 px"])
    page.goto(portal_url + "/sok/?q=socialtj%C3%A4nst")
    first_hit = page.locator("ol.results > li").first
    filters = page.get_by_role("navigation", name="Avgränsa sökningen")
    assert bottom(first_hit) <= filters.bounding_box()["y"]
    summary = filters.locator("summary")
    assert summary.inner_text().startswith("Avgränsa")
    option = filters.get_by_role("link", name=re.compile(r"^Kontakt "))
    assert not option.is_visible()
    summary.focus()
    page.keyboard.press("Enter")
    assert option.is_visible()
    option.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**typ=contact**")
    # A chosen filter is named in the count and on the folded summary.
    assert "med valda filter" in page.locator(".results-count").inner_text()
    assert (
        "(filter valt)"
        in page.get_by_role("navigation", name="Avgränsa sökningen").locator("summary").inner_text()
    )


def test_on_a_wide_screen_the_filters_stand_open_beside_the_results(page, portal_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(portal_url + "/sok/?q=socialtj%C3%A4nst")
    filters = page.get_by_role("navigation", name="Avgränsa sökningen")
    first_hit = page.locator("ol.results > li").first
    assert filters.get_by_role("link", name=re.compile(r"^Kontakt ")).is_visible()
    assert (
        filters.bounding_box()["x"] + filters.bounding_box()["width"]
        <= first_hit.bounding_box()["x"]
    )
