"""Sources ("Källa"): the block's validation, how a source reads on the site, and the demo
loader's reading of the `sources:` format."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from guidance.blocks import SourcesBlock
from guidance.models import GlossaryTerm
from guidance.sourcing import CitedItem, source_problems
from home.demo import loader
from tests.factories import (
    AgreementIndexPageFactory,
    AgreementVersionPageFactory,
    GlossaryPageFactory,
    RoutinePageFactory,
    add_sections,
    publish,
    source,
    step,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_force(home_page):
    index = AgreementIndexPageFactory(parent=home_page)
    version = AgreementVersionPageFactory(
        parent=index, version_label="2025", slug="2025", effective_date=date(2025, 1, 1)
    )
    add_sections(version, [(1, "Norrbusmötet", "<p>Mötet.</p>"), (2, "Kallelse", "<p>K.</p>")])
    return publish(version)


def clean(*items):
    block = SourcesBlock()
    return block.clean(block.to_python(list(items)))


def messages(error: ValidationError) -> str:
    return str(error.as_json_data() if hasattr(error, "as_json_data") else error)


def test_a_claim_needs_at_least_one_source():
    with pytest.raises(ValidationError) as error:
        clean()
    assert "Ange minst en källa." in messages(error.value)


def test_a_draft_may_be_saved_without_sources():
    block = SourcesBlock()
    block.defer_required_validation()
    assert len(block.clean(block.to_python([]))) == 0


def test_an_anchor_must_exist_in_the_version_in_force(in_force):
    assert clean(source(anchor="kallelse"))[0].value["anchor"] == "kallelse"
    with pytest.raises(ValidationError) as error:
        clean(source(anchor="samtycke"))
    assert "Avsnittet ”samtycke” finns inte i den gällande versionen" in messages(error.value)


def test_any_anchor_is_accepted_while_no_version_is_in_force(db):
    assert clean(source(anchor="finns-snart"))[0].value["anchor"] == "finns-snart"


@pytest.mark.parametrize("sfs", ["2010", "800:2010", "2010:08", "SFS 2010:800", ""])
def test_a_law_needs_an_sfs_number_written_year_colon_number(sfs):
    with pytest.raises(ValidationError) as error:
        clean(source("law", sfs=sfs))
    assert "SFS" in messages(error.value)


def test_a_valid_law_passes():
    value = clean(source("law", name="Socialtjänstlag", sfs="2025:400"))[0].value
    assert (value["name"], value["sfs"]) == ("Socialtjänstlag", "2025:400")


def render(sources, request=None) -> str:
    block = SourcesBlock()
    template = Template("{% load guidance_tags %}{% show_sources sources %}")
    request = request or RequestFactory().get("/")
    return template.render(Context({"sources": block.to_python(sources), "request": request}))


def test_an_agreement_source_names_and_links_the_section_in_the_version_in_force(in_force):
    html = render([source(anchor="kallelse")])
    assert '<span class="source__label">Källa:</span>' in html
    assert '<a href="/overenskommelsen/2025/#kallelse">Överenskommelsen 2025 › Kallelse</a>' in html


def test_a_section_gone_from_the_version_in_force_shows_a_notice_not_a_link(in_force):
    html = render([source(anchor="samtycke")])
    assert "finns inte i den gällande versionen" in html
    assert "#samtycke" not in html and "<a " not in html


def test_law_document_and_own_advice_read_as_agreed(in_force):
    html = render(
        [
            source("law", name="Skollagen", sfs="2010:800", provision="29 kap. 13 §"),
            source("document", title="Utvärderingen", part="avsnitt 5.2", url=""),
            source("document", title="Rapport", part="", url="https://example.org/r"),
            source("own", note="bygger på kallelsens steg"),
        ]
    )
    assert "Källor:" in html
    assert "Skollagen (2010:800) 29 kap. 13 §" in html
    assert "Utvärderingen, avsnitt 5.2" in html
    assert '<a href="https://example.org/r">Rapport</a>' in html
    assert "Portalens egna råd – bygger på kallelsens steg" in html


def test_without_sources_nothing_is_rendered():
    assert render([]).strip() == ""


def test_a_routine_page_shows_each_steps_source_and_looks_the_version_up_once(
    client, site, in_force
):
    from guidance.models import SectionPage

    section = SectionPage(title="Rutiner", slug="rutiner")
    site.root_page.add_child(instance=section)
    steps = [
        step(f"Steg {n}", sources=[source(anchor="kallelse"), source(anchor="norrbusmotet")])
        for n in range(6)
    ]
    publish(RoutinePageFactory(parent=section, slug="r", steps=steps))
    with CaptureQueriesContext(connection) as captured:
        html = client.get("/rutiner/r/").content.decode()
    sections_queries = [q for q in captured if "guidance_agreementsection" in q["sql"]]
    assert len(sections_queries) == 1
    assert html.count("Överenskommelsen 2025 › Kallelse") == 6
    assert html.count("Överenskommelsen 2025 › Norrbusmötet") == 6


def test_glossary_terms_show_their_source(client, site, in_force):
    publish(GlossaryPageFactory(parent=site.root_page))
    GlossaryTerm.objects.create(
        term="Kallelse", definition="Inbjudan.", sources=[source(anchor="kallelse")]
    )
    html = client.get("/begrepp/").content.decode()
    assert "Överenskommelsen 2025 › Kallelse" in html


def test_source_problems_name_the_item_and_what_is_wrong(in_force):
    block = SourcesBlock()
    items = [
        CitedItem("Steget ”A”", block.to_python([])),
        CitedItem("Steget ”B”", block.to_python([source(anchor="samtycke")])),
        CitedItem("Steget ”C”", block.to_python([source("law", name="SoL", sfs="")])),
        CitedItem("Steget ”D”", block.to_python([source(anchor="kallelse")])),
    ]
    assert source_problems(items) == [
        "Steget ”A”: saknar källa",
        "Steget ”B”: avsnittet ”samtycke” finns inte i den gällande versionen",
        "Steget ”C”: lagen ”SoL” saknar giltigt SFS-nummer",
    ]


# --- the demo loader -------------------------------------------------------------------------

DOCUMENTS = {"utvardering-2019": {"title": "Utvärderingen", "publisher": "G", "year": 2019}}


def test_the_loader_turns_each_kind_into_block_data():
    data = {
        "sources": [
            {"agreement": "kallelse"},
            {"law": "Skollagen", "sfs": "2010:800", "provision": "29 kap. 13 §"},
            {"document": "utvardering-2019", "part": "avsnitt 5.2"},
            {"own": ""},
        ]
    }
    assert loader.sources(data, "x", DOCUMENTS) == [
        {"type": "agreement", "value": {"anchor": "kallelse"}},
        {
            "type": "law",
            "value": {"name": "Skollagen", "sfs": "2010:800", "provision": "29 kap. 13 §"},
        },
        {"type": "document", "value": {"title": "Utvärderingen", "part": "avsnitt 5.2", "url": ""}},
        {"type": "own", "value": {"note": ""}},
    ]


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"agreement": "kallelse", "part": "1"}, "unknown keys ['part']"),
        ({"law": "Skollagen"}, "`sfs` must be a text in quotes"),
        ({"law": "Skollagen", "sfs": 121400}, "`sfs` must be a text in quotes"),  # 2010:800
        ({"law": "Skollagen", "sfs": "2010-800"}, "is not YYYY:N"),
        ({"document": "okand-rapport"}, "'okand-rapport' is not in sources.yaml"),
        ({"agreement": "Norrbusmötet"}, "is not an agreement section's anchor"),
        ({"source": "kallelse"}, "a source is exactly one of"),
        ({"agreement": "kallelse", "own": ""}, "a source is exactly one of"),
        ("kallelse", "a source must be a mapping"),
    ],
)
def test_a_malformed_source_fails_naming_the_item(bad, message):
    with pytest.raises(loader.DemoContentError) as error:
        loader.sources({"sources": [bad]}, "routines.yaml: routine 'x', step 'Kallelse'", DOCUMENTS)
    assert str(error.value).startswith("routines.yaml: routine 'x', step 'Kallelse', source 1")
    assert message in str(error.value)


def test_sources_yaml_names_the_2019_evaluation():
    evaluation = loader.documents()["utvardering-2019"]
    assert evaluation["title"].startswith("Samverkan för barn och unga")
    assert evaluation["year"] == 2019
