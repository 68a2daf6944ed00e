"""The demo's agreement: the seed's own text for the version in force, the portal's summaries
beside it and labelled as such, and no invented text for 2008 and 2013."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from guidance.importing import read_agreement
from guidance.models import AgreementVersionPage
from home.demo import loader

pytestmark = pytest.mark.django_db

SUMMARY_NOTICE = "Det här är en sammanfattning, inte överenskommelsens text"


def seed_words(path) -> list[str]:
    """The words of the seed document after its table of contents, without list marks."""
    text = path.read_text(encoding="utf-8")
    body = text[text.index("Oenighet mellan parter\t") :].split("\n", 1)[1]
    body = re.sub(r"^\s*-\s*✦\s*", "", body, flags=re.MULTILINE).replace("*", "")
    return body.split()


def agreement_text_words(html: str) -> list[str]:
    """The words a reader sees in the agreement's text, without the portal's own additions
    (the "Kort sagt" summaries and the hidden anchor-link labels)."""
    soup = BeautifulSoup(html, "html.parser")
    text = soup.select_one(".agreement-text")
    for extra in text.select(".plain-summary, .anchor-link"):
        extra.decompose()
    blocks = text.find_all(["h2", "h3", "h4", "p", "li"])
    return [word for block in blocks for word in block.get_text().split()]


def test_version_in_force_shows_the_seed_word_for_word(client, seeded, agreement_seed):
    version = AgreementVersionPage.objects.in_force()
    assert version.slug == "2025" and not version.is_summary
    html = client.get(version.url).content.decode()
    expected = seed_words(agreement_seed)
    assert len(expected) > 2500
    assert agreement_text_words(html) == expected
    headings = [s.heading for s in read_agreement(agreement_seed).sections]
    soup = BeautifulSoup(html, "html.parser")
    for link in soup.select(".anchor-link"):
        link.decompose()
    shown = soup.select(".agreement-text h2, .agreement-text h3, .agreement-text h4")
    assert [h.get_text(strip=True) for h in shown] == headings
    assert SUMMARY_NOTICE not in html


def test_every_section_with_text_has_the_portals_summary_labelled_as_such(client, seeded):
    version = AgreementVersionPage.objects.get(slug="2025")
    sections = list(version.sections.all())
    assert [s.anchor for s in sections if s.body and not s.plain_summary] == []
    html = client.get(version.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    asides = soup.select("aside.plain-summary")
    assert len(asides) == sum(1 for s in sections if s.plain_summary)
    assert all("portalens egna ord, inte överenskommelsens text" in a.get_text() for a in asides)
    assert asides[0]["aria-label"].startswith("Kort sagt")


def test_summary_keys_match_the_seeds_sections(agreement_seed):
    """Every summary in agreement.yaml belongs to a section of the document, in its order."""
    (version,) = [v for v in loader.agreement()["versions"] if v["seed"]]
    parsed = read_agreement(version["seed"])
    assert [(s["level"], s["heading"]) for s in version["sections"]] == [
        (s.level, s.heading) for s in parsed.sections
    ]


def test_summaries_keep_the_agreements_meaning(seeded):
    """The corrections of issue 16: the wording that had drifted, and nothing the 2025 text
    does not say."""
    summaries = {
        s.anchor: s.plain_summary
        for s in AgreementVersionPage.objects.get(slug="2025").sections.all()
    }
    assert "utan oskäligt dröjsmål" in summaries["aktorer-i-samverkan"]
    assert "de som vistas i kommunen" in summaries["socialtjanst"]
    assert "accepterar och kan delta" in summaries["kallelse"]
    assert "en-väg-in-lösning" in summaries["kallelse"]
    assert "bör i normalfallet veta" in summaries["kallelse"]
    assert "bör syftet" in summaries["kallelse"]
    for principle in (
        "helhetssyn",
        "frivillighet och självbestämmande",
        "normalisering",
        "kontinuitet",
        "flexibilitet",
        "närhet",
    ):
        assert principle in summaries["socialtjanst"]
    everything = " ".join(summaries.values()).casefold()
    for word in ("sip", "samtycke", "sekretess", "samordnare"):
        assert not re.search(rf"\b{word}\b", everything), word


def test_2008_and_2013_are_records_without_text(client, seeded):
    for slug in ("2008", "2013"):
        version = AgreementVersionPage.objects.get(slug=slug)
        assert not version.sections.exists() and version.effective_date_is_example
        html = client.get(version.url).content.decode()
        assert "Texten finns inte i portalen" in html
        assert "Utvärderingen" in html or "utvärderingen" in html
        assert "exempeldatum" in html
        assert "badge--superseded" in html and ">Ersatt<" in html
        assert "Vad har ändrats sedan" not in html
    assert list(AgreementVersionPage.objects.with_text().values_list("slug", flat=True)) == ["2025"]


def test_the_index_offers_no_comparison_with_only_one_text(client, seeded):
    html = client.get("/overenskommelsen/").content.decode()
    assert "Jämför två versioner" not in html
    assert "Portalen har bara texten till en version" in html


def test_without_the_seed_the_demo_shows_its_summary_with_a_notice(
    client, seeded, monkeypatch, tmp_path
):
    """seed_demo builds what is missing: without the 2025 version and without the seed file
    it builds the version from the portal's summaries."""
    AgreementVersionPage.objects.get(slug="2025").delete()
    monkeypatch.setenv("NORRBUS_SEEDS_DIR", str(tmp_path))
    call_command("seed_demo")
    version = AgreementVersionPage.objects.get(slug="2025")
    assert version.is_summary
    assert not AgreementVersionPage.objects.with_text().exists()
    html = client.get(version.url).content.decode()
    assert SUMMARY_NOTICE in html
    assert "Läs in överenskommelse" in html
    assert "utan oskäligt dröjsmål" in html
    assert 'id="kallelse"' in html
