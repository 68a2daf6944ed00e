"""The central support role's overview: who started and completed what, by municipality and
actor. Counts only; individuals are listed for administrators alone (see admin_views)."""

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field

from django.contrib.auth.models import AnonymousUser

from portal.actors import WORKPLACE_CHOICES

from .models import (
    LearnerProfile,
    LessonProgress,
    ModuleCompletion,
    TrainingModulePage,
    TrainingPathPage,
    modules_of_paths,
)
from .progress import module_statuses

NOT_GIVEN = "Ej angiven"


@dataclass
class Breakdown:
    municipality: str
    actor: str
    started: int
    completed: int


@dataclass
class ReportItem:
    kind: str
    title: str
    started: int = 0
    completed: int = 0
    rows: list[Breakdown] = field(default_factory=list)


def _groups() -> dict[int, tuple[str, str]]:
    labels = dict(WORKPLACE_CHOICES)
    return {
        profile.user_id: (
            profile.municipality.title if profile.municipality else NOT_GIVEN,
            str(labels.get(profile.actor, NOT_GIVEN)),
        )
        for profile in LearnerProfile.objects.select_related("municipality")
    }


def _item(kind: str, title: str, started: set[int], completed: set[int], groups) -> ReportItem:
    started_by = Counter(groups.get(user, (NOT_GIVEN, NOT_GIVEN)) for user in started)
    completed_by = Counter(groups.get(user, (NOT_GIVEN, NOT_GIVEN)) for user in completed)
    return ReportItem(
        kind=kind,
        title=title,
        started=len(started),
        completed=len(completed),
        rows=[
            Breakdown(key[0], key[1], started_by[key], completed_by[key])
            for key in sorted(started_by | completed_by)
        ],
    )


def current_completions(modules) -> dict[int, list[ModuleCompletion]]:
    """Per module, the completions no major change has overtaken since."""
    statuses = module_statuses(AnonymousUser(), list(modules))
    current = defaultdict(list)
    for completion in ModuleCompletion.objects.filter(module_id__in=statuses).select_related(
        "user"
    ):
        baseline = statuses[completion.module_id].baseline
        if baseline is None or completion.completed_at > baseline:
            current[completion.module_id].append(completion)
    return current


def overview() -> list[ReportItem]:
    modules = list(TrainingModulePage.objects.live().order_by("path"))
    paths = list(TrainingPathPage.objects.live().order_by("path"))
    groups = _groups()
    started = defaultdict(set)
    for user_id, module_id in LessonProgress.objects.values_list("user_id", "module_id"):
        started[module_id].add(user_id)
    for user_id, module_id in ModuleCompletion.objects.values_list("user_id", "module_id"):
        started[module_id].add(user_id)
    completed = {
        pk: {completion.user_id for completion in completions}
        for pk, completions in current_completions(modules).items()
    }
    items = []
    modules_by_path = modules_of_paths(paths)
    for path in paths:
        module_ids = [module.pk for module in modules_by_path[path.pk]]
        path_started = set().union(*(started[pk] for pk in module_ids)) if module_ids else set()
        path_completed = (
            set.intersection(*(completed.get(pk, set()) for pk in module_ids))
            if module_ids
            else set()
        )
        items.append(_item("Introduktionsväg", path.title, path_started, path_completed, groups))
    for module in modules:
        done = completed.get(module.pk, set())
        items.append(_item("Modul", module.title, started[module.pk], done, groups))
    return items


def export_rows(items: list[ReportItem]) -> list[dict]:
    """One row per item and breakdown; each item's totals first, as "Alla", "Alla"."""
    return [
        {"kind": item.kind, "title": item.title, **asdict(breakdown)}
        for item in items
        for breakdown in [Breakdown("Alla", "Alla", item.started, item.completed), *item.rows]
    ]
