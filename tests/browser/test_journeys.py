"""What a new member of staff does, by keyboard and mouse."""

import pytest


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


# Tab presses from page load to each control the journeys above activate, by keyboard alone,
# at most the figures measured once heading links and the breadcrumbs' links to the current
# and the start page stopped being tab stops. Before that (the header of 37512c0): 24, 21+35,
# 17+1+1 and 49+20 at 1280 px; 16, 13+27, 9+1+1 and 41+12 at 375 px.
TAB_PRESSES = {
    1280: {"routine": [23], "agreement": [20, 33], "comparison": [16, 1, 1], "print": [44, 19]},
    375: {"routine": [15], "agreement": [12, 25], "comparison": [8, 1, 1], "print": [36, 11]},
}


def tabs_to(page, target, limit=100) -> int:
    """Presses Tab until `target` has the focus; says how many presses it took."""
    element = target.element_handle()
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("element => document.activeElement === element", element):
            return presses
    raise AssertionError(f"Not reached in {limit} Tab presses")


def keyboard_journeys(page, portal_url) -> dict[str, list[int]]:
    """The journeys above, each with as many activations (here Enter) as there."""
    presses = {}
    page.goto(portal_url + "/")
    presses["routine"] = [tabs_to(page, page.get_by_role("link", name="Norrbusmötet").first)]
    page.keyboard.press("Enter")
    page.wait_for_url("**/rutiner/norrbusmotet/")

    page.goto(portal_url + "/")
    read = page.get_by_role("link", name="Läs överenskommelsen avsnitt för avsnitt")
    presses["agreement"] = [tabs_to(page, read)]
    page.keyboard.press("Enter")
    page.wait_for_url("**/overenskommelsen/2025/")
    contents = page.get_by_role("navigation", name="Innehåll")
    presses["agreement"].append(tabs_to(page, contents.get_by_role("link", name="Kallelse")))
    page.keyboard.press("Enter")
    page.wait_for_url("**#kallelse")

    page.goto(portal_url + "/overenskommelsen/jamfor/")
    presses["comparison"] = [tabs_to(page, page.get_by_label("Jämför från version"))]
    page.get_by_label("Jämför från version").select_option("2025")
    presses["comparison"].append(tabs_to(page, page.get_by_label("till version")))
    page.get_by_label("till version").select_option("version-2027")
    presses["comparison"].append(tabs_to(page, page.get_by_role("button", name="Jämför")))
    # The page opens on this very comparison, so the address alone cannot tell that the
    # form's answer has arrived: wait for the navigation itself.
    with page.expect_navigation(url="**/jamfor/?fran=2025&till=version-2027"):
        page.keyboard.press("Enter")

    page.goto(portal_url + "/rutiner/grona-kortet/")
    card = page.get_by_role("link", name="Skriv ut checklistan som kort att vika")
    presses["print"] = [tabs_to(page, card)]
    page.keyboard.press("Enter")
    page.wait_for_url("**/rutiner/grona-kortet/kort/")
    presses["print"].append(tabs_to(page, page.get_by_role("button", name="Skriv ut kortet")))
    return presses


@pytest.mark.parametrize("width", TAB_PRESSES)
def test_the_journeys_take_few_tab_presses(page, portal_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    measured = keyboard_journeys(page, portal_url)
    for journey, limits in TAB_PRESSES[width].items():
        steps = zip(measured[journey], limits, strict=True)
        assert all(taken <= limit for taken, limit in steps), (journey, measured)
