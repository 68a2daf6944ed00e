"""Every page type can be created by an editor in the (Swedish) Wagtail admin, and renders."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from guidance.models import (
    ActorPage,
    AgreementIndexPage,
    AgreementVersionPage,
    ContentPage,
    GlossaryPage,
    RoutinePage,
    SectionPage,
)
from guidance.models.actors import ACTOR_SECTIONS
from tests.factories import AgreementIndexPageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


# One verified law per actor-page section, as the admin posts it.
SECTION_SOURCES = {
    f"{section}_sources": streamfield(
        [("law", {"name": "Hälso- och sjukvårdslag", "sfs": "2017:30", "provision": ""})]
    )
    for section in ACTOR_SECTIONS
}


def form_errors(response, field: str) -> str:
    """A block field's errors as the admin form holds them (the page shows them as JSON)."""
    (error,) = response.context["form"].errors.as_data()[field]
    return json.dumps(error.as_json_data(), ensure_ascii=False)


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktor", "r@example.org", "pw")
    client.force_login(user)
    return client


def create_in_admin(client, parent: Page, model, data: dict) -> Page:
    meta = model._meta
    url = f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/"
    response = client.post(url, nested_form_data({**data, "action-publish": "publish"}))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = model.objects.get(slug=data["slug"])
    assert page.live
    return page


def test_admin_is_in_swedish(editor_client):
    html = editor_client.get("/admin/").content.decode()
    assert 'lang="sv"' in html
    assert "Sidor" in html


def test_section_and_content_pages(editor_client, home_page):
    section = create_in_admin(
        editor_client,
        home_page,
        SectionPage,
        {"title": "Rutiner", "slug": "rutiner", "intro": "Alla rutiner.", "body": streamfield([])},
    )
    article = create_in_admin(
        editor_client,
        section,
        ContentPage,
        {
            "title": "Om Norrbus",
            "slug": "om",
            "intro": "Vad Norrbus är.",
            "body": streamfield(
                [
                    ("heading", {"text": "Vem det gäller", "level": "h2"}),
                    ("paragraph", rich_text("<p>Barn och unga 0–20 år.</p>")),
                    (
                        "process_diagram",
                        {
                            "title": "Mötet",
                            "steps": streamfield(
                                [
                                    ("item", {"title": "Behov", "text": "Någon ser behovet."}),
                                    ("item", {"title": "Kallelse", "text": "Bjud in."}),
                                ]
                            ),
                        },
                    ),
                ]
            ),
            "sources": streamfield([("document", {"title": "Utvärderingen", "part": "kap. 3"})]),
            "content_owner": "Centralt stöd",
            "next_review": "2027-01-01",
        },
    )
    html = editor_client.get(article.url).content.decode()
    assert "Källa:</span>" in html and "Utvärderingen, kap. 3" in html
    assert "<h2>Vem det gäller</h2>" in html
    assert "Nästa granskning" in html
    assert 'class="process"' in html
    assert "Om Norrbus" in editor_client.get(section.url).content.decode()


def test_agreement_index_and_version(editor_client, home_page):
    index = create_in_admin(
        editor_client,
        home_page,
        AgreementIndexPage,
        {"title": "Överenskommelsen", "slug": "overenskommelsen", "intro": rich_text("")},
    )
    version = create_in_admin(
        editor_client,
        index,
        AgreementVersionPage,
        {
            "title": "Norrbus 2025",
            "slug": "2025",
            "version_label": "2025",
            "effective_date": "2025-01-01",
            "decision_date": "",
            "replaces": "",
            "summary": rich_text("<p>Ny version.</p>"),
            "sections": inline_formset(
                [
                    {
                        "level": 1,
                        "heading": "Målgrupp",
                        "anchor": "",
                        "body": rich_text("<p>0–20.</p>"),
                    },
                    {"level": 2, "heading": "Syfte & mål", "anchor": "", "body": rich_text("")},
                ]
            ),
        },
    )
    assert [s.anchor for s in version.sections.all()] == ["malgrupp", "syfte-mal"]
    html = editor_client.get(version.url).content.decode()
    assert 'id="malgrupp"' in html and "Gällande" in html


def test_actor_page(editor_client, home_page):
    section = SectionPageFactory(parent=home_page)
    actor = create_in_admin(
        editor_client,
        section,
        ActorPage,
        {
            "title": "Primärvård",
            "slug": "primarvard",
            "actor": "primarvard",
            "short_description": "Vårdens första linje.",
            "mission": rich_text("<p>Uppdrag.</p>"),
            "legal_basis": rich_text("<p>HSL.</p>"),
            "role_in_norrbus": rich_text("<p>Deltar.</p>"),
            "when_to_involve": rich_text("<p>Tidigt.</p>"),
            "what_to_expect": rich_text("<p>Mandat.</p>"),
            **SECTION_SOURCES,
            "units": inline_formset(
                [{"name": "Hälsocentral", "age_range": "", "description": "Första linjen."}]
            ),
            "misunderstandings": inline_formset(
                [
                    {
                        "belief": "Bjud alltid in BUP.",
                        "clarification": "Börja med hälsocentralen.",
                        "sources": streamfield([("own", {"note": "Vårdens egna riktlinjer"})]),
                    }
                ]
            ),
            "content_owner": "",
            "next_review": "",
        },
    )
    html = editor_client.get(actor.url).content.decode()
    assert "Hälsocentral" in html and "Börja med hälsocentralen." in html
    assert html.count("Hälso- och sjukvårdslag (2017:30)") == 5
    assert "Portalens egna råd – Vårdens egna riktlinjer" in html


def test_a_page_is_not_published_without_sources(editor_client, home_page):
    response = editor_client.post(
        f"/admin/pages/add/guidance/contentpage/{home_page.pk}/",
        nested_form_data(
            {
                "title": "Utan källa",
                "slug": "utan-kalla",
                "intro": "",
                "body": streamfield([("paragraph", rich_text("<p>Text.</p>"))]),
                "sources": streamfield([]),
                "content_owner": "",
                "next_review": "",
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 200
    assert "Ange minst en källa." in form_errors(response, "sources")
    assert not ContentPage.objects.filter(slug="utan-kalla").exists()


def test_second_page_for_the_same_actor_is_refused(editor_client, home_page):
    section = SectionPageFactory(parent=home_page)
    data = {
        "title": "Skola",
        "slug": "skola",
        "actor": "skola",
        "short_description": "x",
        "mission": rich_text("<p>x</p>"),
        "legal_basis": rich_text("<p>x</p>"),
        "role_in_norrbus": rich_text("<p>x</p>"),
        "when_to_involve": rich_text("<p>x</p>"),
        "what_to_expect": rich_text("<p>x</p>"),
        **SECTION_SOURCES,
        "units": inline_formset([]),
        "misunderstandings": inline_formset([]),
        "content_owner": "",
        "next_review": "",
    }
    create_in_admin(editor_client, section, ActorPage, data)
    response = editor_client.post(
        f"/admin/pages/add/guidance/actorpage/{section.pk}/",
        nested_form_data({**data, "slug": "skola-2", "action-publish": "publish"}),
    )
    assert response.status_code == 200
    assert "Det finns redan en sida för Skola" in response.content.decode()


def test_routine_page(editor_client, home_page):
    section = SectionPageFactory(parent=home_page)
    routine = create_in_admin(
        editor_client,
        section,
        RoutinePage,
        {
            "title": "Norrbusmötet",
            "slug": "norrbusmotet",
            "summary": "Så håller du mötet.",
            "audience_note": "All personal",
            "steps": streamfield(
                [
                    (
                        "step",
                        {
                            "title": "Kallelse",
                            "anchor": "",
                            "roles": streamfield(
                                [
                                    ("item", {"actor": "skola", "text": "Kallar till mötet."}),
                                    ("item", {"actor": "socialtjanst", "text": "Deltar."}),
                                ]
                            ),
                            "contact_actors": (),
                            "body": rich_text("<p>Bjud in.</p>"),
                            "checklist": streamfield([("item", "Samtycke")]),
                            "documents": streamfield([]),
                            "sources": streamfield(
                                [("law", {"name": "Skollagen", "sfs": "2010:800", "provision": ""})]
                            ),
                        },
                    )
                ]
            ),
            "content_owner": "Centralt stöd",
            "next_review": "2027-01-01",
        },
    )
    html = editor_client.get(routine.url).content.decode()
    assert 'id="kallelse"' in html
    assert "<strong>Skola:</strong> Kallar till mötet." in html
    assert "<strong>Socialtjänst:</strong> Deltar." in html
    assert "Ansvarig:" not in html
    assert "<li>Samtycke</li>" in html
    assert "Skollagen (2010:800)" in html
    assert "Senast uppdaterad" in html and "Innehållsansvarig" in html


def test_glossary_page(editor_client, home_page):
    page = create_in_admin(
        editor_client,
        home_page,
        GlossaryPage,
        {"title": "Begrepp A–Ö", "slug": "begrepp", "intro": ""},
    )
    assert editor_client.get(page.url).status_code == 200


def test_glossary_terms_are_edited_as_snippets(editor_client):
    response = editor_client.post(
        "/admin/snippets/guidance/glossaryterm/add/",
        nested_form_data(
            {
                "term": "SIP",
                "abbreviations": "",
                "synonyms": "samordnad plan",
                "definition": "En plan.",
                "sources": streamfield(
                    [("law", {"name": "Socialtjänstlag", "sfs": "2025:400", "provision": ""})]
                ),
            }
        ),
    )
    assert response.status_code == 302


def test_a_law_source_with_a_malformed_sfs_number_is_refused(editor_client):
    response = editor_client.post(
        "/admin/snippets/guidance/glossaryterm/add/",
        nested_form_data(
            {
                "term": "SoL",
                "abbreviations": "",
                "synonyms": "",
                "definition": "En lag.",
                "sources": streamfield(
                    [("law", {"name": "Socialtjänstlag", "sfs": "2025-400", "provision": ""})]
                ),
            }
        ),
    )
    assert response.status_code == 200
    assert "SFS-numret ska skrivas som år:löpnummer" in form_errors(response, "sources")


def test_editor_imports_the_seed_in_the_admin(editor_client, home_page, agreement_seed):
    AgreementIndexPageFactory(parent=home_page)
    upload = SimpleUploadedFile(
        "norrbus.txt", agreement_seed.read_bytes(), content_type="text/plain"
    )
    response = editor_client.post(
        "/admin/overenskommelse/las-in/", {"document": upload, "label": "2025 original"}
    )
    version = AgreementVersionPage.objects.get(version_label="2025 original")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{version.pk}/edit/"
    assert not version.live


def test_admin_import_of_a_bad_file_shows_the_error_and_creates_nothing(editor_client, home_page):
    AgreementIndexPageFactory(parent=home_page)
    before = Page.objects.count()
    upload = SimpleUploadedFile("trasig.docx", b"nonsense", content_type="application/octet-stream")
    response = editor_client.post("/admin/overenskommelse/las-in/", {"document": upload})
    assert response.status_code == 200
    assert "inte ett läsbart Word-dokument" in response.content.decode()
    assert Page.objects.count() == before


def test_import_view_is_refused_to_users_without_rights(client, django_user_model, home_page):
    AgreementIndexPageFactory(parent=home_page)
    user = django_user_model.objects.create_user("lasare", password="pw")
    client.force_login(user)
    assert client.get("/admin/overenskommelse/las-in/").status_code in (302, 403)
