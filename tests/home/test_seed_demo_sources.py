"""Seeding stops, naming the item, when a source in the data cites a section the agreement
in force lacks (malformed sources already stop the loader: tests/guidance/test_sources.py)."""

import pytest
from django.core.management import CommandError, call_command

from guidance.models import GlossaryTerm
from home.demo import loader

pytestmark = pytest.mark.django_db


def test_seeding_fails_on_a_source_citing_a_section_not_in_force(monkeypatch):
    glossary = loader.glossary

    def with_a_wrong_anchor():
        data = glossary()
        data["terms"][0]["sources"] = [{"type": "agreement", "value": {"anchor": "sip-motet"}}]
        return data

    monkeypatch.setattr(loader, "glossary", with_a_wrong_anchor)
    term = glossary()["terms"][0]["term"]
    with pytest.raises(CommandError) as error:
        call_command("seed_demo")
    assert f"Begreppet ”{term}”: avsnittet ”sip-motet” finns inte" in str(error.value)
    assert not GlossaryTerm.objects.exists()  # nothing of the run is kept
