import pytest

from portal.text import make_anchor, swedish_sort_key
from tests.factories import GlossaryPageFactory, GlossaryTermFactory


def test_swedish_letters_sort_after_z():
    words = ["Översikt", "Ärende", "Åtgärd", "Zon", "Avvikelse"]
    assert sorted(words, key=swedish_sort_key) == [
        "Avvikelse",
        "Zon",
        "Åtgärd",
        "Ärende",
        "Översikt",
    ]


def test_anchors_are_ascii():
    assert make_anchor("Vård utanför det egna hemmet") == "vard-utanfor-det-egna-hemmet"
    assert make_anchor("???") == "avsnitt"


@pytest.mark.django_db
def test_glossary_page_groups_terms_a_to_o(client, home_page):
    page = GlossaryPageFactory(parent=home_page)
    GlossaryTermFactory(term="Överenskommelse")
    GlossaryTermFactory(
        term="Samordnad individuell plan", abbreviations="SIP", synonyms="samordnad plan"
    )
    GlossaryTermFactory(term="Avvikelse")
    html = client.get(page.url).content.decode()
    letters = [html.index(f">{letter}</h2>") for letter in ("A", "S", "Ö")]
    assert letters == sorted(letters)
    assert "(SIP)" in html and "Kallas också: samordnad plan" in html
