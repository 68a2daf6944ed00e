"""The Elasticsearch path: one Document, one Swedish analysis chain, an alias per environment.

Readers search the alias `<SEARCH_INDEX_PREFIX>-entries`; `rebuild` loads a new concrete
index and moves the alias to it in one atomic call. Every failure to reach the cluster is
raised as SearchUnavailable, and for SEARCH_RETRY_AFTER seconds afterwards searches go to
the database without waiting for another timeout.
"""

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import replace

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.module_loading import import_string
from elasticsearch import ApiError, Elasticsearch, TransportError, helpers
from elasticsearch_dsl import (
    Document,
    Float,
    Index,
    Integer,
    Keyword,
    Q,
    Search,
    SearchAsYouType,
    Text,
    analyzer,
    token_filter,
)

from portal.health import Degraded

from .entries import LOCAL_WEIGHT, WEIGHTS
from .hits import HIGHLIGHT_END, HIGHLIGHT_START, BackendResult, Filters, Hit, marked_snippet
from .models import SearchEntry
from .query import Concept, QueryPlan

swedish_stop = token_filter("swedish_stop", "stop", stopwords="_swedish_")
swedish_stemmer = token_filter("swedish_stemmer", "stemmer", language="swedish")
compound_parts = token_filter("compound_parts", "ngram", min_gram=4, max_gram=5)

# Words as written, stemmed: "mötet" and "möten" meet at "möt".
swedish = analyzer(
    "swedish_text", tokenizer="standard", filter=["lowercase", swedish_stop, swedish_stemmer]
)
# The same without å, ä, ö, é: "overtornea" finds "Övertorneå" (boosted below exact spellings).
swedish_folded = analyzer(
    "swedish_folded",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", swedish_stop, swedish_stemmer],
)
# Titles as typed, for suggestions: "overt" and "övert" both suggest "Övertorneå".
plain = analyzer("plain", tokenizer="standard", filter=["lowercase", "asciifolding"])
# Four- and five-letter pieces, so a part of a compound word in a title matches the whole.
swedish_parts = analyzer(
    "swedish_parts", tokenizer="standard", filter=["lowercase", compound_parts]
)


class EntryDocument(Document):
    key = Keyword()
    source = Keyword()
    kind = Keyword()
    title = Text(
        analyzer=swedish,
        fields={"folded": Text(analyzer=swedish_folded), "parts": Text(analyzer=swedish_parts)},
    )
    context = Text(analyzer=swedish, fields={"folded": Text(analyzer=swedish_folded)})
    body = Text(analyzer=swedish, fields={"folded": Text(analyzer=swedish_folded)})
    url = Keyword(index=False)
    actors = Keyword()
    municipalities = Keyword()
    contact_id = Integer()
    weight = Float()
    # The title for suggestions: any word of it by its beginning, and the whole title by its
    # beginning (lower-cased here, so no normaliser is needed).
    suggest = SearchAsYouType(analyzer=plain)
    suggest_start = Keyword()


class SearchUnavailable(Exception):
    """The cluster could not be reached, answered with an error, or took too long."""


class IndexMissing(SearchUnavailable):
    """There is no index behind the alias (a cluster that came back empty): writing into it
    would auto-create an index without the mapping, holding only what was written."""


_state = threading.local()
_down = {"until": 0.0}


def configured() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


def available() -> bool:
    return configured() and time.monotonic() >= _down["until"]


def mark_down() -> None:
    _down["until"] = time.monotonic() + settings.ELASTICSEARCH_RETRY_AFTER


def mark_up() -> None:
    _down["until"] = 0.0


def alias_name() -> str:
    return f"{settings.SEARCH_INDEX_PREFIX}-entries"


def client() -> Elasticsearch:
    key = (settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_TIMEOUT)
    if getattr(_state, "key", None) != key:
        options = {"request_timeout": settings.ELASTICSEARCH_TIMEOUT, "max_retries": 0}
        if settings.ELASTICSEARCH_NODE_CLASS:
            options["node_class"] = import_string(settings.ELASTICSEARCH_NODE_CLASS)
        _state.client = Elasticsearch(settings.ELASTICSEARCH_URL, **options)
        _state.key = key
    return _state.client


# A whole rebuild's bulk loads take longer than anything else.
REBUILD_TIMEOUT = 120


def _call(operation: Callable, timeout: float | None = None):
    """Run requests against the cluster, turning every failure into SearchUnavailable."""
    es = client() if timeout is None else client().options(request_timeout=timeout)
    try:
        result = operation(es)
    except (TransportError, ApiError, OSError) as error:
        mark_down()
        raise SearchUnavailable(f"{type(error).__name__}: {error}") from error
    mark_up()
    return result


def index_problem(timeout: float | None = None) -> str:
    """Why the alias cannot answer for the whole site ("" when it holds every entry)."""

    def check(es):
        if not es.indices.exists_alias(name=alias_name()):
            return "indexet saknas"
        held = es.count(index=alias_name())["count"]
        expected = SearchEntry.objects.count()
        return "" if held == expected else f"indexet har {held} av {expected} poster"

    return _call(check, timeout)


def _problem_cache_key() -> str:
    return f"search:index-problem:{settings.ELASTICSEARCH_URL}:{alias_name()}"


def ready() -> bool:
    """Whether searches should go to the cluster: it answers and its index is complete.

    The index's state is checked at most once per ELASTICSEARCH_RETRY_AFTER seconds (in the
    shared cache); until a complete index is back, search answers from the database."""
    if not available():
        return False
    problem = cache.get(_problem_cache_key())
    if problem is None:
        try:
            problem = index_problem()
        except SearchUnavailable:
            return False
        cache.set(_problem_cache_key(), problem, settings.ELASTICSEARCH_RETRY_AFTER)
    return not problem


def forget_index_state() -> None:
    cache.delete(_problem_cache_key())


def health():
    """For /halsa/: search falls back to the database, so this is reported, not critical."""
    if not configured():
        return "inte konfigurerad"
    try:
        problem = index_problem(timeout=2)
    except SearchUnavailable:
        return Degraded("svarar inte", word="fel")
    return Degraded(problem) if problem else "ok"


def new_index(name: str) -> Index:
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.document(EntryDocument)
    return index


def to_document(entry: SearchEntry) -> dict:
    return {
        "key": entry.key,
        "source": entry.source,
        "kind": entry.kind,
        "title": entry.title,
        "context": entry.context,
        "body": entry.body,
        "url": entry.url,
        "actors": entry.actors,
        "municipalities": entry.municipalities,
        "contact_id": entry.contact_id,
        "weight": entry.weight,
        "suggest": entry.title,
        "suggest_start": entry.title.casefold(),
    }


def _actions(entries: Iterable[SearchEntry], index: str):
    for entry in entries:
        yield {"_index": index, "_id": entry.key, "_source": to_document(entry)}


def sync_source(source: str, entries, timeout: float) -> None:
    """Make the alias hold exactly `entries` for `source`; each request waits `timeout`."""
    entries = list(entries)

    def sync(es):
        if not es.indices.exists_alias(name=alias_name()):
            raise IndexMissing("indexet saknas")
        keys = [entry.key for entry in entries]
        es.delete_by_query(
            index=alias_name(),
            query={
                "bool": {
                    "filter": [{"term": {"source": source}}],
                    "must_not": [{"ids": {"values": keys}}],
                }
            },
            refresh=True,
        )
        if entries:
            helpers.bulk(es, _actions(entries, alias_name()), refresh=True)

    _call(sync, timeout)


def rebuild(
    entries: Iterable[SearchEntry], total: int, progress: Callable[[int, int], None]
) -> str:
    """Load `entries` into a new index and point the alias at it in one step.

    If anything fails before the switch, the new index is removed and the old one keeps
    serving. Returns the new index's name.
    """
    name = f"{alias_name()}-{timezone.now():%Y%m%d%H%M%S%f}"

    def load(es):
        new_index(name).create(using=es)
        try:
            stream = helpers.streaming_bulk(es, _actions(entries, name), chunk_size=500)
            for done, (ok, item) in enumerate(stream, start=1):
                if not ok:
                    raise SearchUnavailable(f"Kunde inte indexera {item}")
                progress(done, total)
            es.indices.refresh(index=name)
            old, actions = [], []
            if es.indices.exists_alias(name=alias_name()):
                old = list(es.indices.get_alias(name=alias_name()).keys())
                actions = [{"remove": {"index": index, "alias": alias_name()}} for index in old]
            elif es.indices.exists(index=alias_name()):
                # An index some client auto-created under the alias's name, without the
                # mapping: it goes in the same step as the alias arrives.
                actions = [{"remove_index": {"index": alias_name()}}]
            es.indices.update_aliases(
                actions=[*actions, {"add": {"index": name, "alias": alias_name()}}]
            )
        except BaseException:
            es.indices.delete(index=name, ignore_unavailable=True)
            raise
        for index in old:
            es.indices.delete(index=index, ignore_unavailable=True)
        return name

    return _call(load, REBUILD_TIMEOUT)


# --- Searching -------------------------------------------------------------------------

FIELDS = ["title^4", "title.folded^2", "context^2", "context.folded", "body", "body.folded^0.5"]
# Parts of compound words are matched in titles only: in bodies they match nearly every
# entry, and cost more than the rest of the query. Unknown compounds in bodies are found
# through the parts the query planner splits them into.
PART_FIELDS = ["title.parts^0.6"]
# Several words in their order count extra in titles; in bodies, positions are costly to
# check and every word is required anyway.
PHRASE_FIELDS = ["title^4", "context^2"]
# Entry weights (routines before steps, the agreement in force before older versions) are
# applied in Python to the best RESCORE_WINDOW matches, as Elasticsearch's rescoring does:
# a function_score over every match costs far more than the text query itself.
RESCORE_WINDOW = 30


def _alternative_query(
    alternative: str, fuzzy: bool = False, by_parts: bool = False, boost: float = 1.0
) -> Q:
    words = alternative.split()
    options = {"operator": "and"}
    if fuzzy and len(words) == 1 and len(alternative) >= 5:
        options["fuzziness"] = "AUTO"
        options["prefix_length"] = 1
    clauses = [Q("multi_match", query=alternative, fields=FIELDS, **options)]
    if by_parts and len(words) == 1 and len(alternative) >= 6:
        clauses.append(
            Q("multi_match", query=alternative, fields=PART_FIELDS, minimum_should_match="60%")
        )
    if len(words) > 1:
        clauses.append(
            Q("multi_match", query=alternative, fields=PHRASE_FIELDS, type="phrase", boost=2)
        )
    return Q("bool", should=clauses, minimum_should_match=1, boost=boost)


def _concept_query(concept: Concept) -> Q:
    """What was typed, its glossary forms, and the parts of an unknown compound.

    A typed word the content does not use is probably misspelt or an unusual compound: it is
    matched with typo tolerance and by its parts in titles. Known words are matched as they
    are — fuzzy matching them finds other words, and matching their parts ranks longer words
    that contain them ("överens" in "Överenskommelsen") above the word itself. Glossary
    forms are editors' words, matched as they are and by their parts in titles."""
    typed, *glossary = concept.alternatives
    return Q(
        "bool",
        should=[
            _alternative_query(typed, fuzzy=concept.unknown, by_parts=concept.unknown),
            *(_alternative_query(form, by_parts=True) for form in glossary),
            *(_alternative_query(part, boost=0.5) for part in concept.parts),
        ],
        minimum_should_match=1,
    )


def build_query(plan: QueryPlan, operator: str = "and") -> Q:
    concepts = [_concept_query(concept) for concept in plan.matched]
    if operator == "and":
        matched = Q("bool", must=concepts)
    else:
        matched = Q("bool", should=concepts, minimum_should_match=1)
    # A municipality the query names is not required, but what mentions it ranks higher.
    named = [_concept_query(c) for c in plan.concepts if c.municipality and c not in plan.matched]
    return Q("bool", must=[matched], should=named) if named else matched


def ranked_query(plan: QueryPlan, operator: str = "and", local: str = "") -> Q:
    """The query, with the entries of municipality `local` (a slug) counting LOCAL_WEIGHT
    times as much: over every match, as the database path does, so that they reach the
    rescore window however many entries match."""
    query = build_query(plan, operator)
    if not local:
        return query
    return Q(
        "function_score",
        query=query,
        functions=[{"filter": Q("term", municipalities=local), "weight": LOCAL_WEIGHT}],
        boost_mode="multiply",
    )


def rescore(hits: list, offset: int, limit: int) -> list:
    """The page of `hits` (ranked by text score, from rank 0) after weighting the window."""
    window = sorted(hits[:RESCORE_WINDOW], key=lambda hit: -hit.meta.score * (hit.weight or 1))
    return [*window, *hits[RESCORE_WINDOW:]][offset : offset + limit]


FACET_FIELDS = {"kind": "kind", "actor": "actors", "municipality": "municipalities"}


def _filter_clauses(filters: Filters) -> list[Q]:
    clauses = []
    if filters.kind:
        clauses.append(Q("term", kind=filters.kind))
    if filters.actor:
        clauses.append(Q("term", actors=filters.actor))
    if filters.municipality:
        clauses.append(Q("term", municipalities=filters.municipality))
    return clauses


def _snippet(hit) -> str:
    highlight = getattr(hit.meta, "highlight", None)
    for name in ("body", "body.folded"):
        fragments = getattr(highlight, name, None) if highlight else None
        if fragments:
            return marked_snippet(" … ".join(fragments))
    body = hit.body or ""
    words = body.split()
    return marked_snippet(" ".join(words[:30]) + (" …" if len(words) > 30 else ""))


def search(
    plan: QueryPlan,
    filters: Filters,
    offset: int,
    limit: int,
    operator: str = "and",
    local: str = "",
) -> BackendResult:
    request = (
        Search(index=alias_name())
        .query(ranked_query(plan, operator, local))
        .extra(track_total_hits=True)
        .source(excludes=["suggest", "suggest_start"])
        .highlight("body", "body.folded", fragment_size=180, number_of_fragments=1)
        .highlight_options(pre_tags=[HIGHLIGHT_START], post_tags=[HIGHLIGHT_END])
    )
    for name, field in FACET_FIELDS.items():
        # Counted under the other facets' choices: a count is what choosing it would find.
        others = _filter_clauses(replace(filters, **{name: ""}))
        request.aggs.bucket(name, "filter", Q("bool", filter=others)).bucket(
            "options", "terms", field=field, size=50
        )
    clauses = _filter_clauses(filters)
    if clauses:
        request = request.post_filter(Q("bool", filter=clauses))
    # Within the window, fetch it all to reweigh it; beyond it, the page as ranked.
    start = 0 if offset < RESCORE_WINDOW else offset
    request = request[start : max(offset + limit, RESCORE_WINDOW)]
    response = _call(lambda es: request.using(es).execute())
    ranked = rescore(list(response), offset - start, limit) if start == 0 else list(response)
    hits = [
        Hit(
            key=hit.key,
            kind=hit.kind,
            title=hit.title,
            context=hit.context or "",
            url=hit.url,
            snippet=_snippet(hit),
            contact_id=getattr(hit, "contact_id", None),
        )
        for hit in ranked
    ]
    facets = {
        name: {
            bucket.key: bucket.doc_count for bucket in response.aggregations[name].options.buckets
        }
        for name in FACET_FIELDS
    }
    return BackendResult(hits=hits, total=response.hits.total.value, facets=facets)


SUGGEST_FIELDS = ["suggest", "suggest._2gram", "suggest._3gram"]
WEIGHT_VALUES = sorted(set(WEIGHTS.values()))


def autocomplete(prefix: str, limit: int) -> list[dict]:
    """Titles with words starting as typed: those that start with it first, then by weight.

    The weight enters as one small constant clause per weight an entry can have, which costs
    next to nothing (a function_score over every match would not)."""
    query = Q(
        "bool",
        must=[
            Q(
                "multi_match",
                query=prefix,
                type="bool_prefix",
                operator="and",
                fields=SUGGEST_FIELDS,
            )
        ],
        should=[
            Q("prefix", suggest_start={"value": prefix.casefold(), "boost": 2}),
            *(Q("term", weight={"value": weight, "boost": weight}) for weight in WEIGHT_VALUES),
        ],
    )
    request = Search(index=alias_name()).query(query).source(["title", "url", "kind"])[:limit]
    response = _call(lambda es: request.using(es).execute())
    return [{"title": hit.title, "url": hit.url, "kind": hit.kind} for hit in response]
