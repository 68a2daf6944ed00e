"""The anonymous page cache: pages for readers who are not signed in, from the shared cache.

Who is served from it: GET and HEAD requests with no session cookie and no pending message
(a signed-in editor or learner, or a reader just thanked for feedback, always gets a page
rendered for them). What is stored: 200 HTML responses that are not marked private and set
no cookie but the remembered municipality, so a page with a CSRF token in a form is never
shared.

The key holds the path, the query string and the remembered municipality (routine pages
show that municipality's contacts), and two versions read before the page is rendered:

- the site's generation, bumped by changes that can show on every page (a title, slug or
  menu change, a move, an unpublish, a delete, a new page: menus and breadcrumbs change);
- the path's version, bumped when a page that path shows is published.

A page rendered while a publish happens is stored under the versions it started with, which
nobody asks for afterwards: a reader never gets stale content after a publish. Entries also
expire at local midnight, since "gällande" and other date-derived statuses change then
without anyone publishing.
"""

import datetime
import hashlib
import uuid

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone

GENERATION_KEY = "pagecache:generation"
MESSAGES_COOKIE = "messages"
# Cookies that say nothing about who the reader is but change what a page shows (the
# remembered municipality): a page may set them and still be shared, and their value is part
# of the key. Apps register theirs with `vary_on_cookie`.
_VARY_COOKIES: list[str] = []


def vary_on_cookie(name: str) -> None:
    if name not in _VARY_COOKIES:
        _VARY_COOKIES.append(name)


def shared_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def generation() -> str:
    """The site's generation: changes when anything that shows on every page changes."""
    return shared_cache().get(GENERATION_KEY) or "0"


def _path_key(path: str) -> str:
    return "pagecache:path:" + hashlib.sha256(path.encode()).hexdigest()[:32]


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD") or not settings.PAGE_CACHE_SECONDS:
        return False
    if any(request.path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_PATHS):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and MESSAGES_COOKIE not in cookies


def _cacheable_response(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and set(response.cookies) <= set(_VARY_COOKIES)
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def _seconds_to_live() -> int:
    now = timezone.localtime()
    midnight = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time(), tzinfo=now.tzinfo
    )
    return max(1, min(settings.PAGE_CACHE_SECONDS, int((midnight - now).total_seconds())))


def _entry_key(request, versions: dict) -> str:
    path = request.path
    parts = [
        versions.get(GENERATION_KEY) or "0",
        versions.get(_path_key(path)) or "0",
        request.get_host(),
        path,
        request.META.get("QUERY_STRING", ""),
        *(request.COOKIES.get(name, "") for name in _VARY_COOKIES),
    ]
    return "pagecache:page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        cache = shared_cache()
        versions = cache.get_many([GENERATION_KEY, _path_key(request.path)])
        key = _entry_key(request, versions)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if _cacheable_response(response):  # template responses are rendered by now
            response["X-Page-Cache"] = "miss"
            cache.set(key, response, _seconds_to_live())
        return response


def invalidate_paths(paths) -> None:
    """Every cached variant of these paths (query strings and municipalities included)."""
    shared_cache().set_many({_path_key(path): uuid.uuid4().hex for path in set(paths)}, None)


def invalidate_all() -> None:
    shared_cache().set(GENERATION_KEY, uuid.uuid4().hex, None)
