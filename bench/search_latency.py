#!/usr/bin/env python
"""Search latency, in-process, on both backends: the demo content, then 10,000 pages.

    .venv/bin/python bench/search_latency.py [--pages 10000] [--contacts 5000] [--rounds 5]

Times `search_site` (everything the results page needs: query planning, glossary, the
backend, facets, highlighting, contact cards) for every query of the relevance set, and
prints p50/p95 per backend and content size. Targets on osmem: p95 <= 50 ms with the demo
content, <= 150 ms at 10,000 pages. The first round warms caches and is not counted.
"""

import argparse
import statistics
import time

from common import database_only, elasticsearch, rebuild_index, setup_django
from expectations import load_relevance_set

TARGETS_MS = {"demo": 50, "large": 150}


def measure(queries: list[str], rounds: int) -> list[float]:
    from search.services import autocomplete, search_site

    for query in queries:  # warm-up round
        search_site(query, record=False)
    timings = []
    for _ in range(rounds):
        for query in queries:
            start = time.perf_counter()
            search_site(query, record=False)
            timings.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            autocomplete(query[:4])
            timings.append((time.perf_counter() - start) * 1000)
    return timings


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(share * 100) - 1]


def run(label: str, queries: list[str], rounds: int, rows: list) -> None:
    from search.models import SearchEntry

    entries = SearchEntry.objects.count()
    with database_only():
        timings = measure(queries, rounds)
        rows.append((label, "database", entries, timings))
    with elasticsearch():
        rebuild_index()
        timings = measure(queries, rounds)
        rows.append((label, "elasticsearch (osmem)", entries, timings))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--contacts", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    setup_django()
    import synthetic
    from django.db import connection
    from wagtail.models import Page

    queries = [item["q"] for item in load_relevance_set()]
    rows: list = []
    run("demo", queries, args.rounds, rows)
    started = time.perf_counter()
    synthetic.generate(pages=args.pages, contacts=args.contacts)
    rebuild_index()
    generated_in = time.perf_counter() - started
    run("large", queries, args.rounds, rows)

    print(
        f"\n{len(queries)} queries + suggestions x {args.rounds} rounds; "
        f"{connection.vendor}; {Page.objects.count()} pages at the end "
        f"(generated and indexed in {generated_in:.0f} s)\n"
    )
    print(f"{'content':8} {'backend':24} {'entries':>8} {'p50 ms':>8} {'p95 ms':>8} {'target':>8}")
    failed = False
    for label, backend, entries, timings in rows:
        p50, p95 = percentile(timings, 0.5), percentile(timings, 0.95)
        target = TARGETS_MS[label] if "elasticsearch" in backend else None
        failed |= target is not None and p95 > target
        shown = f"<= {target}" if target else "-"
        print(f"{label:8} {backend:24} {entries:8} {p50:8.1f} {p95:8.1f} {shown:>8}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
