"""Every page type passes axe-core's WCAG 2.1 A/AA rules with zero violations, keeps the
skip link working and does not scroll sideways at 320 px."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

PAGES = {
    "home": "/",
    "content": "/om-norrbus/",
    "new staff": "/ny-i-norrbus/",
    "structure diagrams": "/samverkansstrukturen/",
    "section": "/rutiner/",
    "agreement index": "/overenskommelsen/",
    "version in force": "/overenskommelsen/2025/",
    "coming version": "/overenskommelsen/version-2027/",
    "version without text": "/overenskommelsen/2013/",
    # Opens with the version in force against the coming one (a redirect to their address).
    "comparison default": "/overenskommelsen/jamfor/",
    "comparison": "/overenskommelsen/jamfor/?fran=2025&till=version-2027",
    "comparison error": "/overenskommelsen/jamfor/?fran=2025&till=2025",
    "comparison without text": "/overenskommelsen/jamfor/?fran=2013&till=2025",
    "actor": "/aktorer/primarvard/",
    "my role": "/aktorer/skola/min-roll/",
    "role matrix": "/rutiner/vem-gor-vad/",
    "routine": "/rutiner/norrbusmotet/",
    "checklist routine": "/rutiner/grona-kortet/",
    "glossary": "/begrepp/",
    "search results": "/sok/?q=kallelse",
    "search results with contacts": "/sok/?q=socialjour+kalix",
    "search filtered": "/sok/?q=socialtj%C3%A4nst&typ=contact",
    "search page 2": "/sok/?q=norrbus&sida=2",
    "search corrected": "/sok/?q=norrbuz",
    "search identity number warning": "/sok/?q=sip&pnr=1",
    "search without results": "/sok/?q=zzzzqqq",
    "not found": "/finns-inte/",
    "directory": "/vem-ringer-jag/",
    "situation finder result": "/vem-ringer-jag/?kommun=pajala&situation=orolig-for-ett-barn",
    "situation finder error": "/vem-ringer-jag/?kommun=&situation=",
    "municipality": "/vem-ringer-jag/kalix/",
    "print card": "/vem-ringer-jag/kalix/utskrift/",
    "local routine": "/vem-ringer-jag/kalix/lokalt-tillagg-norrbusmotet/",
    "training": "/utbildning/",
    "onboarding path": "/utbildning/ny-i-skolan/",
    "training module": "/utbildning/varfor-norrbus/",
    "lesson": "/utbildning/varfor-norrbus/vad-ar-norrbus/",
    "lesson with check": "/utbildning/varfor-norrbus/vem-norrbus-galler/",
    "lesson with diagram": "/utbildning/samverkansstrukturen/tre-nivaer/",
    "login": "/konto/logga-in/",
    "changes": "/andringar/",
    "deviation report": "/avvikelse/",
    "accessibility statement": "/tillganglighet/",
}

# Pages checked again with every folded "Innan du kontaktar" opened, as a reader opens them.
# Kalix is remembered first, so that the routine's steps show Kalix's contacts.
PAGES_WITH_DETAILS_OPEN = {
    "municipality, before contact open": "/vem-ringer-jag/kalix/",
    "situation finder result, before contact open": (
        "/vem-ringer-jag/?kommun=pajala&situation=orolig-for-ett-barn"
    ),
    "routine step contacts, before contact open": "/rutiner/norrbusmotet/",
}


def open_every_before_contact(page, portal_url, path) -> None:
    page.goto(portal_url + "/vem-ringer-jag/kalix/")
    page.goto(portal_url + path)
    details = page.locator("details.before-contact")
    assert details.count() > 0
    details.evaluate_all("all => all.forEach(details => { details.open = true; })")
    assert page.locator("details.before-contact:not([open])").count() == 0
    assert page.get_by_text("Portalens råd:").first.is_visible()


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_wcag_violations(page, portal_url, axe, path):
    page.goto(portal_url + path)
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_horizontal_scroll_at_320px(page, portal_url, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(portal_url + path)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


@pytest.mark.parametrize(
    "path", PAGES_WITH_DETAILS_OPEN.values(), ids=PAGES_WITH_DETAILS_OPEN.keys()
)
def test_no_wcag_violations_with_before_contact_open(page, portal_url, axe, path):
    open_every_before_contact(page, portal_url, path)
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize(
    "path", PAGES_WITH_DETAILS_OPEN.values(), ids=PAGES_WITH_DETAILS_OPEN.keys()
)
def test_no_horizontal_scroll_at_320px_with_before_contact_open(page, portal_url, path):
    page.set_viewport_size({"width": 320, "height": 640})
    open_every_before_contact(page, portal_url, path)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def answer_feedback(page, portal_url, commented: bool) -> None:
    page.goto(portal_url + "/rutiner/norrbusmotet/")
    page.get_by_role("button", name="Ja").click()
    if commented:
        page.fill("#id_comment", "Tydliga steg.")
        page.get_by_role("button", name="Skicka kommentaren").click()
        page.get_by_text("Tack för din kommentar!").wait_for()
    else:
        page.locator("#id_comment").wait_for()


@pytest.mark.parametrize("commented", [False, True], ids=["answered", "commented"])
def test_feedback_states_after_answering_pass_axe_and_fit_320px(page, portal_url, axe, commented):
    answer_feedback(page, portal_url, commented)
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    page.set_viewport_size({"width": 320, "height": 640})
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_before_contact_opens_and_closes_with_the_keyboard(page, portal_url):
    page.goto(portal_url + "/vem-ringer-jag/kalix/")
    card = page.locator("li.contact", has_text="Socialtjänsten, mottagningen för barn och unga")
    summary = card.get_by_text("Innan du kontaktar")
    answer_time = card.get_by_text("Svarstid")
    assert card.get_by_role("link", name=re.compile(r"^070-174 06")).first.is_visible()
    assert not answer_time.is_visible()
    # Tab from the card's e-mail link, its last way to reach the unit, reaches the summary.
    card.get_by_role("link", name=re.compile(r"@example\.org$")).focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    assert answer_time.is_visible()
    assert card.get_by_text("Portalens råd:").is_visible()
    page.keyboard.press("Space")
    assert not answer_time.is_visible()
    assert summary.is_visible()


def test_skip_link_is_first_and_moves_focus_to_main(page, portal_url):
    page.goto(portal_url + "/rutiner/norrbusmotet/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Hoppa till innehållet"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_focus_is_visible_on_links(page, portal_url):
    page.goto(portal_url + "/")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
