"""What must come in the top three: the relevance set in bench/relevance_set.json, read by the
relevance benchmark and by the search tests.

An expectation starting with "/" is an address prefix (so a routine's steps count for the
routine), one starting with "#" a part of the address's fragment, anything else a part of
the result's title.
"""

import json
from pathlib import Path

RELEVANCE_SET = Path(__file__).resolve().parent / "relevance_set.json"


def load_relevance_set() -> list[dict]:
    return json.loads(RELEVANCE_SET.read_text(encoding="utf-8"))["queries"]


ISSUE_QUERIES = {item["q"]: item["expect"] for item in load_relevance_set() if item.get("issue")}


def matches(hit, expectations) -> bool:
    for expected in expectations:
        if expected.startswith("/") and hit.url.startswith(expected):
            return True
        if expected.startswith("#") and expected in hit.url:
            return True
        if not expected.startswith(("/", "#")) and expected.casefold() in hit.title.casefold():
            return True
    return False


def rank_of_first_match(hits, expectations) -> int | None:
    return next((rank for rank, hit in enumerate(hits, 1) if matches(hit, expectations)), None)


def found_in_top_three(outcome, expectations) -> bool:
    rank = rank_of_first_match(outcome.hits, expectations)
    return rank is not None and rank <= 3
