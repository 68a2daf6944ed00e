import re
from datetime import timedelta
from html import unescape
from pathlib import Path

import docx
import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page

from guidance.comparison import Change, compare_versions
from guidance.importing import AgreementImportError, parse_text, read_agreement
from guidance.models import AgreementSection, AgreementVersionPage
from tests.comparison_page import sections_by_group, summary_text

# The seed's table of contents, in order, as the body spells the headings.
TOC_HEADINGS = [
    "Inledning",
    "Samverkan för goda livsvillkor",
    "Norrbus sedan 2008",
    "Utveckling mot nära vård",
    "Målgrupp",
    "Syfte & mål",
    "Vägledande principer och förhållningssätt",
    "Aktörer i samverkan",
    "Skola",
    "Socialtjänst",
    "Primärvård",
    "Specialistvård",
    "Samverkan i praktiken",
    "Forum barn och unga",
    "Norrbusmötet",
    "Vård utanför det egna hemmet",
    "Samverkansstrukturen",
    "Länsnivå",
    "Länsdelsnivå",
    "Kommunnivå",
    "Uppföljning",
    "Avvikelsehantering",
    "Oenighet mellan parter",
]


@pytest.fixture(scope="module")
def seed(agreement_seed):
    return read_agreement(agreement_seed)


def plain(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip())


def test_every_toc_heading_becomes_a_section_in_order(seed):
    headings = [s.heading for s in seed.sections]
    assert [h for h in headings if h in TOC_HEADINGS] == TOC_HEADINGS


def test_toc_levels_follow_the_capitalised_chapter_headings(seed):
    levels = {s.heading: s.level for s in seed.sections}
    assert levels["Inledning"] == 1
    assert levels["Samverkan för goda livsvillkor"] == 2
    assert levels["Uppföljning"] == 1
    assert levels["Oenighet mellan parter"] == 2


def test_meeting_steps_become_sub_sections(seed):
    headings = [(s.level, s.heading) for s in seed.sections]
    start = headings.index((2, "Norrbusmötet"))
    assert headings[start + 1 : start + 5] == [
        (3, "Behov av möte"),
        (3, "Kallelse"),
        (3, "Mötet"),
        (3, "Efter mötet"),
    ]


def test_body_text_lands_under_the_right_heading(seed):
    bodies = {s.heading: plain(s.body_html) for s in seed.sections}
    assert bodies["Inledning"] == ""
    assert bodies["Målgrupp"].startswith("Norrbus omfattar alla barn och unga, upp till och med 20")
    assert "har socialtjänsten samordningsansvaret" in bodies["Vård utanför det egna hemmet"]
    assert bodies["Kallelse"].startswith("Utgångspunkten är att samverkan sker")
    assert bodies["Oenighet mellan parter"].endswith("träder i kraft 2025-01-01")
    # No heading's text leaks into the section before it.
    assert "Målgrupp" not in bodies["Utveckling mot nära vård"].split(".")[-1]


def test_paragraphs_split_by_page_breaks_are_mended(seed):
    bodies = {s.heading: s.body_html for s in seed.sections}
    assert "förebyggande arbete och rehabilitering" in bodies["Primärvård"]
    assert "Även om denna Överenskommelse gäller" in bodies["Aktörer i samverkan"]


def test_bullets_become_lists_and_italics_are_kept(seed):
    bodies = {s.heading: s.body_html for s in seed.sections}
    principles = bodies["Vägledande principer och förhållningssätt"]
    assert principles.count("<li>") == 10
    assert "<li>är Barnkonventionen en viktig utgångspunkt</li>" in principles
    assert "<i>Tillsammans för nära vård i Norrbotten</i>" in bodies["Utveckling mot nära vård"]


def test_title_and_effective_date_are_read(seed):
    assert seed.title == "Norrbus – reviderad överenskommelse"
    assert seed.effective_date.isoformat() == "2025-01-01"


def make_docx(path: Path, parsed) -> Path:
    document = docx.Document()
    document.add_heading(parsed.title, level=0)
    for section in parsed.sections:
        document.add_heading(section.heading, level=section.level)
        for block in section.blocks:
            style = "List Bullet" if block.kind == "li" else None
            document.add_paragraph(plain(block.html), style=style)
    document.save(path)
    return path


def test_docx_with_heading_styles_gives_the_same_sections(seed, tmp_path):
    parsed = read_agreement(make_docx(tmp_path / "norrbus.docx", seed))
    assert [(s.level, s.heading) for s in parsed.sections] == [
        (s.level, s.heading) for s in seed.sections
    ]
    assert parsed.title == seed.title
    assert parsed.effective_date == seed.effective_date
    ours = {s.heading: plain(s.body_html) for s in parsed.sections}
    theirs = {s.heading: plain(s.body_html) for s in seed.sections}
    assert ours == theirs
    principles = next(s for s in parsed.sections if s.heading.startswith("Vägledande"))
    assert principles.body_html.count("<li>") == 10


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("agreement.pdf", b"%PDF-1.4", "Filtypen .pdf stöds inte"),
        ("empty.txt", b"", "är tom"),
        ("binary.txt", b"\xff\xfe\x00\x01\x02", "går inte att läsa som text"),
        (
            "no-toc.txt",
            "Inledning\n\nText utan innehållsförteckning.".encode(),
            "ingen innehållsförteckning",
        ),
        ("broken.docx", b"PK\x03\x04 not really a zip", "inte ett läsbart Word-dokument"),
    ],
)
def test_unreadable_files_give_a_swedish_error(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(AgreementImportError, match=message):
        read_agreement(path)


def test_missing_file_gives_a_swedish_error(tmp_path):
    with pytest.raises(AgreementImportError, match="finns inte"):
        read_agreement(tmp_path / "saknas.txt")


def test_docx_without_headings_is_refused(tmp_path):
    document = docx.Document()
    document.add_paragraph("Bara brödtext, inga rubriker.")
    document.save(tmp_path / "flat.docx")
    with pytest.raises(AgreementImportError, match="inga rubriker"):
        read_agreement(tmp_path / "flat.docx")


def test_toc_heading_missing_from_the_body_is_named():
    text = "Innehållsförteckning\n\nINLEDNING.....\t2\nMålgrupp\t3\n\nInledning\n\nText.\n"
    with pytest.raises(AgreementImportError, match="'Målgrupp'"):
        parse_text(text)


@pytest.mark.django_db
def test_command_creates_a_draft_version_from_the_seed(home_page, agreement_seed):
    from tests.factories import AgreementIndexPageFactory

    AgreementIndexPageFactory(parent=home_page)
    call_command("import_agreement", str(agreement_seed), "--label", "2025 original")
    version = AgreementVersionPage.objects.get(version_label="2025 original")
    assert not version.live
    assert version.latest_revision is not None
    assert [s.heading for s in version.sections.all()][:2] == TOC_HEADINGS[:2]
    assert version.sections.count() == len(TOC_HEADINGS) + 4  # plus the meeting's four steps


@pytest.mark.django_db
def test_command_with_bad_input_changes_nothing(home_page, tmp_path):
    from tests.factories import AgreementIndexPageFactory

    AgreementIndexPageFactory(parent=home_page)
    bad = tmp_path / "trasig.docx"
    bad.write_bytes(b"not a document")
    before = Page.objects.count()
    with pytest.raises(CommandError, match="inte ett läsbart Word-dokument"):
        call_command("import_agreement", str(bad))
    assert Page.objects.count() == before


@pytest.mark.django_db
def test_command_rejects_a_malformed_date(home_page, agreement_seed):
    with pytest.raises(CommandError, match="ÅÅÅÅ-MM-DD"):
        call_command("import_agreement", str(agreement_seed), "--effective-date", "1 jan 2025")


@pytest.mark.django_db
def test_import_publish_in_future_and_compare_with_demo(client, django_user_model, agreement_seed):
    """The issue's "done means": import the seed, change it, check it against the version in
    force before publishing, publish it with a future date, compare."""
    call_command("seed_demo")
    demo_2025 = AgreementVersionPage.objects.get(slug="2025")
    future = timezone.localdate() + timedelta(days=60)
    call_command("import_agreement", str(agreement_seed), "--effective-date", future.isoformat())
    draft = AgreementVersionPage.objects.get(live=False)
    sections = list(draft.sections.all())
    invitation = next(s for s in sections if s.anchor == "kallelse")
    invitation.body = "<p>Kallelsen skickas senast en vecka före mötet.</p>"
    sections.append(
        AgreementSection(
            level=2,
            heading="Digitala möten",
            body="<p>Mötet kan hållas digitalt.</p>",
            sort_order=len(sections),
        )
    )
    draft.sections = sections
    draft.save_revision()

    editor = django_user_model.objects.create_superuser("redaktor", "r@example.org", "pw")
    client.force_login(editor)
    preview = client.get(f"/admin/pages/{draft.pk}/view_draft/").content.decode()
    assert 'id="kallelse"' in preview and 'id="digitala-moten"' in preview
    assert "badge--draft" in preview and "Ska ersätta" in preview
    assert "gäller inte längre" not in preview
    before = client.get(f"/admin/overenskommelse/{draft.pk}/jamfor/").content.decode()
    assert summary_text(before).startswith("1 avsnitt ändrat, 1 nytt, 0 borttagna.")
    groups = sections_by_group(before)
    assert groups["andrade-avsnitt"] == ["Kallelse"]
    assert groups["nya-avsnitt"] == ["Digitala möten"]
    assert "borttagna-avsnitt" not in groups
    # Unchanged sections are only listed by their headings, with no text to compare.
    assert "Målgrupp" in groups["oforandrade-avsnitt"]
    assert 'id="cmp-malgrupp"' in before and "Mötet kan hållas digitalt" in before
    client.logout()

    draft.get_latest_revision().publish()
    draft.refresh_from_db()
    assert draft.live and draft.status(demo_2025) == "upcoming"
    assert "Kommande version" in client.get(draft.url).content.decode()

    changes = compare_versions(demo_2025, draft)
    assert [(c.change, c.section.heading) for c in changes if c.change != Change.UNCHANGED] == [
        (Change.CHANGED, "Kallelse"),
        (Change.ADDED, "Digitala möten"),
    ]
    response = client.get(f"{draft.get_parent().url}jamfor/?fran=2025&till={draft.slug}")
    html = response.content.decode()
    assert summary_text(html).startswith("1 avsnitt ändrat, 1 nytt, 0 borttagna.")
    assert sections_by_group(html)["andrade-avsnitt"] == ["Kallelse"]
    assert "<ins>" in html and "<del>" in html
