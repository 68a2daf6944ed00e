"""The meeting kit: templates built from the routine "Norrbusmötet" as printable pages and
Word files, versioned by the routine's live revision; bad input answers in Swedish."""

import io
import os
import shutil
import subprocess

import docx
import pytest
from django.test import override_settings

from directory.models import Contact, MunicipalityPage
from guidance.meetingkit import TEMPLATES
from guidance.models import RoutinePage
from tests.factories import publish

pytestmark = pytest.mark.django_db
ROUTINE = "/rutiner/norrbusmotet/"


def routine() -> RoutinePage:
    return RoutinePage.objects.get(slug="norrbusmotet")


def step(page: RoutinePage, title: str):
    return next(block.value for block in page.steps if block.value["title"] == title)


def docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    footer = [p.text for p in document.sections[0].footer.paragraphs]
    return "\n".join([*(p.text for p in document.paragraphs), *cells, *footer])


def test_routine_page_links_every_template_with_its_version(seeded, client):
    html = client.get(ROUTINE).content.decode()
    version = routine().live_revision_id
    assert "Mallar för mötet" in html
    for slug in TEMPLATES:
        assert f'href="{ROUTINE}mallar/{slug}/"' in html
        assert f'href="{ROUTINE}mallar/{slug}.docx?version={version}"' in html


def test_a_routine_without_the_meeting_steps_has_no_kit(seeded, client):
    assert "Mallar för mötet" not in client.get("/rutiner/avvikelsehantering/").content.decode()
    assert client.get("/rutiner/avvikelsehantering/mallar/kallelse/").status_code == 404
    response = client.get("/rutiner/avvikelsehantering/mallar/kallelse.docx")
    assert response.status_code == 404


@pytest.mark.parametrize("slug", TEMPLATES)
def test_every_template_downloads_as_a_word_file_with_version_and_address(seeded, client, slug):
    page = routine()
    response = client.get(f"{ROUTINE}mallar/{slug}.docx?version={page.live_revision_id}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f"v{page.live_revision_id}.docx" in response["Content-Disposition"]
    text = docx_text(response.content)
    assert f"Mallens version: {page.live_revision_id}" in text
    assert f"http://localhost{ROUTINE}mallar/{slug}/" in text
    assert str(TEMPLATES[slug].title) in text


def test_the_word_files_hold_the_routines_current_step_text(seeded, client):
    page = routine()
    texts = {
        slug: docx_text(client.get(f"{ROUTINE}mallar/{slug}.docx").content) for slug in TEMPLATES
    }
    for item in step(page, "Kallelse")["checklist"]:
        assert item in texts["kallelse"]
    for item in step(page, "Mötet")["checklist"]:
        assert item in texts["dagordning"]
        assert item in texts["ataganden"]  # the table's columns
    for item in step(page, "Efter mötet")["checklist"]:
        assert "☐ " + item in texts["uppfoljning"]
    assert "gemensam helhetsbild" in texts["ataganden"]  # the step's own text, quoted


def test_consent_is_the_portals_own_template_resting_on_the_law(seeded, client):
    text = docx_text(client.get(f"{ROUTINE}mallar/samtycke.docx").content)
    assert "Portalens egen mall, inte en del av överenskommelsen" in text
    assert "offentlighets- och sekretesslagen (2009:400)" in text
    assert "Från 18 år bestämmer den unga själv" in text
    assert "Kontrollera med din organisations rutin" in text


def test_republishing_the_routine_changes_the_templates(seeded, client):
    page = routine()
    old_version = page.live_revision_id
    steps = page.steps.get_prep_value()
    kallelse = next(block for block in steps if block["value"]["title"] == "Kallelse")
    kallelse["value"]["checklist"].append("Tolk bokad vid behov")
    page.steps = steps
    page = publish(page)
    assert page.live_revision_id != old_version

    text = docx_text(client.get(f"{ROUTINE}mallar/kallelse.docx").content)
    assert "Tolk bokad vid behov" in text
    assert f"Mallens version: {page.live_revision_id}" in text
    html = client.get(f"{ROUTINE}mallar/kallelse/").content.decode()
    assert "Tolk bokad vid behov" in html

    # The link the reader had before is now stale: 400 in Swedish, with the current version.
    stale = client.get(f"{ROUTINE}mallar/kallelse.docx?version={old_version}")
    assert stale.status_code == 400
    body = stale.content.decode()
    assert "Mallen har ändrats" in body
    assert f"mallar/kallelse.docx?version={page.live_revision_id}" in body


@pytest.mark.parametrize("version", ["abc", "99999999", "-1", "1.5"])
def test_a_tampered_version_is_a_swedish_400(seeded, client, version):
    for suffix in ("/", ".docx"):
        response = client.get(f"{ROUTINE}mallar/kallelse{suffix}", {"version": version})
        assert response.status_code == 400
        body = response.content.decode()
        assert "Felaktig version av mallen" in body
        assert 'lang="sv"' in body


@pytest.mark.parametrize(
    "path",
    [
        f"{ROUTINE}mallar/finns-inte/",
        f"{ROUTINE}mallar/finns-inte.docx",
        "/rutiner/finns-inte/mallar/kallelse/",
        "/rutiner/finns-inte/mallar/kallelse.docx",
        "/aktorer/skola/mallar/kallelse.docx",  # a page, but not a routine
    ],
)
def test_unknown_templates_and_routines_are_a_swedish_404(seeded, client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


def test_an_unpublished_routine_has_no_templates(seeded, client):
    page = routine()
    page.unpublish()
    assert client.get(f"{ROUTINE}mallar/kallelse.docx").status_code == 404
    assert client.get(f"{ROUTINE}mallar/kallelse/").status_code == 404


def test_the_printable_page_has_blank_fields_and_nothing_that_submits(seeded, client):
    html = client.get(f"{ROUTINE}mallar/ataganden/").content.decode()
    article = html[html.index('<article class="kit">') : html.index("</article>")]
    assert "<form" not in article and "<input" not in article and "<textarea" not in article
    assert "kit-field__line" in article
    for item in step(routine(), "Mötet")["checklist"]:
        assert f'<th scope="col">{item}</th>' in article
    assert "<td></td>" in article
    assert "Kontrollera att du har senaste versionen" in article
    assert f"http://localhost{ROUTINE}mallar/ataganden/" in article
    assert "<svg" in article  # the address as a QR code


def test_no_sip_link_when_no_sip_system_is_configured(seeded, client):
    assert "sip-handover" not in client.get(ROUTINE).content.decode()
    assert "sip-handover" not in client.get(f"{ROUTINE}mallar/ataganden/").content.decode()


@override_settings(SIP_SYSTEM_NAME="Lifecare SP", SIP_SYSTEM_URL="https://sip.example.se/")
def test_the_sip_system_is_linked_where_the_routine_speaks_of_a_sip(seeded, client):
    html = client.get(ROUTINE).content.decode()
    motet = html[html.index('id="motet"') : html.index('id="efter-motet"')]
    assert 'href="https://sip.example.se/"' in motet and "Lifecare SP" in motet
    kallelse = html[html.index('id="kallelse"') : html.index('id="motet"')]
    assert "sip.example.se" not in kallelse  # that step does not mention a SIP
    assert "https://sip.example.se/" in client.get(f"{ROUTINE}mallar/ataganden/").content.decode()
    assert "sip.example.se" not in client.get(f"{ROUTINE}mallar/kallelse/").content.decode()
    text = docx_text(client.get(f"{ROUTINE}mallar/ataganden.docx").content)
    assert "Lifecare SP: https://sip.example.se/" in text


def test_the_card_shows_the_chosen_municipalitys_numbers(seeded, client):
    html = client.get("/rutiner/grona-kortet/kort/", {"kommun": "kalix"}).content.decode()
    assert "Viktiga nummer i Kalix" in html
    kalix = MunicipalityPage.objects.get(slug="kalix")
    phones = [c.phone_display for c in Contact.objects.for_reader(kalix) if c.phone]
    assert phones and all(phone in html for phone in phones)
    other = MunicipalityPage.objects.get(slug="pajala")
    local = [c.phone_display for c in other.contacts.all() if c.phone]
    assert local and not any(phone in html for phone in local)
    assert "Kontrollera att du har senaste versionen" in html
    version = RoutinePage.objects.get(slug="grona-kortet").live_revision_id
    assert f"Version {version}" in html


def test_the_card_falls_back_to_the_remembered_municipality(seeded, client):
    client.cookies["norrbus_kommun"] = "pajala"
    assert "Viktiga nummer i Pajala" in client.get("/rutiner/grona-kortet/kort/").content.decode()


def test_an_unknown_municipality_on_the_card_is_a_400_with_the_choice(seeded, client):
    response = client.get("/rutiner/grona-kortet/kort/", {"kommun": "finns-inte"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kommunen finns inte" in html and 'name="kommun"' in html


def test_checklist_routine_page_carries_its_version_for_the_ticks(seeded, client):
    page = RoutinePage.objects.get(slug="grona-kortet")
    html = client.get("/rutiner/grona-kortet/").content.decode()
    assert f'data-checklist-key="norrbus-checklista:{page.pk}:{page.live_revision_id}"' in html
    assert "js/checklist.js" in html
    assert 'href="/rutiner/grona-kortet/kort/"' in html


@pytest.mark.skipif(
    shutil.which("soffice") is None and os.environ.get("CI") != "true",
    reason="LibreOffice is not installed (make system-deps installs it).",
)
@pytest.mark.parametrize("slug", TEMPLATES)
def test_libreoffice_opens_every_word_file(seeded, client, tmp_path, slug):
    source = tmp_path / f"{slug}.docx"
    source.write_bytes(client.get(f"{ROUTINE}mallar/{slug}.docx").content)
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf = (tmp_path / f"{slug}.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")


def test_republishing_refreshes_the_cached_templates_and_card(client, seeded, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    page = routine()
    paths = (f"{ROUTINE}mallar/kallelse/", f"{ROUTINE}mallar/samtycke/")
    for path in paths:
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "hit"
    # A version the cache has not seen is not served the cached page.
    assert client.get(paths[0], {"version": "x"}).status_code == 400
    publish(page)
    for path in paths:
        assert client.get(path)["X-Page-Cache"] == "miss"

    card = "/rutiner/grona-kortet/kort/"
    client.get(card)
    assert client.get(card)["X-Page-Cache"] == "hit"
    publish(RoutinePage.objects.get(slug="grona-kortet"))
    assert client.get(card)["X-Page-Cache"] == "miss"
