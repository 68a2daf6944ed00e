"""Progress and completion records, and re-training when a module or a linked page changes."""

import pytest
from django.core.exceptions import ValidationError

from guidance.models import PageChange
from guidance.training.models import LessonProgress, ModuleCompletion
from guidance.training.progress import (
    COMPLETED,
    IN_PROGRESS,
    NOT_STARTED,
    UPDATED,
    finish_lesson,
    learner_overview,
    module_status,
)
from tests.factories import publish

from .conftest import major_change

pytestmark = pytest.mark.django_db


def complete(training, user, correct=2, total=2):
    finish_lesson(user, training.reading)
    return finish_lesson(user, training.checked, correct=correct, total=total)


def test_progress_moves_from_not_started_to_completed(training, learner):
    assert module_status(learner, training.module).state == NOT_STARTED
    outcome = finish_lesson(learner, training.reading)
    assert outcome.recorded and outcome.completion is None
    status = module_status(learner, training.module)
    assert (status.state, status.done_count, status.percent) == (IN_PROGRESS, 1, 50)
    assert status.next_lesson.pk == training.checked.pk

    outcome = finish_lesson(learner, training.checked, correct=1, total=2)
    completion = outcome.completion
    assert (completion.version, completion.score) == (1, 50)
    status = module_status(learner, training.module)
    assert (status.state, status.percent, status.next_lesson) == (COMPLETED, 100, None)


def test_a_lesson_finished_twice_is_recorded_once(training, learner):
    finish_lesson(learner, training.reading)
    outcome = finish_lesson(learner, training.reading)
    assert not outcome.recorded
    assert LessonProgress.objects.filter(user=learner).count() == 1


def test_a_completed_module_submitted_again_changes_nothing(training, learner):
    complete(training, learner)
    before = list(LessonProgress.objects.values_list("pk", "completed_at", "correct"))
    outcome = finish_lesson(learner, training.checked, correct=0, total=2)
    assert outcome.already_completed_module and not outcome.recorded
    assert ModuleCompletion.objects.count() == 1
    assert list(LessonProgress.objects.values_list("pk", "completed_at", "correct")) == before


def test_first_publication_and_minor_changes_are_not_major(training, learner):
    complete(training, learner)
    module = type(training.module).objects.get(pk=training.module.pk)
    module.intro = "Ny ingress."
    module.change_note = "Rättat ett stavfel."
    publish(module)
    assert PageChange.objects.filter(page=module, major=False).count() == 1
    assert not PageChange.objects.filter(major=True).exists()
    assert module_status(learner, training.module).state == COMPLETED


def test_a_major_change_to_the_module_sends_it_back_to_do(training, learner):
    complete(training, learner)
    major_change(training.module, "Nytt avsnitt om samtycke.")
    status = module_status(learner, training.module)
    assert status.state == UPDATED
    assert status.state_label == "Uppdaterad sedan du gick den"
    assert (status.completion.version, status.module.version) == (1, 2)
    assert [change.note for change in status.changes] == ["Nytt avsnitt om samtycke."]
    assert status.done == set()  # every lesson again
    assert status.next_lesson.pk == training.reading.pk

    # Taking it again records the new version.
    outcome = complete(training, learner)
    assert outcome.completion.version == 2
    assert module_status(learner, training.module).state == COMPLETED
    assert ModuleCompletion.objects.filter(user=learner).count() == 2


def test_a_major_change_to_a_linked_routine_sends_the_module_back(training, learner):
    complete(training, learner)
    major_change(training.routine, "Samtycke ska dokumenteras.")
    status = module_status(learner, training.module)
    assert status.state == UPDATED
    assert [(c.page.title, c.note) for c in status.changes] == [
        ("Norrbusmötet", "Samtycke ska dokumenteras.")
    ]
    assert status.module.version == 1  # the module itself did not change


def test_a_major_change_to_an_unlinked_routine_changes_nothing(training, learner):
    complete(training, learner)
    major_change(training.other_routine, "Ny checklista.")
    assert module_status(learner, training.module).state == COMPLETED


def test_a_learner_who_had_not_finished_keeps_going_on_the_new_version(training, learner):
    finish_lesson(learner, training.reading)
    major_change(training.module, "Ny lektion.")
    status = module_status(learner, training.module)
    assert status.state == NOT_STARTED  # the reading done before the change no longer counts
    assert complete(training, learner).completion.version == 2


def test_a_major_change_needs_a_note(training):
    module = type(training.module).objects.get(pk=training.module.pk)
    module.change_major = True
    module.change_note = "  "
    with pytest.raises(ValidationError) as error:
        module.full_clean()
    assert "change_note" in error.value.message_dict


def test_overview_per_path_and_next_step(training, learner):
    [path_status] = learner_overview(learner, [training.path])
    assert (path_status.completed_count, path_status.percent) == (0, 0)
    assert path_status.next_module.next_lesson.pk == training.reading.pk
    complete(training, learner)
    [path_status] = learner_overview(learner, [training.path])
    assert (path_status.completed_count, path_status.percent, path_status.next_module) == (
        1,
        100,
        None,
    )


def test_statuses_take_a_fixed_number_of_queries(training, learner, django_assert_num_queries):
    complete(training, learner)
    major_change(training.routine, "Ändrad.")
    # Lessons, references, changes, progress, completions, however many modules (the view
    # restrictions are read once and kept in the cache: portal/visibility.py).
    with django_assert_num_queries(5):
        module_status(learner, training.module)
