"""Checks are graded on the server; bad submissions are refused with a message per question."""

import pytest
from django.http import QueryDict

from guidance.training.grading import grade, questions_of, read_answers

pytestmark = pytest.mark.django_db


def post(data: dict) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values if isinstance(values, list) else [values])
    return query


@pytest.fixture
def questions(training):
    return questions_of(training.checked)


def test_questions_keep_their_ids_between_loads(training, questions):
    again = questions_of(type(training.checked).objects.get(pk=training.checked.pk))
    assert [q.id for q in again] == [q.id for q in questions]
    assert [[o.id for o in q.options] for q in again] == [
        [o.id for o in q.options] for q in questions
    ]
    assert [q.multiple for q in questions] == [False, True]


def test_all_correct_passes(training, questions):
    answers = read_answers(questions, post(training.correct_answers()))
    assert answers.valid
    result = grade(questions, answers, pass_mark=80)
    assert (result.correct, result.total, result.percent, result.passed) == (2, 2, 100, True)


def test_a_multiple_choice_question_needs_every_correct_option_and_no_other(training, questions):
    multiple = questions[1]
    data = training.correct_answers()
    data[multiple.field_name] = data[multiple.field_name][:1]  # one of two correct options
    result = grade(questions, read_answers(questions, post(data)), pass_mark=50)
    assert (result.correct, result.percent, result.passed) == (1, 50, True)
    data[multiple.field_name] = [o.id for o in multiple.options]  # the wrong one too
    result = grade(questions, read_answers(questions, post(data)), pass_mark=51)
    assert (result.correct, result.passed) == (1, False)


@pytest.mark.parametrize(("pass_mark", "passed"), [(50, True), (51, False), (80, False)])
def test_pass_mark_is_inclusive(training, questions, pass_mark, passed):
    data = training.wrong_answers()
    data[questions[0].field_name] = training.correct_answers()[questions[0].field_name]
    result = grade(questions, read_answers(questions, post(data)), pass_mark=pass_mark)
    assert result.percent == 50
    assert result.passed is passed


def test_unanswered_questions_are_named(questions):
    answers = read_answers(questions, post({"action": "check"}))
    assert not answers.valid
    assert answers.errors == {
        questions[0].id: "Välj ett alternativ på fråga 1.",
        questions[1].id: "Välj ett eller flera alternativ på fråga 2.",
    }


def test_tampered_option_id_is_refused(training, questions):
    data = training.correct_answers()
    data[questions[0].field_name] = ["not-an-option"]
    answers = read_answers(questions, post(data))
    assert list(answers.errors) == [questions[0].id]
    assert "finns inte bland alternativen" in answers.errors[questions[0].id]


def test_an_option_of_another_question_is_refused(training, questions):
    data = training.correct_answers()
    data[questions[0].field_name] = [questions[1].options[0].id]
    assert list(read_answers(questions, post(data)).errors) == [questions[0].id]


def test_two_answers_to_a_single_choice_question_are_refused(training, questions):
    data = training.correct_answers()
    data[questions[0].field_name] = [o.id for o in questions[0].options]
    answers = read_answers(questions, post(data))
    assert answers.errors == {questions[0].id: "Välj bara ett alternativ på fråga 1."}


def test_answers_to_a_question_that_does_not_exist_are_refused(training, questions):
    data = {**training.correct_answers(), "fraga-no-such-question": ["x"]}
    answers = read_answers(questions, post(data))
    assert not answers.valid
    assert answers.form_errors and "inte finns på sidan" in answers.form_errors[0]
