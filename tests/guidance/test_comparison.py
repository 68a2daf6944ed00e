from datetime import date

import pytest

from guidance.comparison import Change, compare_versions, diff_text, summarise
from tests.factories import (
    AgreementIndexPageFactory,
    AgreementVersionPageFactory,
    add_sections,
    publish,
)

pytestmark = pytest.mark.django_db


def test_diff_marks_removed_and_added_words():
    html = diff_text("Barn upp till 18 år.", "Barn upp till 20 år.")
    assert "<del>" in html and "18" in html.split("<del>")[1].split("</del>")[0]
    assert "<ins>" in html and "20" in html.split("<ins>")[1].split("</ins>")[0]
    assert html.startswith("<p>Barn upp till ")


def test_diff_of_identical_text_marks_nothing():
    html = diff_text("Samma text.", "Samma text.")
    assert html == "<p>Samma text.</p>"
    assert "<ins>" not in html and "<del>" not in html


def test_diff_keeps_paragraphs_and_escapes_markup():
    html = diff_text("Första.\n\nAndra <b>.", "Första.\n\nAndra <script>x</script>.")
    assert html.count("<p>") == 2
    assert "<script" not in html and "<b>" not in html
    assert "script&gt;x&lt;/script" in html


def test_diff_marks_are_announced_to_screen_readers():
    html = diff_text("gammal", "ny")
    assert '<span class="visually-hidden">Borttaget: </span>' in html
    assert '<span class="visually-hidden">Tillagt: </span>' in html


@pytest.fixture
def two_versions(home_page):
    index = AgreementIndexPageFactory(parent=home_page)
    old = AgreementVersionPageFactory(
        parent=index, version_label="2013", effective_date=date(2013, 1, 1)
    )
    add_sections(
        old,
        [
            (1, "Målgrupp", "<p>Barn och unga till och med 20 år.</p>"),
            (1, "Mål", "<p>Barn ska kunna bo kvar i sin familj.</p>"),
            (1, "Avvikelsehantering", "<p>En rutin finns.</p>"),
        ],
    )
    new = AgreementVersionPageFactory(
        parent=index, version_label="2025", effective_date=date(2025, 1, 1)
    )
    add_sections(
        new,
        [
            (1, "Målgrupp", "<p>Barn och unga till och med 20 år.</p>"),
            (1, "Vägledande principer", "<p>Barnkonventionen.</p>"),
            (1, "Avvikelsehantering", "<p>Den som ser en avvikelse rapporterar.</p>"),
        ],
    )
    for page in (old, new):
        publish(page)
    return index, old, new


def test_sections_are_paired_and_classified(two_versions):
    _index, old, new = two_versions
    changes = {c.section.heading: c.change for c in compare_versions(old, new)}
    assert changes == {
        "Målgrupp": Change.UNCHANGED,
        "Mål": Change.REMOVED,
        "Vägledande principer": Change.ADDED,
        "Avvikelsehantering": Change.CHANGED,
    }
    assert summarise(compare_versions(old, new)) == {
        "added": 1,
        "removed": 1,
        "changed": 1,
        "unchanged": 1,
    }


def test_comparison_page_shows_changes(client, two_versions):
    index, old, new = two_versions
    response = client.get(f"{index.url}jamfor/?fran={old.slug}&till={new.slug}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nytt avsnitt" in html and "Borttaget avsnitt" in html
    assert "<ins>" in html and "rapporterar" in html


def test_version_page_links_to_what_changed(client, two_versions):
    index, old, new = two_versions
    html = client.get(new.url).content.decode()
    assert f"{index.url}jamfor/?fran={old.slug}&amp;till={new.slug}" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("fran=2013&till=2013", "Välj två olika versioner att jämföra."),
        ("fran=finns-inte&till=2025", "Den valda versionen finns inte."),
        ("fran=2013", "Välj den nyare versionen."),
    ],
)
def test_bad_comparison_input_gets_a_swedish_error(client, two_versions, query, message):
    index, _old, _new = two_versions
    response = client.get(f"{index.url}jamfor/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()
