"""/halsa/: is the portal able to serve? For the load balancer and for monitoring.

The database is critical: without it the answer is 503. Elasticsearch is reported but not
critical, since search falls back to the database."""

from django.db import connection
from django.db.utils import DatabaseError
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from search import elastic


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "fel"
    return "ok"


def _elasticsearch() -> str:
    if not elastic.configured():
        return "inte konfigurerad"
    return "ok" if elastic.answers() else "fel"


@never_cache
def health(request):
    checks = {"databas": _database(), "elasticsearch": _elasticsearch()}
    healthy = checks["databas"] == "ok"
    return JsonResponse(
        {"status": "ok" if healthy else "fel", **checks}, status=200 if healthy else 503
    )
