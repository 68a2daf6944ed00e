"""Who does what in the routines, read from the steps' roles: "Min roll i rutinerna" (an actor
page's sub-page: every step where that actor has a part) and the matrix "Vem gör vad i
rutinerna" (a routines section's sub-page: routines by actors, each cell the steps where the
actor acts). Only live routines everyone may read; each in one query, whatever the content."""

from dataclasses import dataclass

from django.http import HttpRequest
from wagtail.models import Page

from portal.actors import NORRBUS_ACTORS, Actor
from portal.visibility import public

MY_ROLE_ROUTE = "my_role"
MATRIX_ROUTE = "role_matrix"


@dataclass(frozen=True)
class StepRole:
    number: int
    title: str
    url: str  # the step on its routine page: <routine url>#<step anchor>
    text: str  # what the actor does there (empty in a role no editor has written yet)


@dataclass(frozen=True)
class RoutineRoles:
    routine: Page
    url: str
    # actor code -> the steps where that actor has a role, in the routine's order
    steps_by_actor: dict[str, list[StepRole]]

    def cells(self) -> list[list[StepRole]]:
        """The steps per actor in the agreement's order of the actors (the matrix's columns)."""
        return [self.steps_by_actor.get(actor.value, []) for actor in NORRBUS_ACTORS]


def _routines(queryset) -> list:
    return list(public(queryset.live()).order_by("path"))


def routine_roles(request: HttpRequest, routine) -> RoutineRoles:
    url = routine.get_url(request)
    by_actor: dict[str, list[StepRole]] = {}
    for number, block in enumerate(routine.steps, start=1):
        value = block.value
        for row in value.role_rows:
            by_actor.setdefault(row["actor"], []).append(
                StepRole(
                    number=number,
                    title=value.get("title", ""),
                    url=f"{url}#{value.anchor_id}",
                    text=row["text"],
                )
            )
    return RoutineRoles(routine=routine, url=url, steps_by_actor=by_actor)


def actor_routines(
    request: HttpRequest, actor: str, routines
) -> list[tuple[RoutineRoles, list[StepRole]]]:
    """Routine by routine (of the queryset `routines`), the steps where `actor` has a role;
    routines where it has none are left out."""
    result = []
    for routine in _routines(routines):
        roles = routine_roles(request, routine)
        steps = roles.steps_by_actor.get(actor)
        if steps:
            result.append((roles, steps))
    return result


def matrix_rows(request: HttpRequest, routines) -> list[RoutineRoles]:
    """Every routine of the queryset `routines`, with its steps per actor."""
    return [routine_roles(request, routine) for routine in _routines(routines)]


def parent_paths(routines: list[RoutineRoles]) -> set[str]:
    """The tree paths of the pages directly holding `routines` (their sections)."""
    return {roles.routine.path[: -Page.steplen] for roles in routines}


def actor_columns(request: HttpRequest, actor_pages) -> list[dict]:
    """The matrix's columns: each actor with its "Min roll" page (of the queryset
    `actor_pages`), when the actor has a page."""
    pages = {page.actor: page for page in public(actor_pages.live())}
    columns = []
    for actor in NORRBUS_ACTORS:
        page = pages.get(actor.value)
        columns.append(
            {
                "code": actor.value,
                "label": Actor(actor).label,
                "my_role_url": (
                    page.get_url(request) + page.reverse_subpage(MY_ROLE_ROUTE) if page else ""
                ),
            }
        )
    return columns
