"""'Vem ringer jag?' in a real browser: few clicks, no JavaScript needed, remembered place."""

import re

from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import AXE_OPTIONS


def test_pajala_social_services_in_at_most_three_clicks(page, portal_url):
    page.goto(portal_url + "/")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name="Vem ringer jag?"
    ).click()
    page.get_by_role("link", name="Pajala", exact=True).click()
    assert page.url.endswith("/vem-ringer-jag/pajala/")
    section = page.locator(
        "section", has=page.get_by_role("heading", name="Socialtjänst", exact=True)
    )
    card = section.locator("li.contact", has_text="Socialtjänsten, mottagningen för barn och unga")
    assert card.is_visible()
    phone = card.locator("a.contact__phone")
    assert re.fullmatch(r"tel:\+467017406\d\d", phone.get_attribute("href"))
    assert card.get_by_text("Exempeluppgift").is_visible()


def test_situation_finder_works_without_javascript(browser, portal_url):
    context = browser.new_context(locale="sv-SE", java_script_enabled=False)
    page = context.new_page()
    page.goto(portal_url + "/vem-ringer-jag/")
    page.get_by_label("Kommun", exact=True).select_option(label="Kalix")
    page.get_by_label("Vad gäller det?").select_option(label="Barnet är placerat")
    page.get_by_role("button", name="Visa kontakter").click()
    result = page.locator("#resultat")
    assert result.get_by_role("heading", name="Barnet är placerat i Kalix").is_visible()
    assert result.get_by_role("link", name="Vård utanför det egna hemmet").is_visible()
    assert result.get_by_text("Socialtjänsten, mottagningen för barn och unga").first.is_visible()
    context.close()


def test_situation_finder_with_the_keyboard_and_errors(page, portal_url):
    page.goto(portal_url + "/vem-ringer-jag/")
    page.get_by_role("button", name="Visa kontakter").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/vem-ringer-jag/?kommun=&situation=*")
    alert = page.get_by_role("alert")
    assert "Välj en kommun." in alert.inner_text()
    alert.get_by_role("link", name="Välj en kommun.").click()
    assert page.evaluate("document.activeElement.id") == "id_kommun"
    page.get_by_label("Kommun", exact=True).select_option(label="Boden")
    page.get_by_label("Vad gäller det?").select_option(label="Kalla till Norrbusmöte")
    page.get_by_label("Vad gäller det?").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/vem-ringer-jag/?kommun=boden&situation=kalla-till-norrbusmote*")
    heading = page.locator("#resultat").get_by_role(
        "heading", name="Kalla till Norrbusmöte i Boden"
    )
    assert heading.is_visible()


def test_routine_shows_contacts_in_the_remembered_municipality(page, portal_url):
    page.goto(portal_url + "/vem-ringer-jag/haparanda/")
    page.goto(portal_url + "/rutiner/norrbusmotet/")
    kallelse = page.locator("li.step#kallelse")
    aside = kallelse.get_by_role("complementary")
    assert aside.get_by_role("heading", name="Kontakter i Haparanda").is_visible()
    # The unit's name is also in its "Innan du kontaktar" summary, for screen readers.
    assert aside.get_by_role("strong").filter(has_text="Hälsocentralen i Haparanda").is_visible()
    assert aside.get_by_role("strong").filter(has_text="BUP-linjen").is_visible()
    assert page.locator("li.step#motet").get_by_role("complementary").count() == 0
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    # Choose another municipality on the routine page itself.
    page.get_by_label("Byt kommun").select_option(label="Kiruna")
    page.get_by_role("button", name="Visa kontakter").click()
    assert kallelse.get_by_role("heading", name="Kontakter i Kiruna").is_visible()


def test_print_card_fits_on_one_page(page, portal_url):
    page.goto(portal_url + "/vem-ringer-jag/gallivare/utskrift/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert page.get_by_text("Inaktuell efter utskrift.").is_visible()
    assert page.locator(".print-card__qr svg").is_visible()
    pdf = page.pdf(format="A4", print_background=False)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
