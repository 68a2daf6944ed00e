"""The checklist ticked in the browser (kept on the device only), printed as one A4 page or
as a folded card with a municipality's numbers; the meeting kit's pages pass axe."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import AXE_OPTIONS

CHECKLIST = "/rutiner/grona-kortet/"
CARD = "/rutiner/grona-kortet/kort/?kommun=kalix"
KIT = "/rutiner/norrbusmotet/mallar/"
NEW_PAGES = {
    "checklist ticked": CHECKLIST,
    "card": CARD,
    "card without municipality": "/rutiner/grona-kortet/kort/",
    "card unknown municipality": "/rutiner/grona-kortet/kort/?kommun=finns-inte",
    "kit invitation": KIT + "kallelse/",
    "kit agenda": KIT + "dagordning/",
    "kit commitments": KIT + "ataganden/",
    "kit consent": KIT + "samtycke/",
    "kit follow-up": KIT + "uppfoljning/",
    "kit bad version": KIT + "kallelse/?version=x",
    "routine with kit": "/rutiner/norrbusmotet/",
}


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_ticks_by_keyboard_survive_a_reload_and_can_be_cleared(page, portal_url):
    page.goto(portal_url + CHECKLIST)
    boxes = page.get_by_role("checkbox")
    assert boxes.count() == page.locator(".checklist li").count() >= 10
    first = page.get_by_role(
        "checkbox", name="Den unge och vårdnadshavaren (under 18 år) accepterar och kan delta"
    )
    first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the next item, reached by keyboard
    assert first.is_checked() and boxes.nth(2).is_checked()
    assert not boxes.nth(0).is_checked()

    page.reload()
    assert first.is_checked() and boxes.nth(2).is_checked()
    assert not boxes.nth(0).is_checked()
    stored = page.evaluate("Object.keys(localStorage)")
    assert len(stored) == 1 and stored[0].startswith("norrbus-checklista:")

    page.get_by_role("button", name="Rensa bockarna").click()
    assert page.locator("[data-checklist-status]").inner_text() == "Bockarna är borttagna."
    assert not any(boxes.nth(n).is_checked() for n in range(boxes.count()))
    page.reload()
    assert not any(boxes.nth(n).is_checked() for n in range(boxes.count()))
    assert page.evaluate("localStorage.length") == 0


def test_without_javascript_the_checklist_is_a_plain_list(browser, portal_url):
    context = browser.new_context(locale="sv-SE", java_script_enabled=False)
    page = context.new_page()
    page.goto(portal_url + CHECKLIST)
    assert page.locator(".checklist li").count() >= 10
    assert page.get_by_role("checkbox").count() == 0
    assert not page.get_by_role("button", name="Rensa bockarna").is_visible()
    assert page.get_by_role("link", name="Skriv ut checklistan som kort att vika").is_visible()
    context.close()


def test_the_checklist_page_prints_on_one_a4_page_with_version_and_qr(page, portal_url):
    page.goto(portal_url + CHECKLIST)
    key = page.locator("[data-checklist-key]").get_attribute("data-checklist-key")
    version = key.rsplit(":", 1)[1]
    page.emulate_media(media="print")
    footer = page.locator(".routine-print-address")
    assert footer.is_visible()
    text = footer.inner_text()
    assert f"Version {version}" in text and "Kontrollera att du har senaste versionen" in text
    assert portal_url.replace("127.0.0.1", "localhost") in text or "/rutiner/grona-kortet/" in text
    assert footer.locator("svg").count() == 1
    assert pdf_pages(page.pdf(format="A4")) == 1


def test_the_card_prints_on_one_page_with_version_and_the_municipalitys_numbers(page, portal_url):
    # The numbers Kalix's own printable card holds are the ones the folded card must hold.
    page.goto(portal_url + "/vem-ringer-jag/kalix/utskrift/")
    numbers = [
        number.strip()
        for number in page.locator(".print-card__table td:last-child").all_inner_texts()
    ]
    assert len(numbers) >= 5

    page.goto(portal_url + CHECKLIST)
    version = page.locator("[data-checklist-key]").get_attribute("data-checklist-key")
    version = version.rsplit(":", 1)[1]

    page.goto(portal_url + CARD)
    page.get_by_role("checkbox", name="Uppföljande möte är kallat").check()
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Skriv ut kortet").is_visible()
    printed = page.locator(".checklist-card").inner_text()
    assert f"Version {version}" in printed
    assert "Kontrollera att du har senaste versionen" in printed
    assert "Viktiga nummer i Kalix" in printed
    assert all(number in printed for number in numbers)
    assert page.locator(".checklist-card__back .print-card__qr svg").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf_pages(pdf) == 1


def test_the_card_can_change_municipality_by_keyboard(page, portal_url):
    page.goto(portal_url + CARD)
    page.get_by_label("Kommun på kortets baksida").select_option("pajala")
    page.get_by_role("button", name="Visa kommunen").press("Enter")
    page.wait_for_url(re.compile(r"kommun=pajala"))
    assert page.get_by_role("heading", name="Viktiga nummer i Pajala").is_visible()


def test_kit_page_links_its_word_file_and_prints_without_the_tools(page, portal_url):
    page.goto(portal_url + KIT + "kallelse/")
    link = page.get_by_role("link", name="Hämta som Word-fil (.docx)")
    assert re.search(r"kallelse\.docx\?version=\d+$", link.get_attribute("href"))
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.startswith("norrbusmotet-kallelse-v")
    page.emulate_media(media="print")
    assert not link.is_visible()
    assert page.locator(".kit__footer").is_visible()


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("path", NEW_PAGES.values(), ids=NEW_PAGES.keys())
def test_new_pages_have_no_wcag_violations(page, portal_url, axe, path):
    page.goto(portal_url + path)
    if path == CHECKLIST:
        page.get_by_role("checkbox").first.check()
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", NEW_PAGES.values(), ids=NEW_PAGES.keys())
def test_new_pages_do_not_scroll_sideways_at_320px(page, portal_url, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(portal_url + path)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
