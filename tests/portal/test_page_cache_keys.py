"""The page cache keys on the parameters a page reads, holds a bounded number of variants
per path, and a search served from it is still counted."""

import pytest
from django.core.cache import cache

from directory.models import DirectoryIndexPage, MunicipalityPage, Situation
from search.models import QueryStatistic

pytestmark = pytest.mark.django_db
ROUTINE = "/rutiner/norrbusmotet/"


@pytest.fixture
def cached(settings, seeded):
    settings.PAGE_CACHE_SECONDS = 3600
    cache.clear()


def served(client, path: str) -> tuple[int, str | None]:
    response = client.get(path)
    return response.status_code, response.get("X-Page-Cache")


def test_parameters_no_page_reads_share_the_entry_without_them(client, cached):
    assert served(client, ROUTINE) == (200, "miss")
    assert served(client, ROUTINE + "?utm_source=nyhetsbrev") == (200, "hit")
    assert served(client, ROUTINE + "?x=1") == (200, "hit")
    assert served(client, ROUTINE + "?x=2&y=%0d%0a") == (200, "hit")


def test_a_page_rendered_with_unknown_parameters_is_not_stored(client, cached):
    assert served(client, ROUTINE + "?x=1") == (200, None)
    assert served(client, ROUTINE + "?x=1") == (200, None)
    assert served(client, ROUTINE) == (200, "miss")
    assert served(client, ROUTINE) == (200, "hit")


def test_search_parameters_are_keyed_in_a_fixed_order(client, cached):
    assert served(client, "/sok/?q=skola&typ=routine") == (200, "miss")
    assert served(client, "/sok/?typ=routine&q=skola") == (200, "hit")
    assert served(client, "/sok/?q=skola&typ=routine&fbclid=abc") == (200, "hit")
    assert served(client, "/sok/?q=skola") == (200, "miss")
    assert served(client, "/sok/?q=skola&sida=2") == (200, "miss")


def test_the_directory_finder_keys_on_municipality_and_situation(client, cached):
    finder = DirectoryIndexPage.objects.live().first().url
    first, second = MunicipalityPage.objects.live().order_by("slug")[:2]
    situation = Situation.objects.order_by("slug").first().slug
    answers = []
    for query in (
        f"kommun={first.slug}&situation={situation}",
        f"kommun={second.slug}&situation={situation}",
        f"situation={situation}&kommun={first.slug}",
    ):
        client.cookies.clear()  # the finder remembers the municipality chosen
        answers.append(served(client, f"{finder}?{query}"))
    assert answers == [(200, "miss"), (200, "miss"), (200, "hit")]


def test_a_path_stores_a_bounded_number_of_variants(client, cached, settings):
    settings.PAGE_CACHE_VARIANTS_PER_PATH = 3
    assert [served(client, f"/sok/?q=ord{n}")[1] for n in range(5)] == [
        "miss",
        "miss",
        "miss",
        "full",
        "full",
    ]
    assert served(client, "/sok/?q=ord0") == (200, "hit")
    assert served(client, "/sok/?q=ord4") == (200, "full")


def test_every_search_is_counted_also_when_served_from_the_cache(client, cached):
    assert served(client, "/sok/?q=skola") == (200, "miss")
    assert served(client, "/sok/?q=skola") == (200, "hit")
    assert served(client, "/sok/?q=skola") == (200, "hit")
    statistic = QueryStatistic.objects.get(query="skola")
    assert statistic.searches == 3


def test_a_cached_search_that_was_not_counted_is_not_counted_on_a_hit(client, cached):
    # Filtered searches are not counted (search/services.py); a cached one is not either.
    assert served(client, "/sok/?q=skola&typ=routine") == (200, "miss")
    assert served(client, "/sok/?q=skola&typ=routine") == (200, "hit")
    assert served(client, "/sok/?q=skola") == (200, "miss")
    assert QueryStatistic.objects.get(query="skola").searches == 1
