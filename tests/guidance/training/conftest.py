"""A small training site: a routine, a module with a reading lesson and a checked lesson,
an onboarding path, two municipalities, and learners."""

from dataclasses import dataclass

import pytest

from directory.models import CountyPart, DirectoryIndexPage, MunicipalityPage
from guidance.models import RoutinePage, SectionPage
from guidance.training.blocks import with_ids
from guidance.training.grading import questions_of
from guidance.training.models import (
    LearnerProfile,
    LessonPage,
    LessonReference,
    PathModule,
    TrainingIndexPage,
    TrainingModulePage,
    TrainingPathPage,
)
from tests.factories import step


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def question(text: str, *options: tuple[str, bool]) -> dict:
    return {
        "type": "question",
        "value": {
            "question": text,
            "options": [
                {"text": label, "correct": correct, "explanation": f"Om {label}."}
                for label, correct in options
            ],
        },
    }


QUESTIONS = [
    question("Vem kan kalla?", ("Alla aktörer", True), ("Bara socialtjänsten", False)),
    question(
        "Vad behövs före mötet?",
        ("Samtycke", True),
        ("Syfte i kallelsen", True),
        ("Ett beslut från nämnden", False),
    ),
]


@dataclass
class Training:
    index: TrainingIndexPage
    module: TrainingModulePage
    reading: LessonPage
    checked: LessonPage
    path: TrainingPathPage
    routine: RoutinePage
    other_routine: RoutinePage

    def correct_answers(self, lesson=None) -> dict:
        data = {"action": "check"}
        for q in questions_of(lesson or self.checked):
            data[q.field_name] = [o.id for o in q.options if o.correct]
        return data

    def wrong_answers(self) -> dict:
        data = {"action": "check"}
        for q in questions_of(self.checked):
            data[q.field_name] = [next(o.id for o in q.options if not o.correct)]
        return data


def major_change(page, note: str):
    page = page.specific_class.objects.get(pk=page.pk)
    page.change_major = True
    page.change_note = note
    return publish(page)


@pytest.fixture
def municipalities(home_page):
    part = CountyPart.objects.create(name="Östra Norrbotten", slug="ostra")
    index = DirectoryIndexPage(title="Vem ringer jag?", slug="vem-ringer-jag", intro="Kontakter.")
    home_page.add_child(instance=index)
    publish(index)
    pages = {}
    for name, slug in [("Kalix", "kalix"), ("Luleå", "lulea")]:
        page = MunicipalityPage(title=name, slug=slug, county_part=part)
        index.add_child(instance=page)
        pages[slug] = publish(page)
    return pages


@pytest.fixture
def training(home_page) -> Training:
    section = SectionPage(title="Rutiner", slug="rutiner")
    home_page.add_child(instance=section)
    routines = []
    for title, slug in [("Norrbusmötet", "norrbusmotet"), ("Gröna kortet", "grona-kortet")]:
        routine = RoutinePage(title=title, slug=slug, summary="Så gör du.", steps=[step("Steg")])
        section.add_child(instance=routine)
        routines.append(publish(routine))
    index = TrainingIndexPage(title="Utbildning", slug="utbildning")
    home_page.add_child(instance=index)
    publish(index)
    module = TrainingModulePage(
        title="Norrbusmötet steg för steg",
        slug="norrbusmotet-steg-for-steg",
        intro="Så går mötet till.",
        learning_goals="Kalla till möte\nHålla mötet",
        estimated_minutes=15,
        pass_mark=80,
    )
    index.add_child(instance=module)
    publish(module)
    reading = LessonPage(
        title="Före mötet",
        slug="fore-motet",
        body=[{"type": "paragraph", "value": "<p>Samtycke först.</p>"}],
    )
    reading.references = [LessonReference(page=routines[0])]
    module.add_child(instance=reading)
    publish(reading)
    checked = LessonPage(
        title="Mötet",
        slug="motet",
        body=[{"type": "paragraph", "value": "<p>Vem gör vad.</p>"}],
    )
    checked.questions = with_ids(LessonPage._meta.get_field("questions").stream_block, QUESTIONS)
    module.add_child(instance=checked)
    publish(checked)
    path = TrainingPathPage(title="Ny i skolan", slug="ny-i-skolan", intro="För skolan.")
    path.path_modules = [PathModule(module=module)]
    index.add_child(instance=path)
    publish(path)
    return Training(index, module, reading, checked, path, routines[0], routines[1])


@pytest.fixture
def learner(django_user_model, municipalities):
    user = django_user_model.objects.create_user(
        "anna", "anna@kalix.se", "norrbus-test-1", first_name="Anna", last_name="Andersson"
    )
    LearnerProfile.objects.create(user=user, municipality=municipalities["kalix"], actor="skola")
    return user


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client
