"""Checks are graded here, on the server: the browser only says which options were chosen.

Form fields are named `fraga-<question id>` and carry option ids; both ids are the block
ids Wagtail keeps for each question and option, so they survive edits to other questions.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

FIELD_PREFIX = "fraga-"


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    correct: bool
    explanation: str


@dataclass
class Question:
    id: str
    number: int
    text: str
    options: list[Option]
    sources: Sequence = ()  # the question's SourcesBlock value: "Källa" beside the answers

    @property
    def field_name(self) -> str:
        return FIELD_PREFIX + self.id

    @property
    def multiple(self) -> bool:
        return sum(option.correct for option in self.options) > 1

    @property
    def correct_ids(self) -> set[str]:
        return {option.id for option in self.options if option.correct}


def questions_of(lesson) -> list[Question]:
    return [
        Question(
            id=block.id,
            number=number,
            text=block.value["question"],
            options=[
                Option(
                    id=item.id,
                    text=item.value["text"],
                    correct=bool(item.value["correct"]),
                    explanation=item.value["explanation"],
                )
                for item in block.value["options"].bound_blocks
            ],
            sources=block.value["sources"],
        )
        for number, block in enumerate(lesson.questions, start=1)
    ]


@dataclass
class AnsweredQuestion:
    question: Question
    chosen: set[str]

    @property
    def correct(self) -> bool:
        return self.chosen == self.question.correct_ids


@dataclass
class Result:
    answers: list[AnsweredQuestion]
    pass_mark: int

    @property
    def correct(self) -> int:
        return sum(answer.correct for answer in self.answers)

    @property
    def total(self) -> int:
        return len(self.answers)

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.total) if self.total else 100

    @property
    def passed(self) -> bool:
        return self.percent >= self.pass_mark


@dataclass
class Answers:
    """What was chosen per question, and what was wrong with the submission."""

    chosen: dict[str, set[str]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)  # question id -> message
    form_errors: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors and not self.form_errors


def read_answers(questions: list[Question], data) -> Answers:
    """Check the submitted choices against the questions; nothing is graded if any is wrong."""
    answers = Answers()
    known = {question.field_name for question in questions}
    unknown = [key for key in data if key.startswith(FIELD_PREFIX) and key not in known]
    if unknown:
        answers.form_errors.append(
            "Svaren gäller frågor som inte finns på sidan. Frågorna kan ha ändrats sedan du "
            "öppnade den: läs in sidan igen och svara på nytt."
        )
    for question in questions:
        chosen = set(data.getlist(question.field_name))
        option_ids = {option.id for option in question.options}
        if not chosen:
            kind = "ett eller flera alternativ" if question.multiple else "ett alternativ"
            answers.errors[question.id] = f"Välj {kind} på fråga {question.number}."
        elif not chosen <= option_ids:
            answers.errors[question.id] = (
                f"Svaret på fråga {question.number} finns inte bland alternativen. "
                "Välj bland alternativen som visas."
            )
        elif len(chosen) > 1 and not question.multiple:
            answers.errors[question.id] = f"Välj bara ett alternativ på fråga {question.number}."
        answers.chosen[question.id] = chosen & option_ids
    return answers


def grade(questions: list[Question], answers: Answers, pass_mark: int) -> Result:
    return Result(
        answers=[AnsweredQuestion(q, answers.chosen.get(q.id, set())) for q in questions],
        pass_mark=pass_mark,
    )
