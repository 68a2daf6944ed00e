"""Where each learner stands: per module and per path, and what to do next.

A lesson counts as done if it was finished after the latest major change to its module or to
a page the module's lessons link to; a completion counts only if it came after that change.
So a major change sends the module back to "att göra" without deleting anyone's history.
"""

import functools
import operator
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from guidance.models import PageChange
from portal.visibility import public

from .models import (
    LessonPage,
    LessonProgress,
    LessonReference,
    ModuleCompletion,
    TrainingModulePage,
    TrainingPathPage,
    modules_of_paths,
)

NOT_STARTED, IN_PROGRESS, COMPLETED, UPDATED = "ej-paborjad", "pagar", "klar", "uppdaterad"
STATE_LABELS = {
    NOT_STARTED: "Ej påbörjad",
    IN_PROGRESS: "Pågår",
    COMPLETED: "Klar",
    UPDATED: "Uppdaterad sedan du gick den",
}


@dataclass
class ModuleStatus:
    module: TrainingModulePage
    lessons: list[LessonPage]
    done: set[int] = field(default_factory=set)  # lesson ids done in the current round
    completion: ModuleCompletion | None = None  # the latest, current or not
    changes: list[PageChange] = field(default_factory=list)  # major changes since completion
    baseline: datetime | None = None  # the latest major change that counts

    @property
    def current(self) -> bool:
        return self.completion is not None and (
            self.baseline is None or self.completion.completed_at > self.baseline
        )

    @property
    def state(self) -> str:
        if self.current:
            return COMPLETED
        if self.completion is not None:
            return UPDATED
        return IN_PROGRESS if self.done else NOT_STARTED

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def done_count(self) -> int:
        return len(self.done)

    @property
    def percent(self) -> int:
        if self.current:
            return 100
        return round(100 * len(self.done) / len(self.lessons)) if self.lessons else 0

    @property
    def next_lesson(self) -> LessonPage | None:
        if self.current:
            return None
        return next((lesson for lesson in self.lessons if lesson.pk not in self.done), None)

    def is_done(self, lesson: LessonPage) -> bool:
        return self.current or lesson.pk in self.done


@dataclass
class PathStatus:
    path: TrainingPathPage
    modules: list[ModuleStatus]

    @property
    def completed_count(self) -> int:
        return sum(status.current for status in self.modules)

    @property
    def next_step(self) -> ModuleStatus | None:
        """The first module on the path that is not done: where "Börja" or "Fortsätt" leads."""
        return next((status for status in self.modules if status.next_lesson), None)

    @property
    def percent(self) -> int:
        if not self.modules:
            return 0
        return round(100 * self.completed_count / len(self.modules))

    @property
    def next_module(self) -> ModuleStatus | None:
        return next((status for status in self.modules if not status.current), None)


def module_statuses(user, modules: list[TrainingModulePage]) -> dict[int, ModuleStatus]:
    """The status of each module for `user` (anonymous: nothing done), in a fixed few queries."""
    modules = list({module.pk: module for module in modules}.values())
    if not modules:
        return {}
    lessons = list(
        public(LessonPage.objects.live())
        .filter(
            functools.reduce(
                operator.or_,
                (Q(path__startswith=m.path, depth=m.depth + 1) for m in modules),
            )
        )
        .order_by("path")
    )
    statuses = {
        module.pk: ModuleStatus(
            module=module,
            lessons=[lesson for lesson in lessons if lesson.path[: -Page.steplen] == module.path],
        )
        for module in modules
    }
    module_of_lesson = {
        lesson.pk: status.module.pk for status in statuses.values() for lesson in status.lessons
    }
    watched: dict[int, set[int]] = {pk: {pk} for pk in statuses}  # page id -> module ids
    for lesson_id, page_id in LessonReference.objects.filter(
        lesson_id__in=module_of_lesson
    ).values_list("lesson_id", "page_id"):
        watched.setdefault(page_id, set()).add(module_of_lesson[lesson_id])

    major_changes: dict[int, list[PageChange]] = {pk: [] for pk in statuses}
    for change in (
        PageChange.objects.filter(major=True, page_id__in=watched)
        .select_related("page")
        .order_by("published_at")
    ):
        for module_id in watched[change.page_id]:
            major_changes[module_id].append(change)
    for pk, status in statuses.items():
        changes = major_changes[pk]
        status.module.version = 1 + sum(change.page_id == pk for change in changes)
        status.baseline = changes[-1].published_at if changes else None

    if user.is_authenticated:
        for progress in LessonProgress.objects.filter(user=user, module_id__in=statuses):
            status = statuses[progress.module_id]
            if status.baseline is None or progress.completed_at > status.baseline:
                status.done.add(progress.lesson_id)
        for completion in ModuleCompletion.objects.filter(user=user, module_id__in=statuses):
            status = statuses[completion.module_id]
            latest = status.completion
            if latest is None or completion.completed_at > latest.completed_at:
                status.completion = completion
        for pk, status in statuses.items():
            if status.completion is not None and not status.current:
                status.changes = [
                    change
                    for change in major_changes[pk]
                    if change.published_at > status.completion.completed_at
                ]
    for status in statuses.values():
        status.done &= {lesson.pk for lesson in status.lessons}
    return statuses


def module_status(user, module: TrainingModulePage) -> ModuleStatus:
    return module_statuses(user, [module])[module.pk]


def learner_overview(user, paths: list[TrainingPathPage]) -> list[PathStatus]:
    modules_by_path = modules_of_paths(paths)
    statuses = module_statuses(user, [m for modules in modules_by_path.values() for m in modules])
    return [
        PathStatus(path=path, modules=[statuses[m.pk] for m in modules_by_path[path.pk]])
        for path in paths
    ]


@dataclass
class Outcome:
    """What finishing a lesson changed: nothing (already done), the lesson, or the module."""

    recorded: bool
    completion: ModuleCompletion | None = None
    already_completed_module: bool = False


def finish_lesson(user, lesson: LessonPage, correct: int | None = None, total: int | None = None):
    """Record that `user` finished `lesson` (read it, or passed its check)."""
    module = lesson.module
    with transaction.atomic():
        # One learner's submissions are handled one at a time: a double click records once.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        status = module_status(user, module)
        if status.current:
            return Outcome(recorded=False, already_completed_module=True)
        if lesson.pk in status.done:
            return Outcome(recorded=False)
        now = timezone.now()
        LessonProgress.objects.update_or_create(
            user=user,
            lesson=lesson,
            defaults={"module": module, "completed_at": now, "correct": correct, "total": total},
        )
        status.done.add(lesson.pk)
        if status.next_lesson is not None:
            return Outcome(recorded=True)
        scored = LessonProgress.objects.filter(
            user=user, lesson_id__in=status.done, total__isnull=False
        ).values_list("correct", "total")
        answered = sum(total for _, total in scored)
        score = round(100 * sum(correct for correct, _ in scored) / answered) if answered else None
        completion = ModuleCompletion.objects.create(
            user=user, module=module, version=status.module.version, score=score, completed_at=now
        )
        return Outcome(recorded=True, completion=completion)
