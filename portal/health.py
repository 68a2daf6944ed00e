"""/halsa/: is the portal able to serve? For the load balancer and for monitoring.

The database is critical: without it the answer is 503. Other checks are registered by the
apps that own them (search registers Elasticsearch) and are reported but not critical: a
failing one leaves the portal serving, as search falls back to the database."""

from collections.abc import Callable

from django.db import connection
from django.db.utils import DatabaseError
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

_CHECKS: dict[str, Callable[[], str]] = {}


def register(name: str, check: Callable[[], str]) -> None:
    """A check that is reported on /halsa/ under `name`; it returns a word such as "ok"."""
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
    checks = {"databas": _database(), **{name: check() for name, check in _CHECKS.items()}}
    healthy = checks["databas"] == "ok"
    return JsonResponse(
        {"status": "ok" if healthy else "fel", **checks}, status=200 if healthy else 503
    )
