"""A query budget per page type that does not grow with the content.

Each page is measured on the demo content, then again after its children, sections,
contacts, steps, units, terms or changes have been multiplied; the count must stay the same,
and within the budget (django_assert_max_num_queries)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory.models import Contact, DirectoryIndexPage, MunicipalityPage
from guidance.models import (
    ActorPage,
    ActorUnit,
    AgreementSection,
    AgreementVersionPage,
    ContentPage,
    GlossaryTerm,
    Misunderstanding,
    PageChange,
    RoutinePage,
    SectionPage,
)
from guidance.training.models import (
    LessonPage,
    LessonReference,
    PathModule,
    TrainingModulePage,
    TrainingPathPage,
)
from tests.factories import publish

pytestmark = pytest.mark.django_db
MANY = 30


def copies(page, count: int, parent=None):
    """`count` live copies of `page` beside it (or under `parent`)."""
    made = []
    for n in range(count):
        made.append(
            page.copy(
                to=parent or page.get_parent(),
                update_attrs={"slug": f"{page.slug}-{n}", "title": f"{page.title} {n}"},
                keep_live=True,
                copy_revisions=False,
                log_action=None,
            )
        )
    return made


def grow_routines():
    copies(RoutinePage.objects.get(slug="grona-kortet"), MANY)


def grow_home():
    grow_routines()
    grow_changes()


def grow_changes():
    routine = RoutinePage.objects.get(slug="norrbusmotet")
    now = timezone.now()
    PageChange.objects.bulk_create(
        PageChange(
            page=page, major=True, note=f"Ändring {n}", published_at=now - datetime.timedelta(n)
        )
        for n, page in enumerate([routine, *RoutinePage.objects.all()] * 4)
    )


def grow_routine():
    routine = RoutinePage.objects.get(slug="norrbusmotet")
    # The step that asks for the most contacts, so every copy shows local contacts.
    step = max(routine.steps.raw_data, key=lambda step: len(step["value"]["contact_actors"]))
    routine.steps = [
        {**step, "id": None, "value": {**step["value"], "anchor": f"steg-{n}"}} for n in range(MANY)
    ]
    routine.related_routines = list(RoutinePage.objects.exclude(pk=routine.pk))
    routine.audience = list(ActorPage.objects.all())
    publish(routine)
    grow_routines()
    grow_municipality()


def grow_actor():
    actor = ActorPage.objects.get(slug="skola")
    ActorUnit.objects.bulk_create(
        ActorUnit(page=actor, name=f"Enhet {n}", description="Text.") for n in range(MANY)
    )
    Misunderstanding.objects.bulk_create(
        Misunderstanding(page=actor, belief=f"Tro {n}", clarification="Så är det.")
        for n in range(MANY)
    )
    for routine in copies(RoutinePage.objects.get(slug="grona-kortet"), 10):
        routine.specific.audience.add(actor)


def grow_agreement(slug: str = "2025"):
    version = AgreementVersionPage.objects.get(slug=slug)
    AgreementSection.objects.bulk_create(
        AgreementSection(
            page=version,
            level=1 + n % 3,
            heading=f"Avsnitt {n}",
            anchor=f"avsnitt-{n}",
            body="<p>Text.</p>",
            sort_order=1000 + n,
        )
        for n in range(MANY * 3)
    )


def add_coming_version():
    """A second version with text, to compare with the one in force: the demo has only one."""
    in_force = AgreementVersionPage.objects.get(slug="2025")
    coming = AgreementVersionPage(
        title="Norrbus – kommande överenskommelse",
        slug="2027",
        version_label="2027",
        effective_date=timezone.localdate() + datetime.timedelta(days=365),
        replaces=in_force,
        summary="<p>Kommande version.</p>",
    )
    coming.sections = [
        AgreementSection(
            level=s.level,
            heading=s.heading,
            anchor=s.anchor,
            body=s.body if s.anchor != "kallelse" else "<p>Ny text.</p>",
            sort_order=s.sort_order,
        )
        for s in in_force.sections.all()
    ]
    in_force.get_parent().add_child(instance=coming)
    coming.save_revision().publish()


def grow_comparison():
    grow_agreement("2025")
    grow_agreement("2027")


def grow_municipality():
    kalix = MunicipalityPage.objects.get(slug="kalix")
    Contact.objects.bulk_create(
        Contact(
            municipality=kalix,
            name=f"Enhet {n}",
            actor=["skola", "socialtjanst", "primarvard", "specialistvard"][n % 4],
            phone="+46701740650",
            is_example=True,
            sort_order=100 + n,
        )
        for n in range(MANY * 2)
    )
    local = kalix.get_children().first().specific
    copies(local, 10)


def grow_directory():
    directory = DirectoryIndexPage.objects.get()
    Contact.objects.bulk_create(
        Contact(directory=directory, name=f"Länsenhet {n}", actor="annan", sort_order=100 + n)
        for n in range(MANY)
    )
    grow_municipality()


def grow_glossary():
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(term=f"Begrepp {n}", definition="Förklaring.") for n in range(MANY * 5)
    )


def grow_content():
    page = ContentPage.objects.get(slug="om-norrbus")
    page.body = [{"type": "paragraph", "value": f"<p>Stycke {n}.</p>"} for n in range(MANY)]
    publish(page)


def grow_training():
    module = TrainingModulePage.objects.get(slug="varfor-norrbus")
    lesson = LessonPage.objects.child_of(module).first()
    copies(lesson, 10)
    routine = RoutinePage.objects.get(slug="norrbusmotet")
    LessonReference.objects.bulk_create(
        LessonReference(lesson=lesson, page=routine, anchor=f"steg-{n}", sort_order=10 + n)
        for n in range(MANY)
    )
    modules = copies(module, 8)
    path = TrainingPathPage.objects.get(slug="ny-i-skolan")
    PathModule.objects.bulk_create(
        PathModule(path=path, module=copy, sort_order=100 + n) for n, copy in enumerate(modules)
    )


def grow_roles():
    """More routines whose steps name actors: the "Min roll" page and the matrix list them."""
    copies(RoutinePage.objects.get(slug="norrbusmotet"), MANY)


def grow_sections():
    section = SectionPage.objects.get(slug="rutiner")
    copies(RoutinePage.objects.get(slug="grona-kortet"), MANY, parent=section)


# page type: (path, how to grow what it shows, budget[, what it needs first])
CASES = {
    "home": ("/", grow_home, 12),
    "content": ("/om-norrbus/", grow_content, 10),
    "section": ("/rutiner/", grow_sections, 12),
    "agreement index": ("/overenskommelsen/", grow_agreement, 12),
    "agreement version": ("/overenskommelsen/2025/", grow_agreement, 14),
    "comparison": (
        "/overenskommelsen/jamfor/?fran=2025&till=2027",
        grow_comparison,
        17,
        add_coming_version,
    ),
    "actor": ("/aktorer/skola/", grow_actor, 13),
    "my role": ("/aktorer/skola/min-roll/", grow_roles, 8),
    "role matrix": ("/rutiner/vem-gor-vad/", grow_roles, 8),
    "routine": ("/rutiner/norrbusmotet/", grow_routine, 15),
    "directory": ("/vem-ringer-jag/", grow_directory, 14),
    "municipality": ("/vem-ringer-jag/kalix/", grow_municipality, 13),
    "print card": ("/vem-ringer-jag/kalix/utskrift/", grow_municipality, 11),
    "local routine": (
        "/vem-ringer-jag/kalix/lokalt-tillagg-norrbusmotet/",
        grow_municipality,
        10,
    ),
    "glossary": ("/begrepp/", grow_glossary, 10),
    "search": ("/sok/?q=norrbus", grow_routines, 14),
    "training": ("/utbildning/", grow_training, 11),
    "onboarding path": ("/utbildning/ny-i-skolan/", grow_training, 14),
    "training module": ("/utbildning/varfor-norrbus/", grow_training, 15),
    "lesson": ("/utbildning/varfor-norrbus/vad-ar-norrbus/", grow_training, 15),
    "changes": ("/andringar/", grow_changes, 5),
}


def queries(client, path: str) -> int:
    client.get(path)  # the site's root paths are cached after the first request
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_queries_stay_within_budget_and_do_not_grow(
    client, seeded, django_assert_max_num_queries, case
):
    path, grow, budget, *setup = case
    for step in setup:
        step()
    client.cookies["norrbus_kommun"] = "kalix"  # routine pages then show local contacts
    before = queries(client, path)
    grow()
    after = queries(client, path)
    assert after == before, f"{path}: {before} queries with the demo content, {after} with more"
    with django_assert_max_num_queries(budget):
        client.get(path)
