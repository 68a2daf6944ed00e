"""Security: headers, deploy checks, login throttling, uploads, escaping of everything
editors type, and admin routes that refuse users without rights."""

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.hashers import check_password, identify_hasher, make_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from directory.models import MunicipalityPage
from guidance.feedback.models import Feedback
from guidance.models import ContentPage, GlossaryTerm, RoutinePage
from portal import urls as portal_urls
from portal.security import ADMIN_POLICY, PUBLIC_POLICY
from portal.settings import base
from tests.factories import publish

pytestmark = pytest.mark.django_db
BASE_DIR = Path(__file__).resolve().parents[2]
SCRIPT = "<script>alert(1)</script>"


def production_env(**extra) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "a-long-random-production-like-secret-" + "k" * 40,
        "ALLOWED_HOSTS": "norrbus.example.se,testserver",
        "DATABASE_URL": "sqlite:///:memory:",
        "CACHE_URL": "file:///tmp/norrbus-test-cache",
        **extra,
    }


def test_production_settings_pass_check_deploy_with_no_warnings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=production_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


HEADERS = """
import json
from django.test import Client
response = Client().get("/halsa/", secure=True)
print(json.dumps({k: v for k, v in response.headers.items() if k != "Content-Length"}))
"""


def test_production_headers_snapshot():
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", HEADERS],
        cwd=BASE_DIR,
        env=production_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    headers = json.loads(result.stdout.strip().splitlines()[-1])
    assert {name: headers.get(name) for name in EXPECTED_HEADERS} == EXPECTED_HEADERS


EXPECTED_HEADERS = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains; preload",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": PUBLIC_POLICY,
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cache-Control": "max-age=0, no-cache, no-store, must-revalidate, private",
}


def test_public_pages_forbid_inline_code_and_framing(client, governance_site):
    response = client.get("/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert policy == PUBLIC_POLICY
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    html = response.content.decode()
    assert '<main id="main"' in html and 'role="search"' in html
    assert "<script>" not in html and " style=" not in html and " onclick=" not in html


def test_the_admin_may_frame_its_own_previews(admin_client, governance_site):
    response = admin_client.get("/admin/")
    assert response["Content-Security-Policy"] == ADMIN_POLICY
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def use_production_hashers(settings):
    """The production hasher list (the test settings hash with MD5 for speed)."""
    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS


@pytest.mark.parametrize("login_path", ["/konto/logga-in/", "/admin/login/"])
def test_a_pbkdf2_password_is_rehashed_with_argon2_at_sign_in(
    client, django_user_model, settings, login_path
):
    use_production_hashers(settings)
    user = django_user_model.objects.create_superuser("larare", "l@example.org")
    user.password = make_password("lösenord-1234", hasher="pbkdf2_sha256")
    user.save()
    assert identify_hasher(user.password).algorithm == "pbkdf2_sha256"
    response = client.post(login_path, {"username": "larare", "password": "lösenord-1234"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    user.refresh_from_db()
    assert user.password.startswith("argon2$")
    assert check_password("lösenord-1234", user.password)
    assert not check_password("fel-lösenord", user.password)


def test_a_new_password_is_hashed_with_argon2(django_user_model, settings):
    use_production_hashers(settings)
    user = django_user_model.objects.create_user("a", "a@example.org", "lösenord-1234")
    assert identify_hasher(user.password).algorithm == "argon2"
    form = SetPasswordForm(
        user, {"new_password1": "Ett-nytt-2026", "new_password2": "Ett-nytt-2026"}
    )
    assert form.is_valid(), form.errors
    form.save()
    user.refresh_from_db()
    assert user.password.startswith("argon2$")
    assert user.check_password("Ett-nytt-2026")


def test_login_is_locked_after_repeated_failures(client, django_user_model, settings):
    settings.AXES_FAILURE_LIMIT = 3
    django_user_model.objects.create_user("larare", "l@example.org", "ratt-losenord-1")
    for _ in range(3):
        client.post("/konto/logga-in/", {"username": "larare", "password": "fel"})
    response = client.post(
        "/konto/logga-in/", {"username": "larare", "password": "ratt-losenord-1"}
    )
    assert response.status_code == 429
    assert "För många inloggningsförsök" in response.content.decode()
    admin = client.post("/admin/login/", {"username": "larare", "password": "ratt-losenord-1"})
    assert admin.status_code == 429


def test_svg_images_and_unlisted_document_types_are_refused(admin_client):
    svg = SimpleUploadedFile("bild.svg", b"<svg onload='alert(1)'/>", "image/svg+xml")
    response = admin_client.post("/admin/images/add/", {"title": "Bild", "file": svg})
    assert response.status_code == 200 and "image" not in response.get("Location", "")
    html = SimpleUploadedFile("sida.html", b"<script>alert(1)</script>", "text/html")
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "Sida", "file": html, "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 200
    assert not Document.objects.filter(title="Sida").exists()


def test_documents_in_a_private_collection_stay_private(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    private = Collection.get_first_root_node().add_child(name="Internt")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="Intern", collection=private, file=SimpleUploadedFile("intern.txt", b"internt")
    )
    response = client.get(document.url)
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.fixture
def development_media(settings, tmp_path):
    """The URLs as `make run` has them (DEBUG on: Django serves media files) over a fresh
    media directory, which it yields."""
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    importlib.reload(portal_urls)
    clear_url_caches()
    yield tmp_path
    settings.DEBUG = False
    importlib.reload(portal_urls)
    clear_url_caches()


def test_documents_are_never_served_from_the_media_path(client, development_media):
    private = Collection.get_first_root_node().add_child(name="Internt")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="Intern", collection=private, file=SimpleUploadedFile("intern.txt", b"internt")
    )
    assert document.file.name.startswith("documents/")
    assert client.get(f"/media/{document.file.name}").status_code == 404
    response = client.get(document.url)
    assert response.status_code == 302 and "login" in response["Location"]
    (development_media / "images").mkdir()
    (development_media / "images" / "bild.width-400.png").write_bytes(b"png")
    image = client.get("/media/images/bild.width-400.png")
    assert image.status_code == 200 and b"".join(image.streaming_content) == b"png"


def test_script_payloads_through_every_block_type_are_escaped(client, governance_site):
    page = ContentPage.objects.get(slug="om-norrbus")
    page.body = [
        {"type": "heading", "value": {"text": SCRIPT, "level": "h2"}},
        {"type": "callout", "value": {"kind": "info", "title": SCRIPT, "text": "<p>t</p>"}},
        {
            "type": "process_diagram",
            "value": {
                "title": SCRIPT,
                "steps": [{"title": SCRIPT, "text": SCRIPT}, {"title": "b", "text": "c"}],
            },
        },
        {
            "type": "structure_diagram",
            "value": {
                "title": SCRIPT,
                "levels": [{"name": SCRIPT, "bodies": [{"name": SCRIPT, "text": SCRIPT}]}],
            },
        },
    ]
    page.intro = SCRIPT
    page.title = SCRIPT
    publish(page)
    html = client.get(page.url).content.decode()
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_rich_text_javascript_links_are_dropped_when_saved_in_the_admin(
    admin_client, governance_site
):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    page = ContentPage.objects.get(slug="om-norrbus")
    draftail = json.dumps(
        {
            "blocks": [
                {
                    "key": "a",
                    "type": "unstyled",
                    "text": "klicka",
                    "entityRanges": [{"offset": 0, "length": 6, "key": 0}],
                    "inlineStyleRanges": [],
                    "depth": 0,
                    "data": {},
                }
            ],
            "entityMap": {
                "0": {
                    "type": "LINK",
                    "mutability": "MUTABLE",
                    "data": {"url": "javascript:alert(1)"},
                }
            },
        }
    )
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": "x",
        "body": streamfield([("paragraph", draftail)]),
        "sources": streamfield([("own", {"note": ""})]),
        "action-publish": "publish",
    }
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", nested_form_data(data))
    assert response.status_code == 302
    html = admin_client.get(ContentPage.objects.get(pk=page.pk).url).content.decode()
    assert "klicka" in html
    assert "javascript:" not in html


def test_snippet_fields_are_escaped_on_the_glossary_page(client, governance_site):
    GlossaryTerm.objects.create(term=SCRIPT, definition=SCRIPT, synonyms=SCRIPT)
    response = client.get("/begrepp/")
    assert response.status_code == 200
    html = response.content.decode()
    assert SCRIPT not in html
    assert "Kallas också: &lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_feedback_comments_are_escaped_in_the_admin(admin_client, governance_site):
    page = ContentPage.objects.get(slug="om-norrbus")
    Feedback.objects.create(page=page, helpful=False, comment=SCRIPT)
    response = admin_client.get("/admin/aterkoppling/")
    assert response.status_code == 200
    html = response.content.decode()
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


ADMIN_ROUTES = [
    "/admin/",
    "/admin/pages/",
    "/admin/documents/",
    "/admin/images/",
    "/admin/snippets/guidance/glossaryterm/",
    "/admin/snippets/guidance/glossaryterm/add/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/aterkoppling/",
    "/admin/avvikelserapporter/",
    "/admin/utbildning/oversikt/",
    "/admin/granskning/",
    "/admin/workflows/list/",
]


@pytest.mark.parametrize("path", ADMIN_ROUTES)
def test_a_learner_gets_no_admin_route(client, governance_site, member, path):
    client.force_login(member("deltagare", "Deltagare"))
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


KALIX_REFUSED = [
    "/admin/documents/",
    "/admin/documents/multiple/add/",
    "/admin/images/",
    "/admin/snippets/guidance/glossaryterm/",
    "/admin/snippets/guidance/glossaryterm/add/",
    "/admin/users/",
    "/admin/aterkoppling/",
    "/admin/avvikelserapporter/",
    "/admin/utbildning/oversikt/",
    "/admin/workflows/list/",
]


@pytest.mark.parametrize("path", KALIX_REFUSED)
def test_a_kalix_editor_gets_no_documents_snippets_or_reports(
    client, governance_site, member, path
):
    client.force_login(member("kalix-red", "Kommunredaktör Kalix"))
    response = client.get(path)
    refused = response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )
    assert refused, (path, response.status_code)


def test_a_kalix_editor_cannot_touch_lulea(client, governance_site, member):
    client.force_login(member("kalix-red", "Kommunredaktör Kalix"))
    lulea = MunicipalityPage.objects.get(slug="lulea")
    kalix = MunicipalityPage.objects.get(slug="kalix")
    assert client.get(f"/admin/pages/{kalix.pk}/edit/").status_code == 200
    for action in ("edit", "delete", "move", "unpublish", "copy", "history"):
        response = client.get(f"/admin/pages/{lulea.pk}/{action}/")
        assert response.status_code in (302, 403), action
        if response.status_code == 302:
            assert response["Location"] == "/admin/", action


SITE_WIDE_REPORTS = [
    "/admin/reports/site-history/",
    "/admin/reports/site-history/results/",
    "/admin/reports/page-types-usage/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
]


@pytest.mark.parametrize("path", SITE_WIDE_REPORTS)
def test_site_wide_reports_are_for_those_who_may_change_the_whole_site(
    client, governance_site, member, central, path
):
    client.force_login(member("kalix-red", "Kommunredaktör Kalix"))
    response = client.get(path)
    assert response.status_code == 302 and response["Location"] == "/admin/", path
    client.force_login(central)
    assert client.get(path).status_code == 200


def test_a_kalix_editor_is_not_offered_the_site_wide_reports(client, governance_site, member):
    client.force_login(member("kalix-red", "Kommunredaktör Kalix"))
    html = client.get("/admin/").content.decode()
    assert "/admin/reports/aging-pages/" in html and "/admin/granskning/" in html
    for path in ("/admin/reports/site-history/", "/admin/reports/workflow/"):
        assert path not in html, path


def test_everyones_review_list_is_not_for_a_kalix_editor(client, governance_site, member, central):
    routine = RoutinePage.objects.get(slug="norrbusmotet")
    routine.review_owner = central
    routine.next_review = None
    publish(routine)
    client.force_login(member("kalix-red", "Kommunredaktör Kalix"))
    html = client.get("/admin/granskning/?alla=1").content.decode()
    assert "Inga sidor behöver granskas" in html
    assert "Norrbusmötet" not in html and "Visa allas sidor" not in html
    client.force_login(central)
    assert "Norrbusmötet" in client.get("/admin/granskning/?alla=1").content.decode()


@pytest.fixture
def lulea_draft(governance_site, admin_user):
    lulea = MunicipalityPage.objects.get(slug="lulea")
    draft = lulea.get_latest_revision_as_object()
    draft.title = "Luleå utkast: ny mottagning"
    draft.save_revision(user=admin_user)
    return lulea


def test_the_page_chooser_lists_no_other_municipalitys_draft(
    client, admin_client, lulea_draft, member
):
    index = lulea_draft.get_parent()
    client.force_login(member("kalix-red", "Kommunredaktör Kalix"))
    listing = client.get(f"/admin/choose-page/{index.pk}/").content.decode()
    assert "Kalix" in listing
    assert "utkast" not in listing and f'data-id=\\"{lulea_draft.pk}\\"' not in listing
    assert client.get(f"/admin/choose-page/{lulea_draft.pk}/").status_code == 404
    search = client.get("/admin/choose-page/search/?q=Lule").content.decode()
    assert "utkast" not in search and "Luleå" not in search
    assert "Kalix" in client.get("/admin/choose-page/search/?q=Kalix").content.decode()
    assert "utkast" in admin_client.get(f"/admin/choose-page/{index.pk}/").content.decode()


def test_the_explorer_opens_with_the_drafts_hook_in_place(
    client, admin_client, lulea_draft, member
):
    """Wagtail calls the explorer's queryset hook with the parent page first."""
    index = lulea_draft.get_parent()
    response = admin_client.get(f"/admin/pages/{index.pk}/")
    assert response.status_code == 200
    assert "utkast" in response.content.decode()
    client.force_login(member("kalix-red", "Kommunredaktör Kalix"))
    kalix = index.get_children().get(slug="kalix")
    assert client.get(f"/admin/pages/{kalix.pk}/").status_code == 200


def test_health_reports_the_database_and_elasticsearch(client, settings, closed_port_url):
    response = client.get("/halsa/")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "databas": "ok",
        "elasticsearch": "inte konfigurerad",
    }
    settings.ELASTICSEARCH_URL = closed_port_url
    response = client.get("/halsa/")
    assert response.status_code == 200  # search falls back to the database: not critical
    assert response.json()["elasticsearch"] == "fel"
