"""Shared by the database and Elasticsearch tests of the facets."""

from dataclasses import replace

from search.hits import Filters
from search.services import search_site


def assert_counts_are_what_choosing_finds(query: str, filters: Filters) -> None:
    """Every facet option's count is the total that choosing it (keeping the others) gives."""
    outcome = search_site(query, filters=filters)
    checked = 0
    for facet in outcome.facets:
        for option in facet.options:
            chosen = search_site(query, filters=replace(filters, **{facet.name: option.value}))
            assert option.count == chosen.total, (facet.name, option.value)
            checked += 1
    assert checked > 3
