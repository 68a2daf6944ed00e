"""Factories for every app, one section per app, and the one `publish()` helper.

Pages are created under `parent=` (wagtail-factories) but not published: call `publish()`
when a test needs what publishing gives (a revision, the search entries, the page cache's
invalidation, a change record)."""

from collections.abc import Callable, Iterator
from datetime import date
from typing import TypeVar

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site

from directory.models import Contact, CountyPart, DirectoryIndexPage, MunicipalityPage, Situation
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
from guidance.training.models import (
    LearnerProfile,
    LessonPage,
    TrainingIndexPage,
    TrainingModulePage,
    TrainingPathPage,
)
from home.models import HomePage

T = TypeVar("T")


def publish(page: Page) -> Page:
    """Publish the page as an editor would (a revision, then publishing it) and reload it."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def built_for_the_module(django_db_blocker, build: Callable[[], T]) -> Iterator[T]:
    """Build content once for a test module (a module-scoped fixture yields from this).

    It is built inside a transaction that is rolled back when the module is done, and each
    test runs in a savepoint inside it, so tests still cannot see each other's changes."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        built = build()
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


# --- home -------------------------------------------------------------------------------


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Norrbus kunskapsportal"
    intro = "Vägledning för personal."

    class Meta:
        model = HomePage


def make_home_page() -> HomePage:
    """The portal's home page as the default site's root."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="start")
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


# --- guidance ---------------------------------------------------------------------------


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


def step(
    title: str,
    roles=(("skola", "Tar initiativet."),),
    checklist=(),
    contact_actors=(),
    body: str = "",
    sources=(),
) -> dict:
    """One step of a routine's `steps`, as raw stream data: `roles` as (actor, what it does)
    pairs or a mapping, `sources` as raw SourcesBlock data (see `source`)."""
    return {
        "type": "step",
        "value": {
            "title": title,
            "anchor": "",
            "roles": [{"actor": actor, "text": text} for actor, text in dict(roles).items()],
            "contact_actors": list(contact_actors),
            "body": body or f"<p>Gör {title.lower()}.</p>",
            "checklist": list(checklist),
            "documents": [],
            "sources": list(sources),
        },
    }


def source(kind: str = "agreement", **value) -> dict:
    """One raw SourcesBlock item: source(anchor="kallelse"), source("law", name=…, sfs=…)."""
    defaults = {
        "agreement": {"anchor": "norrbusmotet"},
        "law": {"name": "Skollagen", "sfs": "2010:800", "provision": ""},
        "document": {"title": "Utvärderingen", "part": "", "url": ""},
        "own": {"note": ""},
    }
    return {"type": kind, "value": {**defaults[kind], **value}}


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


# --- directory --------------------------------------------------------------------------


class CountyPartFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Länsdel {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        model = CountyPart


class SituationFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Situation {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))

    class Meta:
        model = Situation


class ContactFactory(factory.django.DjangoModelFactory):
    """A contact; `.build()` gives an unsaved one to hand to a page's or county part's
    `contacts`, which saves it with its owner."""

    name = factory.Sequence(lambda n: f"Kontakt {n}")
    actor = "skola"
    phone = "070-174 06 50"
    verified_on = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = Contact


class DirectoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Vem ringer jag?"
    slug = "vem-ringer-jag"
    intro = "Kontakter."

    class Meta:
        model = DirectoryIndexPage


class MunicipalityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kommun {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    county_part = factory.SubFactory(CountyPartFactory)

    class Meta:
        model = MunicipalityPage


# --- training ---------------------------------------------------------------------------


class TrainingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Utbildning"
    slug = "utbildning"

    class Meta:
        model = TrainingIndexPage


class TrainingModulePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Modul {n}")
    intro = "Så går det till."
    learning_goals = "Kunna det"
    estimated_minutes = 15
    pass_mark = 80

    class Meta:
        model = TrainingModulePage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Lektion {n}")
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Text.</p>"}])

    class Meta:
        model = LessonPage


class TrainingPathPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Introduktionsväg {n}")
    intro = "För nya."

    class Meta:
        model = TrainingPathPage


# --- accounts ---------------------------------------------------------------------------


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"anvandare-{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("pw")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True


class LearnerProfileFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    actor = "skola"

    class Meta:
        model = LearnerProfile
