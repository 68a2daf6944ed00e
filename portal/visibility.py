"""Pages everyone may read, without a query per listing.

Wagtail's `PageQuerySet.public()` reads every view restriction each time it is called; a
page with four listings paid four queries for the same answer. The restricted paths are
kept in the cache instead, and forgotten when a restriction is saved or deleted or a page
moves (home/invalidation.py).
"""

from django.core.cache import cache
from django.db.models import Q
from wagtail.models import PageViewRestriction

KEY = "visibility:restricted-paths"


def restricted_paths() -> list[str]:
    paths = cache.get(KEY)
    if paths is None:
        paths = sorted(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(KEY, paths, None)
    return paths


def forget() -> None:
    cache.delete(KEY)


def public(queryset):
    """`queryset` without the pages under a view restriction (as `.public()`)."""
    hidden = Q()
    for path in restricted_paths():
        hidden |= Q(path__startswith=path)
    return queryset.exclude(hidden) if hidden else queryset
