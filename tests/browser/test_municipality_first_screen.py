"""A municipality page answers on its first screen: the heading and the first number (112,
then the out-of-hours jour) before any scrolling, on a phone and at a desk; the actors' cards
use the width; the folded contents list opens with the keyboard."""

import itertools

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import AXE_OPTIONS

KALIX = "/vem-ringer-jag/kalix/"


def box(locator) -> dict:
    return locator.evaluate(
        "element => { const r = element.getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; }"
    )


@pytest.mark.parametrize(
    "width, height", [(320, 640), (375, 740), (1280, 800)], ids=["320", "375", "1280"]
)
def test_heading_and_first_numbers_are_on_the_first_screen(page, portal_url, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(portal_url + KALIX)
    assert box(page.locator("main h1"))["bottom"] <= height
    first_tel = page.locator('main a[href^="tel:"]').first
    assert first_tel.get_attribute("href") == "tel:112"
    assert box(first_tel)["bottom"] <= height
    # The first number from the directory's data too: the jour, out of hours.
    jour = page.locator("section.urgent li.urgent__item", has_text="Socialjouren").locator(
        'a[href^="tel:"]'
    )
    assert box(jour)["bottom"] <= height
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_urgent_block_comes_before_the_actors(page, portal_url):
    page.goto(portal_url + KALIX)
    urgent = page.get_by_role("region", name="Akut och utanför kontorstid")
    assert urgent.get_by_role("link", name="112", exact=True).is_visible()
    first_actor = page.get_by_role("region", name="Skola", exact=True)
    assert box(urgent)["bottom"] <= box(first_actor)["top"]
    contents = page.get_by_role("navigation", name="Innehåll på sidan")
    assert box(urgent)["bottom"] <= box(contents)["top"] <= box(first_actor)["top"]


def test_cards_share_rows_at_a_desk_and_stack_on_a_phone(page, portal_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(portal_url + KALIX)
    cards = page.locator(".actor-groups li.contact")
    boxes = [box(cards.nth(index)) for index in range(cards.count())]
    first_row = [b for b in boxes if abs(b["top"] - boxes[0]["top"]) < 1]
    assert len(first_row) > 1
    # The row reaches across the content, not a third of it.
    content = box(page.locator(".actor-groups"))
    assert max(b["right"] for b in first_row) >= content["right"] - 1
    # Row by row, left to right, in the actors' order: the order screen readers read.
    reading = [(round(b["top"]), b["left"]) for b in boxes]
    assert reading == sorted(reading)
    page.set_viewport_size({"width": 320, "height": 640})
    boxes = [box(cards.nth(index)) for index in range(cards.count())]
    assert len({round(b["left"]) for b in boxes}) == 1
    assert all(earlier["bottom"] <= later["top"] for earlier, later in itertools.pairwise(boxes))


def test_contents_list_opens_with_the_keyboard(page, portal_url):
    page.goto(portal_url + KALIX)
    contents = page.get_by_role("navigation", name="Innehåll på sidan")
    skola = contents.get_by_role("link", name="Skola", exact=True)
    assert not skola.is_visible()
    # The print link closes the urgent block; the next tab stop is the folded contents list.
    page.get_by_role("link", name="Skriv ut kortet med de viktigaste numren").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Innehåll på sidan"
    page.keyboard.press("Enter")
    assert skola.is_visible()
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kalix/#skola")
