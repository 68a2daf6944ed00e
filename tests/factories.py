from datetime import date

import factory
import wagtail_factories

from guidance.models import (
    ActorPage,
    AgreementIndexPage,
    AgreementSection,
    AgreementVersionPage,
    ContentPage,
    GlossaryPage,
    GlossaryTerm,
    RoutinePage,
    SectionPage,
)
from home.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Norrbus kunskapsportal"
    intro = "Vägledning för personal."

    class Meta:
        model = HomePage


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Avsnitt {n}")
    intro = "En samling sidor."

    class Meta:
        model = SectionPage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Artikel {n}")
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Text.</p>"}])

    class Meta:
        model = ContentPage


class AgreementIndexPageFactory(wagtail_factories.PageFactory):
    title = "Överenskommelsen"
    slug = "overenskommelsen"

    class Meta:
        model = AgreementIndexPage


class AgreementVersionPageFactory(wagtail_factories.PageFactory):
    title = factory.LazyAttribute(lambda o: f"Överenskommelse {o.version_label}")
    slug = factory.LazyAttribute(lambda o: o.version_label)
    version_label = factory.Sequence(lambda n: f"v{n}")
    effective_date = date(2025, 1, 1)
    summary = "<p>Sammanfattning.</p>"

    class Meta:
        model = AgreementVersionPage


def add_sections(version: AgreementVersionPage, sections: list[tuple[int, str, str]]) -> None:
    """Give a version its sections: (level, heading, body html)."""
    version.sections = [
        AgreementSection(level=level, heading=heading, body=body, sort_order=i)
        for i, (level, heading, body) in enumerate(sections)
    ]
    version.save()


class ActorPageFactory(wagtail_factories.PageFactory):
    title = "Skola"
    actor = "skola"
    short_description = "Möter alla barn."
    mission = "<p>Uppdrag.</p>"
    legal_basis = "<p>Skollagen.</p>"
    role_in_norrbus = "<p>Tar initiativ.</p>"
    when_to_involve = "<p>När barnet har svårigheter i skolan.</p>"
    what_to_expect = "<p>Deltagande med mandat.</p>"

    class Meta:
        model = ActorPage


def step(title: str, responsible=("skola",), checklist=()) -> dict:
    return {
        "type": "step",
        "value": {
            "title": title,
            "anchor": "",
            "responsible": list(responsible),
            "body": f"<p>Gör {title.lower()}.</p>",
            "checklist": list(checklist),
            "documents": [],
        },
    }


class RoutinePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Rutin {n}")
    summary = "Så gör du."
    steps = factory.LazyFunction(lambda: [step("Behov av möte"), step("Kallelse")])

    class Meta:
        model = RoutinePage


class GlossaryPageFactory(wagtail_factories.PageFactory):
    title = "Begrepp A–Ö"
    slug = "begrepp"

    class Meta:
        model = GlossaryPage


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    term = factory.Sequence(lambda n: f"Begrepp {n}")
    definition = "En förklaring."

    class Meta:
        model = GlossaryTerm
