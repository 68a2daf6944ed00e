"""Every claim in the seeded demo rests on a source: each routine step, actor section,
misunderstanding, lesson, question, glossary term and content page."""

import pytest

from guidance.models import GlossaryTerm, RoutinePage
from guidance.sourcing import cited_items, source_problems
from tests.factories import publish


def test_every_item_in_the_demo_has_a_valid_source(seeded):
    problems = source_problems()
    assert problems == [], "\n".join(problems)


def test_the_check_covers_every_kind_of_item(seeded):
    labels = [item.label for item in cited_items()]
    for kind in (
        "Rutinen ",
        "Aktörssidan ",
        ", missförståndet ",
        "Begreppet ",
        "Sidan ",
        "Lektionen ",
        ", frågan ",
    ):
        assert any(kind in label for label in labels), kind
    assert not any("Tillgänglighetsredogörelse" in label for label in labels)


@pytest.fixture
def first_routine(seeded):
    return RoutinePage.objects.live().order_by("path").first()


def test_the_check_reports_a_step_without_a_source_by_name(first_routine):
    steps = first_routine.steps.raw_data
    steps[0]["value"]["sources"] = []
    publish(first_routine)
    title = steps[0]["value"]["title"]
    assert f"Rutinen ”{first_routine.title}”, steget ”{title}”: saknar källa" in source_problems()


def test_the_check_reports_an_anchor_missing_from_the_version_in_force(seeded):
    term = GlossaryTerm.objects.order_by("term").first()
    term.sources = [{"type": "agreement", "value": {"anchor": "samtycke-och-sekretess"}}]
    term.save()
    expected = (
        f"Begreppet ”{term.term}”: avsnittet ”samtycke-och-sekretess” finns inte i den "
        "gällande versionen"
    )
    assert expected in source_problems()


def test_the_check_reports_a_law_without_an_sfs_number(seeded):
    term = GlossaryTerm.objects.order_by("term").last()
    term.sources = [{"type": "law", "value": {"name": "Skollagen", "sfs": "", "provision": ""}}]
    term.save()
    assert f"Begreppet ”{term.term}”: lagen ”Skollagen” saknar giltigt SFS-nummer" in (
        source_problems()
    )
