"""The database path: Wagtail's database search over the search entries.

Works on SQLite and PostgreSQL alike. The backends do not stem Swedish, so each word is
searched as written, as its stem and as its accent-free stem (the entries' `analysed`
field holds the same forms). Ranking, facets and highlighting are done here over the best
CANDIDATES matches.
"""

from collections import Counter

from wagtail.search.query import And, Or, PlainText

from .analysis import fold, stem, words
from .hits import BackendResult, Filters, Hit, highlight
from .models import SearchEntry
from .query import QueryPlan

CANDIDATES = 1000
TITLE_FACTOR = 3


def _word_query(word: str):
    forms = dict.fromkeys([word, stem(word), fold(stem(word))])
    return Or([PlainText(form) for form in forms]) if len(forms) > 1 else PlainText(word)


def _alternative_query(alternative: str):
    parts = [_word_query(word) for word in alternative.replace("-", " ").split()]
    return parts[0] if len(parts) == 1 else And(parts)


def build_query(plan: QueryPlan, operator: str = "and"):
    concepts = []
    for concept in plan.concepts:
        alternatives = [_alternative_query(alternative) for alternative in concept.searched]
        concepts.append(alternatives[0] if len(alternatives) == 1 else Or(alternatives))
    combine = And if operator == "and" else Or
    return concepts[0] if len(concepts) == 1 else combine(concepts)


def _stems_of(text: str) -> set[str]:
    return {fold(stem(word)) for word in words(text)}


def _concept_stems(plan: QueryPlan) -> list[list[set[str]]]:
    return [[_stems_of(alternative) for alternative in c.alternatives] for c in plan.concepts]


def _title_share(title: str, concepts: list[list[set[str]]]) -> float:
    """The share of the query's concepts that the title holds."""
    if not concepts:
        return 0.0
    title_stems = _stems_of(title)
    held = sum(any(stems <= title_stems for stems in concept) for concept in concepts)
    return held / len(concepts)


def facet_counts(entries) -> dict[str, dict[str, int]]:
    kinds, actors, municipalities = Counter(), Counter(), Counter()
    for entry in entries:
        kinds[entry.kind] += 1
        actors.update(entry.actors)
        municipalities.update(entry.municipalities)
    return {"kind": dict(kinds), "actor": dict(actors), "municipality": dict(municipalities)}


def matches(entry: SearchEntry, filters: Filters) -> bool:
    return (
        (not filters.kind or entry.kind == filters.kind)
        and (not filters.actor or filters.actor in entry.actors)
        and (not filters.municipality or filters.municipality in entry.municipalities)
    )


def search(
    plan: QueryPlan, filters: Filters, offset: int, limit: int, operator: str = "and"
) -> BackendResult:
    query = build_query(plan, operator)
    results = (
        SearchEntry.objects.defer("body", "analysed")
        .search(query, order_by_relevance=True)
        .annotate_score("_score")
    )
    candidates = list(results[:CANDIDATES])
    concepts = _concept_stems(plan)
    # SQLite's bm25() is negative (lower is better), PostgreSQL's ts_rank positive: the
    # magnitude is the relevance on both. Neither weighs the title enough, so a title that
    # holds the concepts counts up to twice.
    candidates.sort(
        key=lambda entry: (
            -abs(entry._score or 0) * entry.weight * (1 + _title_share(entry.title, concepts))
        )
    )
    facets = facet_counts(candidates)
    selected = [entry for entry in candidates if matches(entry, filters)]
    shown = selected[offset : offset + limit]
    bodies = dict(
        SearchEntry.objects.filter(pk__in=[entry.pk for entry in shown]).values_list("pk", "body")
    )
    stems = plan.highlight_stems
    hits = [
        Hit(
            key=entry.key,
            kind=entry.kind,
            title=entry.title,
            context=entry.context,
            url=entry.url,
            snippet=highlight(bodies.get(entry.pk, ""), stems),
            contact_id=entry.contact_id,
        )
        for entry in shown
    ]
    return BackendResult(hits=hits, total=len(selected), facets=facets)


def autocomplete(prefix: str, limit: int) -> list[dict]:
    entries = SearchEntry.objects.autocomplete(prefix)[: limit * 3]
    ranked = sorted(entries, key=lambda entry: -entry.weight)
    return [
        {"title": entry.title, "url": entry.url, "kind": entry.kind} for entry in ranked[:limit]
    ]
