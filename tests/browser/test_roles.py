""" "Min roll i rutinerna" and "Vem gör vad i rutinerna" by keyboard, and on paper (axe and
320 px: test_accessibility.PAGES)."""

MY_ROLE = "/aktorer/skola/min-roll/"
MATRIX = "/rutiner/vem-gor-vad/"


def tab_to(page, name: str, limit: int = 80) -> None:
    """Press Tab until the focused element's text (or its role, `role:…`) is `name`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        text, role = page.evaluate(
            "[document.activeElement.textContent.trim(),"
            " document.activeElement.getAttribute('role')]"
        )
        if name in (text, f"role:{role}"):
            return
    raise AssertionError(f"{name!r} was not reached by keyboard")


def test_the_actor_page_leads_to_my_role_by_keyboard(page, portal_url):
    page.goto(portal_url + "/aktorer/skola/")
    tab_to(page, "Min roll i rutinerna")
    page.keyboard.press("Enter")
    page.wait_for_url(portal_url + MY_ROLE)
    assert page.get_by_role("heading", level=1).inner_text() == "Min roll i rutinerna: Skola"
    step = page.get_by_role("link", name="Steg 2: Kallelse").first
    assert step.get_attribute("href") == "/rutiner/norrbusmotet/#kallelse"


def test_the_matrix_scrolls_by_keyboard_at_320px_and_its_links_are_reachable(page, portal_url):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(portal_url + MATRIX)
    region = page.get_by_role("region", name="Stegen där varje aktör har en del, per rutin")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")  # the table scrolls in it
    tab_to(page, "role:region")
    page.keyboard.press("ArrowRight")
    # The page's CSP forbids wait_for_function's eval: poll with evaluate.
    for _ in range(20):
        if page.evaluate("document.querySelector('.role-matrix-wrap').scrollLeft") > 0:
            break
        page.wait_for_timeout(100)
    assert page.evaluate("document.querySelector('.role-matrix-wrap').scrollLeft") > 0
    tab_to(page, "1. Behov av möte")
    page.keyboard.press("Enter")
    page.wait_for_url(portal_url + "/rutiner/norrbusmotet/#behov-av-mote")


def test_the_matrix_prints_without_cutting_the_table(page, portal_url):
    page.goto(portal_url + MATRIX)
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 718, "height": 1000})  # A4 less the margins, at 96 dpi
    wrap = page.locator(".role-matrix-wrap")
    assert wrap.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert not page.locator(".site-header").is_visible()
    assert "kontrollera alltid den senaste versionen" in page.locator(".print-only").inner_text()
    assert len(page.pdf(format="A4")) > 0


def test_my_role_prints_its_steps_without_the_navigation(page, portal_url):
    page.goto(portal_url + MY_ROLE)
    page.emulate_media(media="print")
    assert not page.locator(".breadcrumbs").is_visible()
    assert page.get_by_text("kan ta upp behovet med socialtjänsten eller").is_visible()
    assert not page.get_by_role("link", name="Tillbaka till Skola").is_visible()
