"""What staff search for, per week, for the central support role.

Stored: the normalised query, the week, how many times, how many times with no result.
Never stored: who searched, when in the week, from where — nor any query that contained a
personnummer or samordningsnummer (the caller checks; `record` checks again).
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from wagtail.search.utils import normalise_query_string

from portal.privacy import contains_identity_number

from .models import QueryStatistic


def week_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def record(query: str, total: int) -> None:
    query = normalise_query_string(query)
    if not query or contains_identity_number(query):
        return
    week = week_of(timezone.localdate())
    with transaction.atomic():
        stat, _ = QueryStatistic.objects.select_for_update().get_or_create(week=week, query=query)
        QueryStatistic.objects.filter(pk=stat.pk).update(
            searches=F("searches") + 1,
            zero_results=F("zero_results") + (1 if total == 0 else 0),
        )


def weeks() -> list[datetime.date]:
    return list(QueryStatistic.objects.order_by("-week").values_list("week", flat=True).distinct())


def top_queries(week: datetime.date, limit: int = 50):
    return (
        QueryStatistic.objects.filter(week=week)
        .values("query")
        .annotate(total=Sum("searches"), empty=Sum("zero_results"))
        .order_by("-total", "query")[:limit]
    )


def zero_result_queries(week: datetime.date, limit: int = 50):
    return (
        QueryStatistic.objects.filter(week=week, zero_results__gt=0)
        .values("query")
        .annotate(total=Sum("zero_results"))
        .order_by("-total", "query")[:limit]
    )


def purge(days: int) -> int:
    """Remove weeks that ended more than `days` days ago; returns how many rows went."""
    cutoff = week_of(timezone.localdate() - datetime.timedelta(days=days))
    deleted, _ = QueryStatistic.objects.filter(week__lt=cutoff).delete()
    return deleted


def purge_expired(days: int | None = None) -> str:
    """Purge what is older than `days` (SEARCH_ANALYTICS_RETENTION_DAYS); says what went."""
    days = settings.SEARCH_ANALYTICS_RETENTION_DAYS if days is None else days
    return f"{purge(days)} rad(er) sökstatistik äldre än {days} dagar borttagna."
