"""The anonymous page cache: pages for readers who are not signed in, from the shared cache.

Who is served from it: GET and HEAD requests with no session cookie and no pending message
(a signed-in editor or learner, or a reader just thanked for feedback, always gets a page
rendered for them). What is stored: 200 HTML responses that are not marked private and set
no cookie but the remembered municipality, so a page with a CSRF token in a form is never
shared.

The key holds the path, the query parameters the page reads and the remembered
municipality (routine pages show that municipality's contacts), and two versions read
before the page is rendered:

- the site's generation, bumped by changes that can show on every page (a title, slug or
  menu change, a move, an unpublish, a delete, a new page: menus and breadcrumbs change);
- the path's version, bumped when a page that path shows is published.

A page rendered while a publish happens is stored under the versions it started with, which
nobody asks for afterwards: a reader never gets stale content after a publish. Entries also
expire at local midnight, since "gällande" and other date-derived statuses change then
without anyone publishing.

Bounds: only the parameters an app declared with `reads_params` are part of the key (in a
fixed order); any other parameter is dropped, so `?x=1`, `?x=2`, … are served the entry
without them (and a page rendered with one of them is not stored). A path
stores at most PAGE_CACHE_VARIANTS_PER_PATH variants (queries, municipalities) per
version; further ones are rendered for the reader and not stored.

Hooks: `on_hit(callback)` is called with the request and the cached response for every
page served from the cache (search counts a cached search in its statistics this way).
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


# Query parameters that change what a page shows, per path ("" for every path), said by the
# apps with `reads_params`; every other parameter is left out of the key.
_PARAMS: dict[str, set[str]] = {}
_ON_HIT: list = []


def vary_on_cookie(name: str) -> None:
    if name not in _VARY_COOKIES:
        _VARY_COOKIES.append(name)


def reads_params(*names: str, path: str = "") -> None:
    """Pages at `path` (every page when empty) read the query parameters `names`."""
    _PARAMS.setdefault(path, set()).update(names)


def on_hit(callback) -> None:
    """`callback(request, response)` runs for every page served from the cache."""
    if callback not in _ON_HIT:
        _ON_HIT.append(callback)


def _read_params(request) -> set[str]:
    return _PARAMS.get("", set()) | _PARAMS.get(request.path, set())


def key_query(request) -> str:
    """The part of the query string the page reads, in a fixed order."""
    return "&".join(
        f"{name}={value}"
        for name in sorted(_read_params(request) & request.GET.keys())
        for value in request.GET.getlist(name)
    )


def shared_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def generation() -> str:
    """The site's generation: changes when anything that shows on every page changes."""
    return shared_cache().get(GENERATION_KEY) or "0"


def remembered(key: str, compute):
    """`compute()`, kept in the shared cache until the site's generation changes: for what
    shows on every page and changes only with it (the menu, the publisher)."""
    cache = shared_cache()
    full_key = f"{key}:{generation()}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, None)
    return value


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
        key_query(request),
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
            for callback in _ON_HIT:
                callback(request, cached)
            return cached
        response = self.get_response(request)
        # A page rendered with parameters outside the key is not stored under it (whatever
        # they changed would reach every reader); it is served from the entry without them.
        if _cacheable_response(response) and request.GET.keys() <= _read_params(request):
            if _room_for_variant(cache, request.path, versions):
                response["X-Page-Cache"] = "miss"
                cache.set(key, response, _seconds_to_live())
            else:
                response["X-Page-Cache"] = "full"
        return response


def _room_for_variant(cache, path: str, versions: dict) -> bool:
    """Counts the variants stored for this path under its current versions."""
    counter = (
        "pagecache:variants:"
        + hashlib.sha256(
            "\n".join(
                [versions.get(GENERATION_KEY) or "0", versions.get(_path_key(path)) or "0", path]
            ).encode()
        ).hexdigest()
    )
    cache.add(counter, 0, _seconds_to_live())
    try:
        return cache.incr(counter) <= settings.PAGE_CACHE_VARIANTS_PER_PATH
    except ValueError:  # expired between add and incr
        return True


def invalidate_paths(paths) -> None:
    """Every cached variant of these paths (query strings and municipalities included)."""
    shared_cache().set_many({_path_key(path): uuid.uuid4().hex for path in set(paths)}, None)


def invalidate_all() -> None:
    shared_cache().set(GENERATION_KEY, uuid.uuid4().hex, None)
