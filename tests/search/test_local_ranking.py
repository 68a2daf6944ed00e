"""The reader's municipality first: the remembered one (the directory's cookie) or the one the
query names, on both backends (the database path runs on SQLite here and on PostgreSQL in
`make test-postgres`)."""

import pytest
from django.core.cache import cache

from bench.expectations import ISSUE_QUERIES, found_in_top_three, load_relevance_set
from directory.cookies import COOKIE_NAME
from search import elastic
from search.services import search_site

pytestmark = pytest.mark.django_db

# The relevance set's queries searched without a remembered municipality.
EXPECTED = {item["q"]: item["expect"] for item in load_relevance_set() if "kommun" not in item}


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, demo_content):
    """The demo content searched by the database, or by Elasticsearch (osmem-server).

    It asks for the module's demo content itself, so that the content is built before the
    test's transaction opens (and outlives it)."""
    request.getfixturevalue("seeded" if request.param == "database" else "seeded_elasticsearch")
    assert elastic.configured() == (request.param == "elasticsearch")
    return request.param


def contact_hits(outcome):
    return [hit.contact for hit in outcome.hits if hit.contact]


def social_services(outcome):
    """The municipalities of the social-services contacts found, in their order."""
    return [
        contact.municipality.slug
        for contact in contact_hits(outcome)
        if contact.name.startswith("Socialtjänsten,")
    ]


def all_social_services(query: str, remembered: str = "") -> list[str]:
    found, page = [], 1
    while True:
        outcome = search_site(query, page, remembered=remembered, record=False)
        found += social_services(outcome)
        if not outcome.has_next:
            return found
        page += 1


# Three municipalities: without a remembered one, at most one of them comes first by chance
# (which one differs between SQLite, PostgreSQL and Elasticsearch).
@pytest.mark.parametrize("remembered", ["kalix", "pajala", "overtornea"])
def test_the_remembered_municipality_s_contact_is_the_first_contact(backend, remembered):
    outcome = search_site("socialtjänst", remembered=remembered, record=False)
    first = contact_hits(outcome)[0]
    assert first.municipality.slug == remembered
    assert first.name == "Socialtjänsten, mottagningen för barn och unga"
    assert outcome.municipality.slug == remembered and not outcome.municipality.named
    # Ranked first, nothing left out: every municipality's social services are still found.
    assert outcome.total == search_site("socialtjänst", record=False).total
    assert len(set(all_social_services("socialtjänst", remembered))) == 14


def test_without_a_municipality_the_ranking_is_as_before(backend):
    plain = search_site("socialtjänst", record=False)
    assert plain.municipality is None
    # A cookie naming no municipality is ignored.
    unknown = search_site("socialtjänst", remembered="oslo", record=False)
    assert unknown.municipality is None
    assert [hit.key for hit in unknown.hits] == [hit.key for hit in plain.hits]
    assert [hit.url for hit in plain.hits[:2]] == [
        "/aktorer/socialtjanst/",
        "/overenskommelsen/2025/#socialtjanst",
    ]


@pytest.mark.parametrize(
    "query",
    [
        "socialtjänst piteå",
        "socialtjänst i Piteå",
        "socialtjänst pitea",
        "Piteå kommun socialtjänst",
        "Piteå kommuns socialtjänst",
        "socialtjänst Piteås",
    ],
)
def test_a_municipality_named_in_the_query_comes_first_over_the_remembered_one(backend, query):
    outcome = search_site(query, remembered="kalix", record=False)
    assert outcome.municipality.slug == "pitea" and outcome.municipality.named
    assert social_services(outcome)[0] == "pitea"
    # The name ranks, it does not filter: what does not mention Piteå is found as well.
    assert outcome.total == search_site("socialtjänst", record=False).total
    assert "/aktorer/socialtjanst/" in [hit.url for hit in outcome.hits[:3]]
    assert outcome.municipality.query_without == "socialtjänst"


def test_a_municipality_s_official_name_is_named_too(backend):
    outcome = search_site("Haparanda stad hälsocentral", record=False)
    assert outcome.municipality.slug == "haparanda"
    assert contact_hits(outcome)[0].name == "Hälsocentralen i Haparanda"


def test_the_municipality_word_does_not_keep_out_what_does_not_mention_it(backend):
    # "bup kalix" matched one contact while "kalix" had to be in every hit; the county's
    # shared BUP contacts are found as well now, and Kalix's own still.
    outcome = search_site("bup kalix", record=False)
    titles = [hit.title for hit in outcome.hits]
    assert "BUP-linjen" in titles
    assert "Specialistvårdens kontakt för Norrbusmöten i Kalix" in titles
    assert found_in_top_three(outcome, ISSUE_QUERIES["BUP"])
    assert social_services(search_site("socialtjänst kalix", record=False))[0] == "kalix"


def test_a_query_of_the_municipality_alone_finds_it(backend):
    for query in ("Kalix kommun", "kalix"):
        outcome = search_site(query, record=False)
        assert outcome.hits[0].url == "/vem-ringer-jag/kalix/", query
        assert outcome.municipality.named and outcome.municipality.query_without == ""


def test_the_remembered_municipality_does_not_push_out_what_the_query_asks_for(backend):
    # With Pajala remembered, every relevance query the backend answers well without it
    # still has what it asks for in the top three.
    missed = {}
    for query, expected in EXPECTED.items():
        if not found_in_top_three(search_site(query, record=False), expected):
            continue
        outcome = search_site(query, remembered="pajala", record=False)
        if not found_in_top_three(outcome, expected):
            missed[query] = [hit.title for hit in outcome.hits[:3]]
    assert missed == {}


@pytest.mark.parametrize(("query", "asked"), [("orosanmälan piteå", "orosanmälan")])
def test_a_named_municipality_does_not_push_out_the_routine_asked_about(backend, query, asked):
    outcome = search_site(query, record=False)
    assert found_in_top_three(outcome, EXPECTED[asked]), [hit.title for hit in outcome.hits[:3]]
    assert any(hit.url.startswith("/rutiner/orosanmalan/") for hit in outcome.hits[:5])


def test_the_page_says_which_municipality_comes_first_and_how_to_change_it(client, seeded):
    client.cookies[COOKIE_NAME] = "kalix"
    html = client.get("/sok/", {"q": "socialtjänst"}).content.decode()
    assert (
        '<p class="local-first">Kontakter i Kalix visas först eftersom det är den kommun du '
        "senast valde eller tittade på. "
        '<a href="/kontakter/valj-kommun/?next=%2Fsok%2F%3Fq%3Dsocialtj%25C3%25A4nst">'
        "Byt kommun</a></p>"
    ) in html
    # Choosing another one comes back to the same search, now ranked for that one.
    chooser = client.get("/kontakter/valj-kommun/", {"next": "/sok/?q=socialtj%C3%A4nst"})
    assert '<option value="kalix" selected>Kalix</option>' in chooser.content.decode()
    response = client.post(
        "/kontakter/valj-kommun/", {"kommun": "pajala", "next": "/sok/?q=socialtj%C3%A4nst"}
    )
    assert response["Location"] == "/sok/?q=socialtj%C3%A4nst"
    html = client.get(response["Location"]).content.decode()
    assert "Kontakter i Pajala visas först eftersom det är den kommun du senast valde" in html


def test_the_page_says_when_the_query_names_the_municipality(client, seeded):
    client.cookies[COOKIE_NAME] = "kalix"
    html = client.get("/sok/", {"q": "socialtjänst i Piteå", "aktor": "socialtjanst"})
    assert (
        '<p class="local-first">Kontakter i Piteå visas först eftersom du sökte på Piteå. '
        '<a href="?q=socialtj%C3%A4nst&amp;aktor=socialtjanst">Sök utan Piteå</a></p>'
    ) in html.content.decode()
    # The municipality alone: nothing to search without it.
    html = client.get("/sok/", {"q": "Kalix kommun"}).content.decode()
    assert "Kontakter i Kalix visas först eftersom du sökte på Kalix.</p>" in html


def test_without_a_municipality_the_page_offers_to_choose_one(client, seeded):
    html = client.get("/sok/", {"q": "socialtjänst"}).content.decode()
    assert "träffar för <strong>socialtjänst</strong>" in html
    assert (
        '<p class="local-first">Träffarna har kontakter i 14 kommuner. '
        '<a href="/kontakter/valj-kommun/?next=%2Fsok%2F%3Fq%3Dsocialtj%25C3%25A4nst">'
        "Välj din kommun</a> så visas dess kontakter först.</p>"
    ) in html
    assert "Byt kommun" not in html and "Kontakter i" not in html
    # A search whose hits hold no municipality's contacts offers nothing.
    html = client.get("/sok/", {"q": "vem betalar"}).content.decode()
    assert "träffar för <strong>vem betalar</strong>" in html
    assert 'class="local-first"' not in html


def test_a_search_cached_for_one_municipality_is_not_served_for_another(client, seeded, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    cache.clear()
    pages = {}
    for slug, marker in [("kalix", "miss"), ("pajala", "miss"), ("kalix", "hit"), ("", "miss")]:
        client.cookies[COOKIE_NAME] = slug
        response = client.get("/sok/", {"q": "socialtjänst"})
        assert response["X-Page-Cache"] == marker, slug
        pages.setdefault(slug, response.content.decode())
    assert "Kontakter i Kalix visas först" in pages["kalix"]
    assert "Kontakter i Pajala visas först" in pages["pajala"]
    assert "Kontakter i" not in pages[""] and "Träffarna har kontakter i 14" in pages[""]
