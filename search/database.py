"""The database path: Wagtail's database search over the search entries.

Works on SQLite and PostgreSQL alike. The backends do not stem Swedish, so each word is
searched as written, as its stem and as its accent-free stem (the entries' `analysed`
field holds the same forms). Ranking, facets and highlighting are done here.

On SQLite the matches are read straight from the full-text table Wagtail maintains, in one
pass: Wagtail's own query lets SQLite run the full-text match once per indexed row, which
takes seconds at 10,000 pages (bench/search_latency.py). On PostgreSQL, Wagtail's query
is used as it is.
"""

from collections import Counter
from dataclasses import astuple, dataclass, replace

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.search.query import And, Or, PlainText

from .analysis import fold, stem, words
from .entries import LOCAL_WEIGHT
from .hits import BackendResult, Filters, Hit, highlight
from .models import SearchEntry
from .query import QueryPlan

# PostgreSQL: the best matches by Wagtail's rank that are reranked and counted for facets.
CANDIDATES = 1000
# Columns of Wagtail's SQLite full-text table (autocomplete, body, title) and their weights.
BM25_WEIGHTS = (0.0, 1.0, 4.0)


@dataclass
class Candidate:
    pk: int
    title: str
    weight: float
    score: float
    # An entry of the municipality the ranking favours (see search/services.py).
    local: bool = False


@dataclass
class Matches:
    """The best CANDIDATES entries that match and pass the filters, best first; how many
    match and pass; and each facet's counts over the matches that pass the other filters."""

    candidates: list[Candidate]
    total: int
    facets: dict[str, dict[str, int]]


def _word_query(word: str):
    forms = dict.fromkeys([word, stem(word), fold(stem(word))])
    return Or([PlainText(form) for form in forms]) if len(forms) > 1 else PlainText(word)


def _alternative_query(alternative: str):
    parts = [_word_query(word) for word in alternative.replace("-", " ").split()]
    return parts[0] if len(parts) == 1 else And(parts)


def build_query(plan: QueryPlan, operator: str = "and"):
    concepts = []
    for concept in plan.matched:
        alternatives = [_alternative_query(alternative) for alternative in concept.searched]
        concepts.append(alternatives[0] if len(alternatives) == 1 else Or(alternatives))
    combine = And if operator == "and" else Or
    return concepts[0] if len(concepts) == 1 else combine(concepts)


def _stems_of(text: str) -> set[str]:
    return {fold(stem(word)) for word in words(text)}


def _concept_stems(plan: QueryPlan) -> list[list[set[str]]]:
    # A municipality the query names is not matched, but a title that holds it ranks higher.
    return [[_stems_of(alternative) for alternative in c.alternatives] for c in plan.concepts]


def _title_share(title: str, concepts: list[list[set[str]]]) -> float:
    """The share of the query's concepts that the title holds."""
    if not concepts:
        return 0.0
    title_stems = _stems_of(title)
    held = sum(any(stems <= title_stems for stems in concept) for concept in concepts)
    return held / len(concepts)


def _fts_string(form: str) -> str:
    return '"' + form.replace('"', '""') + '"'


def _match_expression(plan: QueryPlan, operator: str) -> str:
    """The same query as build_query, in SQLite FTS5's syntax (every form quoted)."""

    def word(text: str) -> str:
        forms = dict.fromkeys([text, stem(text), fold(stem(text))])
        return "(" + " OR ".join(_fts_string(form) for form in forms) + ")"

    def alternative(text: str) -> str:
        return "(" + " AND ".join(word(w) for w in text.replace("-", " ").split()) + ")"

    concepts = [
        "(" + " OR ".join(alternative(a) for a in concept.searched) + ")"
        for concept in plan.matched
    ]
    joined = f" {operator.upper()} ".join(concepts)
    return "{title body} : (" + joined + ")"


# Entries matching a full-text expression, driven from the full-text table (CROSS JOIN keeps
# SQLite from matching once per indexed row).
_SQLITE_FROM = """
        FROM wagtailsearch_indexentry_fts
        CROSS JOIN wagtailsearch_indexentry AS i ON i.id = wagtailsearch_indexentry_fts.rowid
        CROSS JOIN {table} AS e ON e.id = CAST(i.object_id AS INTEGER)
        WHERE wagtailsearch_indexentry_fts MATCH %s AND i.content_type_id = %s
"""
# One row per match; filled in by _sqlite_matches.
_SQLITE_MATCHES = """
    WITH m AS MATERIALIZED (
        SELECT e.id, e.kind, e.title, e.weight, e.actors, e.municipalities,
               bm25(wagtailsearch_indexentry_fts, {weights}) AS score
        {source}
    )
"""
# What each filter keeps, as SQL over the matches `m`; each takes the chosen value twice.
_SQLITE_KIND = "(%s = '' OR m.kind = %s)"
_SQLITE_ACTOR = "(%s = '' OR EXISTS (SELECT 1 FROM json_each(m.actors) WHERE value = %s))"
_SQLITE_MUNICIPALITY = (
    "(%s = '' OR EXISTS (SELECT 1 FROM json_each(m.municipalities) WHERE value = %s))"
)
# Each facet is counted over the matches that pass the other facets' filters: a count is
# what choosing the option would find.
_SQLITE_FACETS = f"""
    SELECT 'kind', kind, count(*) FROM m WHERE {_SQLITE_ACTOR} AND {_SQLITE_MUNICIPALITY}
    GROUP BY kind
    UNION ALL
    SELECT 'actor', j.value, count(*) FROM m, json_each(m.actors) AS j
    WHERE {_SQLITE_KIND} AND {_SQLITE_MUNICIPALITY} GROUP BY j.value
    UNION ALL
    SELECT 'municipality', j.value, count(*) FROM m, json_each(m.municipalities) AS j
    WHERE {_SQLITE_KIND} AND {_SQLITE_ACTOR} GROUP BY j.value
"""
_SQLITE_RANKED = f"""
    SELECT id, title, weight, score,
           EXISTS (SELECT 1 FROM json_each(m.municipalities) WHERE value = %s),
           count(*) OVER () FROM m
    WHERE {_SQLITE_KIND} AND {_SQLITE_ACTOR} AND {_SQLITE_MUNICIPALITY}
    ORDER BY score LIMIT %s
"""


def _sqlite_from() -> str:
    return _SQLITE_FROM.format(table=SearchEntry._meta.db_table)


def _sqlite_matches(plan: QueryPlan, filters: Filters, operator: str, local: str) -> Matches:
    """Matches read from the full-text table outwards, with facets and filters in SQL."""
    # Table names and weights are ours; what was searched for is a parameter.
    matches = _SQLITE_MATCHES.format(
        weights=", ".join(str(weight) for weight in BM25_WEIGHTS), source=_sqlite_from()
    )
    searched = [
        _match_expression(plan, operator),
        ContentType.objects.get_for_model(SearchEntry).pk,
    ]
    kind, actor, municipality = ([value, value] for value in astuple(filters))
    facets = {"kind": {}, "actor": {}, "municipality": {}}
    with connection.cursor() as cursor:
        cursor.execute(
            matches + _SQLITE_FACETS,
            [*searched, *actor, *municipality, *kind, *municipality, *kind, *actor],
        )
        for name, value, count in cursor.fetchall():
            facets[name][value] = count
        cursor.execute(
            matches + _SQLITE_RANKED,
            [*searched, local, *kind, *actor, *municipality, CANDIDATES],
        )
        rows = cursor.fetchall()
    return Matches(
        candidates=[Candidate(*row[:4], local=bool(row[4])) for row in rows],
        total=rows[0][5] if rows else 0,
        facets=facets,
    )


def _facet_counts(entries: list[SearchEntry], filters: Filters) -> dict[str, dict[str, int]]:
    """Each facet over the entries that pass the other facets' filters."""
    kinds, actors, municipalities = Counter(), Counter(), Counter()
    for entry in entries:
        if _passes(entry, replace(filters, kind="")):
            kinds[entry.kind] += 1
        if _passes(entry, replace(filters, actor="")):
            actors.update(entry.actors)
        if _passes(entry, replace(filters, municipality="")):
            municipalities.update(entry.municipalities)
    return {"kind": dict(kinds), "actor": dict(actors), "municipality": dict(municipalities)}


def _passes(entry: SearchEntry, filters: Filters) -> bool:
    return (
        (not filters.kind or entry.kind == filters.kind)
        and (not filters.actor or filters.actor in entry.actors)
        and (not filters.municipality or filters.municipality in entry.municipalities)
    )


def _wagtail_matches(plan: QueryPlan, filters: Filters, operator: str, local: str) -> Matches:
    """Wagtail's query; facets and filters over its best CANDIDATES matches."""
    results = (
        SearchEntry.objects.only("kind", "title", "weight", "actors", "municipalities")
        .search(build_query(plan, operator), order_by_relevance=True)
        .annotate_score("_score")
    )
    entries = list(results[:CANDIDATES])
    selected = [entry for entry in entries if _passes(entry, filters)]
    return Matches(
        candidates=[
            Candidate(
                entry.pk,
                entry.title,
                entry.weight,
                entry._score or 0,
                local=bool(local) and local in entry.municipalities,
            )
            for entry in selected
        ],
        total=len(selected),
        facets=_facet_counts(entries, filters),
    )


def search(
    plan: QueryPlan,
    filters: Filters,
    offset: int,
    limit: int,
    operator: str = "and",
    local: str = "",
) -> BackendResult:
    """The page of results; the entries of municipality `local` (a slug) count LOCAL_WEIGHT
    times as much."""
    if connection.vendor == "sqlite":
        found = _sqlite_matches(plan, filters, operator, local)
    else:
        found = _wagtail_matches(plan, filters, operator, local)
    candidates = found.candidates
    concepts = _concept_stems(plan)
    # SQLite's bm25() is negative (lower is better), PostgreSQL's ts_rank positive: the
    # magnitude is the relevance on both. Neither weighs the title enough, so a title that
    # holds the concepts counts up to twice. ts_rank spans orders of magnitude between a
    # match in a short title and one in the text (and its stemmer is not ours), so on
    # PostgreSQL it is flattened and the weights decide more.
    flatten = 1.0 if connection.vendor == "sqlite" else 0.25
    candidates.sort(
        key=lambda entry: (
            -(abs(entry.score) ** flatten)
            * entry.weight
            * (1 + _title_share(entry.title, concepts))
            * (LOCAL_WEIGHT if entry.local else 1)
        )
    )
    shown = candidates[offset : offset + limit]
    rows = SearchEntry.objects.filter(pk__in=[entry.pk for entry in shown]).in_bulk()
    stems = plan.highlight_stems
    hits = []
    for entry in shown:
        row = rows[entry.pk]
        hits.append(
            Hit(
                key=row.key,
                kind=row.kind,
                title=row.title,
                context=row.context,
                url=row.url,
                snippet=highlight(row.body, stems),
                contact_id=row.contact_id,
            )
        )
    return BackendResult(hits=hits, total=found.total, facets=found.facets)


_SQLITE_AUTOCOMPLETE = """
    SELECT e.title, e.url, e.kind
    {source}
    ORDER BY e.weight DESC, bm25(wagtailsearch_indexentry_fts) LIMIT %s
"""


def _sqlite_autocomplete(prefix: str, limit: int) -> list[tuple[str, str, str]]:
    *whole, last = prefix.replace("-", " ").split()
    terms = [*(_fts_string(word) for word in whole), _fts_string(last) + " *"]
    expression = "{autocomplete} : (" + " AND ".join(terms) + ")"
    content_type = ContentType.objects.get_for_model(SearchEntry).pk
    with connection.cursor() as cursor:
        cursor.execute(
            _SQLITE_AUTOCOMPLETE.format(source=_sqlite_from()),
            [expression, content_type, limit],
        )
        return cursor.fetchall()


def autocomplete(prefix: str, limit: int) -> list[dict]:
    """Titles with words starting as typed, by weight; those that start with it first."""
    if connection.vendor == "sqlite":
        rows = _sqlite_autocomplete(prefix, limit * 3)
    else:
        entries = SearchEntry.objects.autocomplete(prefix)[: limit * 3]
        rows = sorted(
            ((entry.title, entry.url, entry.kind, entry.weight) for entry in entries),
            key=lambda row: -row[3],
        )
    start = prefix.casefold()
    ranked = sorted(rows, key=lambda row: not row[0].casefold().startswith(start))
    return [{"title": title, "url": url, "kind": kind} for title, url, kind, *_ in ranked[:limit]]
