#!/usr/bin/env python
"""Relevance of search on the demo content: recall@3 and MRR for both backends.

    .venv/bin/python bench/relevance.py [--verbose]

Runs every query in bench/relevance_set.json on the database path and on the Elasticsearch
path (osmem-server), and prints recall@3 (share of queries with an expected result in the
top three) and MRR (mean of 1/rank of the first expected result, over the top ten). A query
with "kommun" is searched with that municipality remembered, as the directory's cookie does.
Target: recall@3 >= 0.9 on both.
"""

import argparse

from common import database_only, elasticsearch, rebuild_index, setup_django
from expectations import load_relevance_set, rank_of_first_match

TARGET = 0.9


def _label(item: dict) -> str:
    remembered = f" ({item['kommun']} remembered)" if item.get("kommun") else ""
    return repr(item["q"]) + remembered


def evaluate(queries, verbose: bool) -> tuple[float, float, list[str]]:
    from search.services import search_site

    in_top_three, reciprocal, misses = 0, 0.0, []
    for item in queries:
        outcome = search_site(item["q"], record=False, remembered=item.get("kommun", ""))
        rank = rank_of_first_match(outcome.hits, item["expect"])
        if rank is not None and rank <= 3:
            in_top_three += 1
        else:
            misses.append(f"{_label(item)}: {[hit.title for hit in outcome.hits[:3]]}")
        reciprocal += 1 / rank if rank else 0.0
        if verbose:
            print(f"  {_label(item):40} rank {rank}")
    return in_top_three / len(queries), reciprocal / len(queries), misses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    setup_django()

    queries = load_relevance_set()
    rows = []
    with database_only():
        rows.append(("database", *evaluate(queries, args.verbose)))
    with elasticsearch():
        rebuild_index()
        rows.append(("elasticsearch (osmem)", *evaluate(queries, args.verbose)))
    print(f"\n{len(queries)} queries, target recall@3 >= {TARGET}\n")
    print(f"{'backend':24} {'recall@3':>9} {'MRR':>6}")
    for name, recall, mrr, _ in rows:
        print(f"{name:24} {recall:9.2f} {mrr:6.2f}")
    for name, _, _, misses in rows:
        for miss in misses:
            print(f"  miss on {name}: {miss}")
    return 0 if all(recall >= TARGET for _, recall, _, _ in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
