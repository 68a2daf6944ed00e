"""What a new member of staff does, by keyboard and mouse."""


def test_new_staff_reach_the_meeting_routine_from_home(page, portal_url):
    page.goto(portal_url + "/")
    page.get_by_role("link", name="Norrbusmötet").first.click()
    assert page.url.endswith("/rutiner/norrbusmotet/")
    assert page.locator("ol.steps > li").count() == 4
    steps = page.get_by_role("navigation", name="Stegen").get_by_role("link").all_inner_texts()
    assert steps == [
        "Behov av möte",
        "Kallelse",
        "Mötet",
        "Efter mötet",
    ]


def test_agreement_in_force_is_read_section_by_section(page, portal_url):
    page.goto(portal_url + "/")
    page.get_by_role("link", name="Läs överenskommelsen avsnitt för avsnitt").click()
    assert page.url.endswith("/overenskommelsen/2025/")
    page.get_by_role("navigation", name="Innehåll").get_by_role("link", name="Kallelse").click()
    assert page.url.endswith("#kallelse")
    assert page.locator("#kallelse").is_visible()


def test_compare_versions_with_the_keyboard(page, portal_url):
    # The page opens with the version in force against the coming one (none before it has
    # text), at an address of its own: no choice to make.
    page.goto(portal_url + "/overenskommelsen/jamfor/")
    assert page.url.endswith("/jamfor/?fran=2025&till=version-2027")
    summary = page.locator(".comparison-summary")
    assert summary.inner_text().startswith("1 avsnitt ändrat, 1 nytt, 0 borttagna.")
    assert page.locator(".change--added").all_inner_texts()[0].startswith("Digitala Norrbusmöten")
    assert page.locator(".change--changed").count() == 1
    assert page.locator(".diff__after ins").count() > 0
    # Only versions whose text the portal holds are offered; another comparison is chosen
    # with the keyboard.
    options = page.get_by_label("Jämför från version").locator("option").all_inner_texts()
    assert [option.split(" ")[0] for option in options[1:]] == ["2025", "2027"]
    page.get_by_label("Jämför från version").select_option("version-2027")
    page.get_by_label("till version").select_option("2025")
    page.get_by_label("till version").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/jamfor/?fran=version-2027&till=2025")
    assert page.locator(".change--removed").all_inner_texts()[0].startswith("Digitala")
    assert page.locator(".diff__before del").count() > 0


def test_each_section_has_the_portals_summary_beside_it(page, portal_url):
    page.goto(portal_url + "/overenskommelsen/2025/")
    summary = page.get_by_role("complementary", name="Kort sagt: Kallelse")
    assert summary.is_visible()
    assert "portalens egna ord" in summary.inner_text()


def test_routine_prints_without_navigation(page, portal_url):
    page.goto(portal_url + "/rutiner/grona-kortet/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    # A routine with a checklist prints its versioned address with a QR code, once.
    assert page.locator(".routine-print-address").is_visible()
    assert page.locator(".print-only").count() == 0
    assert page.locator(".checklist li").count() >= 10
    # One without prints the address it came from.
    page.goto(portal_url + "/rutiner/uppfoljning/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert page.locator(".print-only").inner_text().startswith("Utskrivet från http")
    assert page.locator(".routine-print-address").count() == 0
