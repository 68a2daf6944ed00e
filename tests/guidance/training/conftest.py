"""A small training site: a routine, a module with a reading lesson and a checked lesson,
an onboarding path, two municipalities, and learners."""

from dataclasses import dataclass

import pytest

from guidance.models import RoutinePage
from guidance.training.blocks import with_ids
from guidance.training.grading import questions_of
from guidance.training.models import (
    LessonPage,
    LessonReference,
    PathModule,
    TrainingIndexPage,
    TrainingModulePage,
    TrainingPathPage,
)
from tests.factories import (
    CountyPartFactory,
    DirectoryIndexPageFactory,
    LearnerProfileFactory,
    LessonPageFactory,
    MunicipalityPageFactory,
    RoutinePageFactory,
    SectionPageFactory,
    TrainingIndexPageFactory,
    TrainingModulePageFactory,
    TrainingPathPageFactory,
    publish,
    step,
)


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
    part = CountyPartFactory(name="Östra Norrbotten", slug="ostra")
    index = publish(DirectoryIndexPageFactory(parent=home_page))
    return {
        slug: publish(
            MunicipalityPageFactory(parent=index, title=name, slug=slug, county_part=part)
        )
        for name, slug in [("Kalix", "kalix"), ("Luleå", "lulea")]
    }


@pytest.fixture
def training(home_page) -> Training:
    section = SectionPageFactory(parent=home_page, title="Rutiner", slug="rutiner")
    routines = [
        publish(
            RoutinePageFactory(
                parent=section, title=title, slug=slug, summary="Så gör du.", steps=[step("Steg")]
            )
        )
        for title, slug in [("Norrbusmötet", "norrbusmotet"), ("Gröna kortet", "grona-kortet")]
    ]
    index = publish(TrainingIndexPageFactory(parent=home_page))
    module = publish(
        TrainingModulePageFactory(
            parent=index,
            title="Norrbusmötet steg för steg",
            slug="norrbusmotet-steg-for-steg",
            intro="Så går mötet till.",
            learning_goals="Kalla till möte\nHålla mötet",
            estimated_minutes=15,
            pass_mark=80,
        )
    )
    reading = publish(
        LessonPageFactory(
            parent=module,
            title="Före mötet",
            slug="fore-motet",
            body=[{"type": "paragraph", "value": "<p>Samtycke först.</p>"}],
            references=[LessonReference(page=routines[0])],
        )
    )
    checked = publish(
        LessonPageFactory(
            parent=module,
            title="Mötet",
            slug="motet",
            body=[{"type": "paragraph", "value": "<p>Vem gör vad.</p>"}],
            questions=with_ids(LessonPage._meta.get_field("questions").stream_block, QUESTIONS),
        )
    )
    path = publish(
        TrainingPathPageFactory(
            parent=index,
            title="Ny i skolan",
            slug="ny-i-skolan",
            intro="För skolan.",
            path_modules=[PathModule(module=module)],
        )
    )
    return Training(index, module, reading, checked, path, routines[0], routines[1])


@pytest.fixture
def learner(django_user_model, municipalities):
    user = django_user_model.objects.create_user(
        "anna", "anna@kalix.se", "norrbus-test-1", first_name="Anna", last_name="Andersson"
    )
    LearnerProfileFactory(user=user, municipality=municipalities["kalix"], actor="skola")
    return user


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client
