"""/halsa/: is the portal able to serve? For the load balancer and for monitoring.

The database is critical: without it the answer is 503. Other checks are registered by the
apps that own them (search registers Elasticsearch) and are reported but not critical: a
failing one leaves the portal serving, as search falls back to the database, and makes the
overall status "degraderad"."""

from collections.abc import Callable
from typing import NamedTuple

from django.db import connection
from django.db.utils import DatabaseError
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


class Degraded(NamedTuple):
    """A check's answer when the portal serves, but less well: `word` is reported under the
    check's name and `reason` under "<name>_orsak"."""

    reason: str
    word: str = "degraderad"


_CHECKS: dict[str, Callable[[], str | Degraded]] = {}


def register(name: str, check: Callable[[], str | Degraded]) -> None:
    """A check that is reported on /halsa/ under `name`; it returns a word such as "ok", or
    Degraded(reason)."""
    _CHECKS[name] = check


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "fel"
    return "ok"


@never_cache
def health(request):
    checks = {"databas": _database()}
    degraded = False
    for name, check in _CHECKS.items():
        answer = check()
        if isinstance(answer, Degraded):
            checks[name], checks[f"{name}_orsak"] = answer.word, answer.reason
            degraded = True
        else:
            checks[name] = answer
    healthy = checks["databas"] == "ok"
    status = "fel" if not healthy else "degraderad" if degraded else "ok"
    return JsonResponse({"status": status, **checks}, status=200 if healthy else 503)
