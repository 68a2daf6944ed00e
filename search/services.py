"""The one place where the site is searched.

`search_site` takes what a person typed and gives everything the results page shows. It
uses Elasticsearch when ELASTICSEARCH_URL is set, the cluster answers in time and its index
holds every entry, and Wagtail's database search otherwise — the same page either way. Only a
fallback from a configured cluster says "Förenklad sökning".
"""

import logging
import math
import re
from dataclasses import dataclass, field

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from directory.models import Contact, MunicipalityPage
from portal.actors import NORRBUS_CHOICES
from portal.privacy import find_identity_numbers, remove_identity_numbers

from . import analytics, database, elastic, vocabulary
from .analysis import normalise, query_words
from .hits import BackendResult, Filters, Hit
from .models import Kind
from .query import QueryPlan, build_plan

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
MAX_PAGE = 100
AUTOCOMPLETE_SIZE = 8
FEW_RESULTS = 3
# Query-language characters (quotes, brackets, *, :, operators' symbols) are not passed on:
# staff type words, and a backend could read the symbols as syntax.
_NOT_A_WORD = re.compile(r"[^\w\s-]|(?<!\w)-|-(?!\w)|_")
_OPERATORS = re.compile(r"\b(AND|OR|NOT|NEAR)\b")


def clean_query(raw: str) -> str:
    text = _NOT_A_WORD.sub(" ", raw or "")
    return " ".join(_OPERATORS.sub(" ", text).split())


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    url: str = ""


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption]


@dataclass(frozen=True)
class LocalMunicipality:
    slug: str
    name: str
    # Named in the query (rather than remembered): the query without it, to offer instead.
    named: bool = False
    query_without: str = ""


@dataclass
class SearchOutcome:
    query: str = ""
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    filters: Filters = field(default_factory=Filters)
    facets: list[Facet] = field(default_factory=list)
    promotions: list[SearchPromotion] = field(default_factory=list)
    expansions: list[tuple[str, list[str]]] = field(default_factory=list)
    # "Förenklad sökning": the database answered, not Elasticsearch.
    simplified: bool = False
    # "Menade du …?" — a better-spelt query to offer.
    suggestion: str = ""
    # Nothing matched what was typed; these are the results for `query` instead.
    corrected_from: str = ""
    # Nothing matched every word; these results match some of them.
    broadened: bool = False
    identity_number_removed: bool = False
    shortened: bool = False
    # What was counted in the statistics (query, total), so a cached copy counts again.
    recorded: tuple[str, int] | None = None
    # The municipality whose entries rank first: named in the query, or else remembered.
    municipality: LocalMunicipality | None = None

    @property
    def searched(self) -> bool:
        return bool(self.query)

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(min(self.total, MAX_PAGE * RESULTS_PER_PAGE) / RESULTS_PER_PAGE))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def start_index(self) -> int:
        return (self.page - 1) * RESULTS_PER_PAGE + 1


def _page_number(value) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE)


def _run(
    plan: QueryPlan,
    filters: Filters,
    offset: int,
    local: LocalMunicipality | None,
    operator: str = "and",
):
    """Search with Elasticsearch if it answers with a complete index, else the database,
    the entries of the `local` municipality first among equals; (result, simplified).
    "Simplified" is a fallback from a configured cluster: where the database search is the
    configured backend (the embedded default) it is the search, and on the project's
    relevance set it does as well (bench/relevance.py)."""
    slug = local.slug if local else ""
    if elastic.ready():
        try:
            result = elastic.search(plan, filters, offset, RESULTS_PER_PAGE, operator, slug)
            return result, False
        except elastic.SearchUnavailable as error:
            logger.warning("Search fell back to the database: %s", error)
    result = database.search(plan, filters, offset, RESULTS_PER_PAGE, operator, slug)
    return result, elastic.configured()


def _correction(plan: QueryPlan, words: vocabulary.Vocabulary) -> str:
    corrected, changed = [], False
    for concept in plan.concepts:
        settled = concept.expanded or concept.municipality
        better = None if settled else words.correction(concept.typed)
        corrected.append(better or concept.typed)
        changed = changed or bool(better)
    return " ".join(corrected) if changed else ""


def _facets(
    result: BackendResult, filters: Filters, municipality_names: dict[str, str]
) -> list[Facet]:
    groups = [
        ("kind", "Typ av innehåll", dict(Kind.choices), filters.kind),
        ("actor", "Aktör", dict(NORRBUS_CHOICES), filters.actor),
        ("municipality", "Kommun", municipality_names, filters.municipality),
    ]
    facets = []
    for name, label, labels, selected in groups:
        counts = result.facets.get(name, {})
        options = [
            FacetOption(value, str(labels[value]), counts.get(value, 0), value == selected)
            for value in labels
            if counts.get(value) or value == selected
        ]
        if name == "municipality":
            options.sort(key=lambda option: option.label)
        if options:
            facets.append(Facet(name, label, options))
    return facets


def _attach_contacts(hits: list[Hit]) -> None:
    ids = [hit.contact_id for hit in hits if hit.contact_id]
    if not ids:
        return
    contacts = (
        Contact.objects.published().select_related("municipality", "county_part").in_bulk(ids)
    )
    for hit in hits:
        hit.contact = contacts.get(hit.contact_id)


def _promotions(plan: QueryPlan) -> list[SearchPromotion]:
    strings = {normalise_query_string(plan.text)}
    if len(plan.concepts) == 1:
        strings.update(plan.concepts[0].alternatives)
    return list(
        SearchPromotion.objects.filter(query__query_string__in=strings)
        .select_related("page")
        .order_by("sort_order")
    )


def _without(query: str, named: str) -> str:
    """`query` without the words that name the municipality (`named`, as planned), and
    without an "i" before them ("socialtjänst i Piteå" -> "socialtjänst")."""
    words, named_words = query.split(), named.split()
    for start in range(len(words)):
        if [normalise(word) for word in words[start : start + len(named_words)]] == named_words:
            before = start - 1 if start and normalise(words[start - 1]) == "i" else start
            return " ".join(words[:before] + words[start + len(named_words) :])
    return query


def _local(
    query: str, plan: QueryPlan, remembered: str, names: dict[str, str]
) -> LocalMunicipality | None:
    """The municipality the query names, or else the remembered one (a slug) if it is one."""
    if plan.municipality:
        named = next(concept.typed for concept in plan.concepts if concept.municipality)
        return LocalMunicipality(
            plan.municipality,
            names[plan.municipality],
            named=True,
            query_without=_without(query, named) if len(plan.concepts) > 1 else "",
        )
    if remembered in names:
        return LocalMunicipality(remembered, names[remembered])
    return None


def search_site(
    raw_query: str,
    page: str | int = 1,
    filters: Filters | None = None,
    record: bool = True,
    remembered: str = "",
) -> SearchOutcome:
    """Search for what was typed. `record=False` keeps the search out of the analytics;
    `remembered` is the slug of the reader's remembered municipality, whose entries rank
    first unless the query names another."""
    filters = filters or Filters()
    page_number = _page_number(page)
    outcome = SearchOutcome(page=page_number, filters=filters)
    if find_identity_numbers(raw_query or ""):
        raw_query = remove_identity_numbers(raw_query)
        outcome.identity_number_removed = True
    query = clean_query(raw_query)
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or query[:MAX_QUERY_LENGTH]
        outcome.shortened = True
    if not query_words(query):
        return outcome
    outcome.query = query

    words = vocabulary.current()
    names = dict(MunicipalityPage.objects.live().values_list("slug", "title"))
    plan = build_plan(query, words, names.items())
    offset = (page_number - 1) * RESULTS_PER_PAGE
    local = _local(query, plan, remembered, names)
    result, outcome.simplified = _run(plan, filters, offset, local)
    correction = _correction(plan, words)
    if result.total == 0 and correction:
        corrected_plan = build_plan(correction, words, names.items())
        corrected_local = _local(correction, corrected_plan, remembered, names)
        corrected, simplified = _run(corrected_plan, filters, offset, corrected_local)
        if corrected.total:
            outcome.corrected_from, outcome.query = query, correction
            plan, result, outcome.simplified = corrected_plan, corrected, simplified
            local = corrected_local
    if result.total == 0 and len(plan.matched) > 1:
        broader, simplified = _run(plan, filters, offset, local, operator="or")
        if broader.total:
            result, outcome.simplified, outcome.broadened = broader, simplified, True
    if (
        correction
        and not outcome.corrected_from
        and (result.total < FEW_RESULTS or outcome.broadened)
    ):
        outcome.suggestion = correction

    outcome.hits, outcome.total = result.hits, result.total
    _attach_contacts(outcome.hits)
    outcome.facets = _facets(result, filters, names)
    outcome.municipality = local
    outcome.expansions = plan.expansions
    if page_number == 1:
        outcome.promotions = _promotions(plan)
        if record and not filters and not outcome.identity_number_removed:
            # What was typed, and whether it found anything as typed.
            outcome.recorded = (query, 0 if outcome.corrected_from else result.total)
            analytics.record(*outcome.recorded)
    return outcome


def autocomplete(raw_query: str) -> list[dict]:
    """Up to AUTOCOMPLETE_SIZE titles starting with what was typed: title, url, kind label."""
    if find_identity_numbers(raw_query or ""):
        return []
    query = clean_query(raw_query)[:MAX_QUERY_LENGTH]
    if len(query) < 2:
        return []
    suggestions = None
    if elastic.ready():
        try:
            suggestions = elastic.autocomplete(query, AUTOCOMPLETE_SIZE)
        except elastic.SearchUnavailable as error:
            logger.warning("Autocomplete fell back to the database: %s", error)
    if suggestions is None:
        suggestions = database.autocomplete(query, AUTOCOMPLETE_SIZE)
    labels = dict(Kind.choices)
    return [
        {**suggestion, "kind_label": str(labels[suggestion["kind"]])} for suggestion in suggestions
    ]
