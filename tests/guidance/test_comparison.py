from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from guidance.comparison import (
    Change,
    compare_versions,
    default_pair,
    diff_paragraphs,
    group,
    sentences,
)
from tests.comparison_page import sections_by_group, summary_text
from tests.factories import (
    AgreementIndexPageFactory,
    AgreementVersionPageFactory,
    add_sections,
    publish,
)

pytestmark = pytest.mark.django_db

DEL = '<del><span class="visually-hidden">Borttaget: </span>'
INS = '<ins><span class="visually-hidden">Tillagt: </span>'


def test_a_one_word_change_is_marked_inside_the_sentence():
    [row] = diff_paragraphs(["Barn upp till 18 år."], ["Barn upp till 20 år."])
    assert row.changed
    assert row.before == f"<p>Barn upp till {DEL}18</del> år.</p>"
    assert row.after == f"<p>Barn upp till {INS}20</ins> år.</p>"


def test_a_changed_phrase_is_one_mark_not_one_per_word():
    [row] = diff_paragraphs(
        ["Mötet hålls på skolan varje vecka under terminen."],
        ["Mötet hålls i kommunhuset varje vecka under terminen."],
    )
    assert row.before == f"<p>Mötet hålls {DEL}på skolan</del> varje vecka under terminen.</p>"
    assert row.after == f"<p>Mötet hålls {INS}i kommunhuset</ins> varje vecka under terminen.</p>"


def test_a_rewritten_sentence_is_removed_and_added_whole_beside_an_unchanged_one():
    [row] = diff_paragraphs(
        ["Tre aktörer: skola, socialtjänst och vården. Mötet dokumenteras."],
        ["Barn och unga med behov av samordnat stöd får det. Mötet dokumenteras."],
    )
    assert row.before == (
        f"<p>{DEL}Tre aktörer: skola, socialtjänst och vården.</del> Mötet dokumenteras.</p>"
    )
    assert row.after == (
        f"<p>{INS}Barn och unga med behov av samordnat stöd får det.</ins> Mötet dokumenteras.</p>"
    )


def test_a_rewritten_paragraph_stands_beside_the_one_it_replaces():
    rows = diff_paragraphs(
        ["Samma inledning.", "Kallelsen går till alla."],
        ["Samma inledning.", "Vem som helst får bjuda in."],
    )
    assert [row.changed for row in rows] == [False, True]
    assert rows[1].before == f"<p>{DEL}Kallelsen går till alla.</del></p>"
    assert rows[1].after == f"<p>{INS}Vem som helst får bjuda in.</ins></p>"


def test_unchanged_paragraphs_and_sentences_are_not_marked():
    rows = diff_paragraphs(["Samma text. Och en till."], ["Samma text. Och en till."])
    assert [(row.changed, row.after) for row in rows] == [
        (False, "<p>Samma text. Och en till.</p>")
    ]
    [row] = diff_paragraphs(["Samma mening. Gammal."], ["Samma mening. Ny."])
    assert row.before.startswith("<p>Samma mening. <del>")
    assert row.after.startswith("<p>Samma mening. <ins>")


def test_paragraphs_removed_and_added_in_one_place_share_a_row():
    rows = diff_paragraphs(
        ["Samma inledning.", "Kallelsen går till alla.", "Den kallande ansvarar."],
        ["Samma inledning.", "Vem som helst får bjuda in."],
    )
    assert len(rows) == 2
    assert rows[1].before == (
        f"<p>{DEL}Kallelsen går till alla.</del></p><p>{DEL}Den kallande ansvarar.</del></p>"
    )
    assert rows[1].after == f"<p>{INS}Vem som helst får bjuda in.</ins></p>"


def test_a_new_paragraph_has_nothing_before_it():
    rows = diff_paragraphs(["Första."], ["Första.", "Andra."])
    assert rows[1].before == "" and rows[1].after == f"<p>{INS}Andra.</ins></p>"


def test_markup_in_the_text_is_escaped():
    rows = diff_paragraphs(["Första.", "Andra <b>."], ["Första.", "Andra <script>x</script>."])
    assert len(rows) == 2
    html = rows[1].before + rows[1].after
    assert "<script" not in html and "<b>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in rows[1].after
    assert "&lt;b&gt;" in rows[1].before


def test_entities_in_the_rich_text_are_shown_once_escaped(two_versions):
    _index, old, new = two_versions
    add_sections(new, [(1, "Målgrupp", "<p>En &quot;en-väg-in-lösning&quot; &amp; mer.</p>")])
    [change] = [c for c in compare_versions(old, new) if c.section.heading == "Målgrupp"]
    after = "".join(row.after for row in change.rows)
    assert "&quot;en-väg-in-lösning&quot; &amp; mer." in after
    assert "&amp;quot;" not in after and "&amp;amp;" not in after


def test_sentences_break_after_a_stop_before_a_capital_not_after_an_abbreviation():
    assert sentences("Se t.ex. skolan. Nästa mening! 3 saker. Slut") == [
        "Se t.ex. skolan.",
        "Nästa mening!",
        "3 saker.",
        "Slut",
    ]


def version(label: str, year: int):
    return SimpleNamespace(version_label=label, effective_date=date(year, 1, 1))


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        ([2019, 2025, 2027], (2019, 2025)),  # in force against the one before it
        ([2025, 2027], (2025, 2027)),  # none before it: the coming one against it
        ([2027, 2030], (2027, 2030)),  # none has taken effect: the first two coming
        ([2025], None),
        ([], None),
    ],
)
def test_the_default_comparison(years, expected):
    texts = [version(str(year), year) for year in years]
    pair = default_pair(texts, date(2026, 6, 1))
    assert (pair and tuple(v.effective_date.year for v in pair)) == expected


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
    assert {g.change: g.count for g in group(compare_versions(old, new))} == {
        Change.ADDED: 1,
        Change.REMOVED: 1,
        Change.CHANGED: 1,
        Change.UNCHANGED: 1,
    }


def test_comparison_page_shows_changes_grouped_under_a_summary(client, two_versions):
    index, old, new = two_versions
    response = client.get(f"{index.url}jamfor/?fran={old.slug}&till={new.slug}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nytt avsnitt" in html and "Borttaget avsnitt" in html
    assert "<ins>" in html and "rapporterar" in html
    assert summary_text(html) == ("1 avsnitt ändrat, 1 nytt, 1 borttaget. 1 avsnitt är oförändrat.")
    assert sections_by_group(html) == {
        "andrade-avsnitt": ["Avvikelsehantering"],
        "nya-avsnitt": ["Vägledande principer"],
        "borttagna-avsnitt": ["Mål"],
        "oforandrade-avsnitt": ["Målgrupp"],
    }
    soup = BeautifulSoup(html, "html.parser")
    links = soup.select(".comparison-summary a")
    assert [a["href"] for a in links] == [
        "#andrade-avsnitt",
        "#nya-avsnitt",
        "#borttagna-avsnitt",
        "#oforandrade-avsnitt",
    ]
    # Every section keeps its anchor, the unchanged ones too (review flags link to them).
    for anchor in ("avvikelsehantering", "vagledande-principer", "mal", "malgrupp"):
        assert soup.find(id=f"cmp-{anchor}") is not None
    # The rewritten sentence is shown whole, "Före" beside "Efter".
    changed = soup.find(id="cmp-avvikelsehantering").parent
    assert changed.select_one(".diff__before del").get_text() == "Borttaget: En rutin finns."
    assert changed.select_one(".diff__after ins").get_text() == (
        "Tillagt: Den som ser en avvikelse rapporterar."
    )


def test_the_summary_says_plural_counts_in_the_plural_and_links_only_what_is_there(
    client, home_page
):
    index = AgreementIndexPageFactory(parent=home_page)
    old = AgreementVersionPageFactory(
        parent=index, version_label="2013", effective_date=date(2013, 1, 1)
    )
    add_sections(old, [(1, "Mål", "<p>Ett.</p>"), (1, "Målgrupp", "<p>Barn.</p>")])
    new = AgreementVersionPageFactory(
        parent=index, version_label="2025", effective_date=date(2025, 1, 1)
    )
    add_sections(
        new,
        [
            (1, "Mål", "<p>Två.</p>"),
            (1, "Målgrupp", "<p>Unga.</p>"),
            (1, "Principer", "<p>Tre.</p>"),
            (1, "Uppföljning", "<p>Fyra.</p>"),
        ],
    )
    for page in (old, new):
        publish(page)
    html = client.get(f"{index.url}jamfor/?fran=2013&till=2025").content.decode()
    assert summary_text(html) == (
        "2 avsnitt ändrade, 2 nya, 0 borttagna. 0 avsnitt är oförändrade."
    )
    links = BeautifulSoup(html, "html.parser").select(".comparison-summary a")
    assert [a.get_text() for a in links] == ["2 avsnitt ändrade", "2 nya"]
    assert 'id="borttagna-avsnitt"' not in html


def test_the_page_opens_with_the_version_in_force_against_the_one_before(client, two_versions):
    index, old, new = two_versions
    coming = AgreementVersionPageFactory(
        parent=index,
        version_label="2030",
        effective_date=timezone.localdate() + timedelta(days=30),
    )
    add_sections(coming, [(1, "Målgrupp", "<p>Alla barn.</p>")])
    publish(coming)
    response = client.get(f"{index.url}jamfor/")
    assert response.status_code == 302
    assert response["Location"] == f"{index.url}jamfor/?fran={old.slug}&till={new.slug}"
    # Where it leads changes with the date and with publishing: never stored.
    assert "no-store" in response["Cache-Control"]
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Version 2013 jämförd med version 2025" in html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("#id_fran option[selected]")["value"] == old.slug
    assert soup.select_one("#id_till option[selected]")["value"] == new.slug


def test_with_nothing_before_it_the_coming_version_is_compared_with_the_one_in_force(
    client, home_page
):
    index = AgreementIndexPageFactory(parent=home_page)
    record = AgreementVersionPageFactory(
        parent=index, version_label="2013", effective_date=date(2013, 1, 1)
    )
    in_force = AgreementVersionPageFactory(
        parent=index, version_label="2025", effective_date=date(2025, 1, 1)
    )
    add_sections(in_force, [(1, "Målgrupp", "<p>Barn.</p>")])
    coming = AgreementVersionPageFactory(
        parent=index,
        version_label="2030",
        effective_date=timezone.localdate() + timedelta(days=30),
    )
    add_sections(coming, [(1, "Målgrupp", "<p>Barn och unga.</p>")])
    for page in (record, in_force, coming):
        publish(page)
    response = client.get(f"{index.url}jamfor/", follow=True)
    assert response.redirect_chain == [(f"{index.url}jamfor/?fran=2025&till=2030", 302)]
    assert "1 avsnitt ändrat" in summary_text(response.content.decode())


def test_with_one_text_the_page_says_so_and_offers_no_form(client, home_page):
    index = AgreementIndexPageFactory(parent=home_page)
    only = AgreementVersionPageFactory(
        parent=index, version_label="2025", effective_date=date(2025, 1, 1)
    )
    add_sections(only, [(1, "Målgrupp", "<p>Barn.</p>")])
    publish(only)
    response = client.get(f"{index.url}jamfor/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Portalen har bara texten till en version av överenskommelsen, version 2025, så" in html
    # What is new in it is in the version's own summary.
    assert f'<a href="{only.url}#summary-h">Om version 2025</a>' in html
    assert 'name="fran"' not in html and 'name="till"' not in html


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
