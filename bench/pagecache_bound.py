"""How many entries one client can add to the page cache, and what a file-cache write costs.

    DJANGO_SETTINGS_MODULE=portal.settings.test python bench/pagecache_bound.py

1. Sends 4,390 anonymous requests, each with a query string of its own, through the page
   cache middleware (a page that renders in no time), to a page that reads no parameter
   (?x=N) and to search (?q=N), on a file cache with MAX_ENTRIES 50,000, and counts the
   entries stored.
2. Times cache.set on Django's file cache and on portal/filecache.py's as they hold 100,
   1,000, 10,000 and 49,000 entries (below MAX_ENTRIES, so nothing is culled; Django's
   lists its directory on every write to decide whether to cull, portal's on one in 100).
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache.backends.filebased import FileBasedCache  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import RequestFactory, override_settings  # noqa: E402

from portal import filecache  # noqa: E402
from portal.pagecache import AnonymousPageCacheMiddleware  # noqa: E402

REQUESTS = 4_390


def entries(directory: str) -> int:
    return sum(1 for name in os.listdir(directory) if name.endswith(".djcache"))


def flood(query: str) -> int:
    with tempfile.TemporaryDirectory() as directory:
        file_cache = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": directory,
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
        with (
            override_settings(CACHES={**settings.CACHES, "bench": file_cache}),
            override_settings(PAGE_CACHE_ALIAS="bench", PAGE_CACHE_SECONDS=3600),
        ):
            middleware = AnonymousPageCacheMiddleware(
                lambda request: HttpResponse("<html>…</html>", content_type="text/html")
            )
            factory = RequestFactory()
            for number in range(REQUESTS):
                middleware(factory.get(query.format(number)))
            return entries(directory)


def write_ms(backend: type, count: int) -> float:
    with tempfile.TemporaryDirectory() as directory:
        cache = backend(directory, {"OPTIONS": {"MAX_ENTRIES": 50_000}})
        for number in range(count):
            Path(directory, f"{number:08d}.djcache").write_bytes(b"x")
        times = []
        for number in range(200):
            start = time.perf_counter()
            cache.set(f"bench-{number}", "<html>…</html>", 3600)
            times.append((time.perf_counter() - start) * 1000)
        return statistics.mean(times)


def main() -> None:
    print(f"{REQUESTS} requests, each with its own query string:")
    for path in ("/rutiner/norrbusmotet/?x={}", "/sok/?q=ord{}"):
        print(f"  {path:<32} {flood(path):>6} entries stored")
    print("Mean file-cache write (cache.set), Django's / portal.filecache's, at:")
    for count in (100, 1_000, 10_000, 49_000):
        django_ms = write_ms(FileBasedCache, count)
        portal_ms = write_ms(filecache.FileBasedCache, count)
        print(f"  {count:>6} entries  {django_ms:>8.2f} ms  {portal_ms:>6.2f} ms")


if __name__ == "__main__":
    main()
