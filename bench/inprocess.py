"""Server time and SQL queries per page, in process, cached and uncached.

Run by bench/pages.py with the same settings and database as the gunicorn server it
measures; prints one JSON object: {path: {"cached_ms", "uncached_ms", "cached_queries",
"uncached_queries"}}. "Uncached" sends a pending-message cookie, which the page cache never
serves (the message is not valid, so the page is rendered as for any anonymous reader).
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
UNCACHED = "messages=bench"
HOST = "127.0.0.1"


def measure(client, path: str, rounds: int, **headers) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path, **headers)  # warm: the site's root paths, the cached entry
    times, queries = [], 0
    for _ in range(rounds):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(path, **headers)
            times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        queries = len(captured)
    return statistics.median(times), queries


def main(paths: list[str], rounds: int = 30) -> None:
    import django

    django.setup()
    from django.test import Client

    results = {}
    for path in paths:
        # A client each, so no cookie a response sets is sent with the next measurement.
        cached_ms, cached_queries = measure(Client(HTTP_HOST=HOST), path, rounds)
        uncached_ms, uncached_queries = measure(
            Client(HTTP_HOST=HOST), path, rounds, HTTP_COOKIE=UNCACHED
        )
        results[path] = {
            "cached_ms": round(cached_ms, 2),
            "uncached_ms": round(uncached_ms, 2),
            "cached_queries": cached_queries,
            "uncached_queries": uncached_queries,
        }
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1:])
