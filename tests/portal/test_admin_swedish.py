"""Every admin page an editor uses is in Swedish: none of Wagtail's English UI strings below is
left in what the page shows (its text, and the attributes read out or shown: title,
aria-label, placeholder, alt, a button's value), and a Swedish one is there.

The demo content, and an editor with every right like the demo's (`seed_demo --demo-editor`)."""

import re
from html.parser import HTMLParser

import pytest
from wagtail.models import Page, Site

from directory.models import MunicipalityPage
from guidance.models import AgreementVersionPage, RoutinePage

# English that Wagtail 8.0 shows where its Swedish catalogue has no translation, or writes into
# its templates. Each is matched as a whole word, case and all. ("Status" and "Filter" are
# Swedish too, and are not here.)
ENGLISH = [
    "Exploring",
    "of",
    "Views",
    "Search",
    "Search terms",
    "donation",
    "Nov",
    "Schedule",
    "Go live",
    "Go-live",
    "Expire",
    "Expiry",
    "Edit",
    "Delete",
    "Add",
    "Sort",
    "Actions",
    "Date updated",
    "Locked by",
    "Any",
    "Anyone",
    "Saved",
    "Side panels",
    "Minimap",
    "Refresh",
    "Compare",
    "Save",
    "Publish",
    "Cancel",
]
ENGLISH_PATTERN = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ENGLISH)) + r")(?![\w-])")

SHOWN_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}


class VisibleText(HTMLParser):
    """The text a page shows or reads out; not its scripts, styles, URLs or data attributes."""

    def __init__(self):
        super().__init__()
        self.hidden_depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden_depth += 1
        attributes = dict(attrs)
        self.parts.extend(value for name, value in attrs if name in SHOWN_ATTRIBUTES and value)
        if tag == "input" and attributes.get("type") in ("submit", "button", "reset"):
            self.parts.append(attributes.get("value") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden_depth -= 1

    def handle_data(self, data):
        if not self.hidden_depth:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def english_in(text: str) -> set[str]:
    return set(ENGLISH_PATTERN.findall(text))


def test_the_english_strings_are_found_where_they_are_shown():
    html = (
        '<nav aria-label="Actions"><script>var x = "Edit";</script>'
        '<a href="/admin/sort/" class="Add">1-6 of 6</a><input type="submit" value="Search">'
        '<span data-w-tooltip-content-value="Nov">Sidor</span><p>Bläddrar i</p></nav>'
    )
    text = visible_text(html)
    assert english_in(text) == {"Actions", "of", "Search"}
    assert english_in("Redigera Sidor Status Filter Sökord Visningar") == set()


def admin_pages() -> dict[str, tuple[str, str]]:
    """Name -> (path, a Swedish string the page shows)."""
    home = Page.objects.get(depth=2)
    routines = home.get_children().get(slug="rutiner")
    routine = RoutinePage.objects.child_of(routines).first()
    agreement = AgreementVersionPage.objects.in_force()
    kalix = MunicipalityPage.objects.get(slug="kalix")
    site = Site.objects.get(is_default_site=True)
    return {
        "dashboard": ("/admin/", "Dina sidor att granska"),
        "explorer, root": ("/admin/pages/", "Bläddrar i"),
        "explorer, home": (f"/admin/pages/{home.pk}/", "Bläddrar i"),
        "explorer, section": (f"/admin/pages/{routines.pk}/", "Bläddrar i"),
        "page search": ("/admin/pages/search/?q=barn", "Sök"),
        # The scheduling dialog is part of the edit page.
        "routine edit": (f"/admin/pages/{routine.pk}/edit/", "Schemalägg publicering"),
        "routine history": (f"/admin/pages/{routine.pk}/history/", "Historik"),
        "agreement edit": (f"/admin/pages/{agreement.pk}/edit/", "Redigerar"),
        "municipality edit": (f"/admin/pages/{kalix.pk}/edit/", "Kontakter i kommunen"),
        "new routine": (f"/admin/pages/add/guidance/routinepage/{routines.pk}/", "Ny: Rutin"),
        "glossary": ("/admin/snippets/guidance/glossaryterm/", "Begrepp"),
        "new glossary term": ("/admin/snippets/guidance/glossaryterm/add/", "Begrepp"),
        "situations": ("/admin/snippets/directory/situation/", "Situationer"),
        "county parts": ("/admin/snippets/directory/countypart/", "Länsdelar"),
        "search promotions": ("/admin/searchpicks/", "Premierade sökresultat"),
        "new search promotion": ("/admin/searchpicks/add/", "Premierat sökresultat"),
        # The dialog that picks a promotion's search term (its HTML comes as JSON).
        "search term chooser": ("/admin/searchpicks/queries/chooser/", "Visningar"),
        "search terms report": ("/admin/searchpicks/reports/search-terms/", "Sökord"),
        "content review": ("/admin/granskning/", "Granskning av innehåll"),
        "search statistics": ("/admin/sokstatistik/", "Sökstatistik"),
        "training overview": ("/admin/utbildning/oversikt/", "Utbildningsöversikt"),
        "training invitation": ("/admin/utbildning/bjud-in/", "Inbjudningslänk"),
        "contacts to check": ("/admin/kontakter/okontrollerade/", "Kontakter att kontrollera"),
        "locked pages": ("/admin/reports/locked/", "Låsta sidor"),
        "aging pages": ("/admin/reports/aging-pages/", "Äldre sidor"),
        "site history": ("/admin/reports/site-history/", "Sajthistorik"),
        "page types": ("/admin/reports/page-types-usage/", "Användning av sidtyper"),
        "workflows report": ("/admin/reports/workflow/", "Arbetsflöden"),
        "workflow tasks report": ("/admin/reports/workflow_tasks/", "Arbetsflödesuppgifter"),
        "contact import": ("/admin/kontakter/las-in/", "Läs in"),
        "agreement import": ("/admin/overenskommelse/las-in/", "Läs in som utkast"),
        "deviation reports": ("/admin/avvikelserapporter/", "Avvikelserapporter"),
        "feedback": ("/admin/aterkoppling/", "Hjälpte sidan?"),
        "workflows": ("/admin/workflows/list/", "Arbetsflöden"),
        "workflow tasks": ("/admin/workflows/tasks/index/", "Arbetsflödesuppgifter"),
        "users": ("/admin/users/", "Användare"),
        "documents": ("/admin/documents/", "Dokument"),
        "images": ("/admin/images/", "Bilder"),
        "account": ("/admin/account/", "Konto"),
        "editor guide": ("/admin/redaktorsguide/", "Redaktörsguide"),
        "publisher setting": (f"/admin/settings/home/publishersettings/{site.pk}/", "Utgivare"),
    }


def shown_html(response) -> str:
    if response["Content-Type"] == "application/json":
        return response.json()["html"]
    return response.content.decode()


@pytest.fixture
def editor(client, django_user_model, seeded):
    client.force_login(
        django_user_model.objects.create_superuser("redaktor", "redaktor@example.org", "pw")
    )
    return client


def test_every_admin_page_an_editor_uses_is_in_swedish(editor):
    english = {}
    for name, (path, swedish) in admin_pages().items():
        response = editor.get(path)
        assert response.status_code == 200, f"{name}: {path} answers {response.status_code}"
        text = visible_text(shown_html(response))
        assert swedish in text, f"{name}: {path} does not show {swedish!r}"
        if found := english_in(text):
            english[name] = sorted(found)
    assert english == {}


def test_agreement_versions_are_told_apart_in_the_explorer(editor):
    index = AgreementVersionPage.objects.in_force().get_parent()
    text = visible_text(editor.get(f"/admin/pages/{index.pk}/").content.decode())
    for version in AgreementVersionPage.objects.all():
        label = version.get_admin_display_title()
        assert version.version_label in label
        assert label in text
    assert "2013 (ersatt)" in text


def test_section_rows_are_headed_by_their_heading(editor):
    agreement = AgreementVersionPage.objects.in_force()
    html = editor.get(f"/admin/pages/{agreement.pk}/edit/").content.decode()
    headings = re.findall(r"data-panel-heading-text>\s*([^<]*?)\s*<", html)
    first = agreement.sections.first()
    assert first.heading in headings
    assert not [heading for heading in headings if re.fullmatch(r"Avsnitt \d+", heading)]


def test_the_admin_sign_in_is_in_swedish(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert "Logga in i Norrbus kunskapsportal" in text
    assert "Lösenord" in text and "Användarnamn" in text
    assert "Password" not in text and english_in(text) == set()
