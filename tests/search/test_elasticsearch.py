"""The Elasticsearch path, against osmem-server (an in-memory OpenSearch-compatible peer)."""

import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from elasticsearch import helpers

from bench.expectations import ISSUE_QUERIES, found_in_top_three
from guidance.models import GlossaryTerm, RoutinePage
from search import elastic
from search.hits import Filters
from search.models import PendingIndexUpdate, SearchEntry
from search.services import autocomplete, search_site
from tests.factories import publish
from tests.search.facets import assert_counts_are_what_choosing_finds

pytestmark = pytest.mark.django_db


def es():
    return elastic.client()


def concrete_indices() -> list[str]:
    return sorted(es().indices.get_alias(name=elastic.alias_name()).keys())


def test_mapping_uses_the_swedish_analysis_chain(seeded_elasticsearch):
    index = concrete_indices()[0]
    mapping = es().indices.get_mapping(index=index)[index]["mappings"]["properties"]
    assert mapping["title"]["analyzer"] == "swedish_text"
    assert set(mapping["title"]["fields"]) == {"folded", "parts"}
    assert mapping["suggest"]["type"] == "search_as_you_type"
    tokens = es().indices.analyze(index=index, analyzer="swedish_text", text="och barnen skolornas")
    assert [t["token"] for t in tokens["tokens"]] == ["barn", "skol"]
    folded = es().indices.analyze(index=index, analyzer="swedish_folded", text="Övertorneå")
    assert [t["token"] for t in folded["tokens"]] == ["overtorne"]


def test_every_entry_is_in_the_index_under_the_environment_alias(seeded_elasticsearch):
    assert elastic.alias_name() == "norrbus-test-entries"
    count = es().count(index=elastic.alias_name())["count"]
    assert count == SearchEntry.objects.count()


@pytest.mark.parametrize("query", ISSUE_QUERIES, ids=list(ISSUE_QUERIES))
def test_the_issue_queries_find_the_right_thing_in_the_top_three(seeded_elasticsearch, query):
    outcome = search_site(query)
    assert not outcome.simplified
    assert found_in_top_three(outcome, ISSUE_QUERIES[query]), [h.title for h in outcome.hits[:3]]


def test_exact_spelling_ranks_above_the_accent_free_one(seeded_elasticsearch):
    outcome = search_site("Övertorneå")
    assert outcome.hits[0].url == "/vem-ringer-jag/overtornea/"
    assert search_site("overtornea").hits[0].url == "/vem-ringer-jag/overtornea/"


def test_facets_and_filters(seeded_elasticsearch):
    outcome = search_site("socialtjänst")
    facets = {facet.name: {o.value: o.count for o in facet.options} for facet in outcome.facets}
    assert facets["kind"]["contact"] > 0 and "kalix" in facets["municipality"]
    narrowed = search_site("socialtjänst", filters=Filters(kind="actor"))
    assert narrowed.total == facets["kind"]["actor"]
    assert {hit.kind for hit in narrowed.hits} == {"actor"}
    # The chosen facet's own options stay visible, counted under the other choices.
    kinds = {f.name: [o.value for o in f.options] for f in narrowed.facets}["kind"]
    assert kinds == [o.value for o in outcome.facets[0].options]


@pytest.mark.parametrize(
    "chosen",
    [{"kind": "routine"}, {"kind": "contact"}, {"actor": "socialtjanst"}],
    ids=["routine", "contact", "actor"],
)
def test_facet_counts_are_what_choosing_the_option_finds(seeded_elasticsearch, chosen):
    assert not search_site("socialtjänst").simplified
    assert_counts_are_what_choosing_finds("socialtjänst", Filters(**chosen))


def test_highlighting_marks_the_words_and_escapes_the_text(seeded_elasticsearch):
    html = str(search_site("kallelse").hits[0].snippet)
    assert "<mark>" in html and "</mark>" in html
    assert "<script" not in html


def test_glossary_expansion_is_read_at_query_time(seeded_elasticsearch):
    assert search_site("kanelbulle").total == 0
    term = GlossaryTerm.objects.get(term="Norrbusmöte")
    GlossaryTerm.objects.filter(pk=term.pk).update(synonyms=term.synonyms + ", kanelbulle")
    outcome = search_site("kanelbulle")
    assert any(hit.url.startswith("/rutiner/norrbusmotet/") for hit in outcome.hits[:3])


def test_typo_tolerance(seeded_elasticsearch):
    outcome = search_site("avvikelsehantring")
    assert any(hit.url.startswith("/rutiner/avvikelsehantering/") for hit in outcome.hits[:3])


def test_suggestions_complete_titles(seeded_elasticsearch):
    suggestions = autocomplete("gröna")
    assert "Gröna kortet" in [suggestion["title"] for suggestion in suggestions]
    urls = [suggestion["url"] for suggestion in suggestions]
    assert len(urls) == len(set(urls)) and len(urls) <= 8
    assert suggestions[0]["kind_label"] in {"Rutin", "Begrepp"}


def test_suggestions_match_any_title_word_and_accent_free_spelling(seeded_elasticsearch):
    assert "Gröna kortet" in [suggestion["title"] for suggestion in autocomplete("kort")]
    assert autocomplete("overt")[0]["title"] == "Övertorneå"
    # Titles that start as typed come first: "Samordnad individuell plan (SIP)" before
    # titles with a later word starting "samord".
    assert autocomplete("samordnad ind")[0]["title"].startswith("Samordnad individuell plan")


def test_publish_and_unpublish_reach_the_index(
    seeded_elasticsearch, django_capture_on_commit_callbacks
):
    routine = RoutinePage.objects.get(slug="grona-kortet")
    routine.summary = "Ett kort med lila ränder."
    with django_capture_on_commit_callbacks(execute=True):
        publish(routine)
    assert search_site("lila ränder").hits[0].url == "/rutiner/grona-kortet/"
    with django_capture_on_commit_callbacks(execute=True):
        routine.unpublish()
    assert not es().exists(index=elastic.alias_name(), id=f"page:{routine.pk}")
    assert not any(hit.url.startswith("/rutiner/grona") for hit in search_site("lila ränder").hits)


def test_rebuild_switches_the_alias_to_a_new_index(seeded_elasticsearch):
    before = concrete_indices()
    call_command("rebuild_search_index", no_progress=True, verbosity=0)
    after = concrete_indices()
    assert len(after) == 1 and after != before
    assert not es().indices.exists(index=before[0])
    assert search_site("SIP").total > 0


def test_a_failed_rebuild_leaves_the_old_index_serving(seeded_elasticsearch, monkeypatch):
    before = concrete_indices()
    real_bulk = helpers.streaming_bulk

    def failing_bulk(client, actions, **kwargs):
        for number, result in enumerate(real_bulk(client, actions, **kwargs)):
            if number == 50:
                raise elastic.TransportError("connection lost part-way")
            yield result

    monkeypatch.setattr(helpers, "streaming_bulk", failing_bulk)
    with pytest.raises(CommandError, match="Det gamla indexet används fortfarande"):
        call_command("rebuild_search_index", no_progress=True, verbosity=0)
    assert concrete_indices() == before
    indices = es().indices.get(index=f"{elastic.alias_name()}-*")
    assert sorted(indices) == before
    elastic.mark_up()
    assert not search_site("SIP").simplified


def test_an_unreachable_cluster_falls_back_to_the_database(
    client, seeded_elasticsearch, settings, closed_port_url
):
    settings.ELASTICSEARCH_URL = closed_port_url
    response = client.get("/sok/", {"q": "SIP"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Förenklad sökning" in html
    assert 'href="/rutiner/samordnad-individuell-plan/"' in html
    assert client.get("/sok/forslag/", {"q": "gröna"}).status_code == 200


def test_a_slow_cluster_falls_back_too(seeded_elasticsearch, settings):
    settings.ELASTICSEARCH_TIMEOUT = 0.000001
    assert search_site("SIP").simplified
    assert search_site("SIP").total > 0


def test_publishing_with_the_cluster_down_succeeds_and_is_sent_later(
    seeded_elasticsearch, settings, closed_port_url, django_capture_on_commit_callbacks
):
    working_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = closed_port_url
    routine = RoutinePage.objects.get(slug="grona-kortet")
    routine.summary = "Ett kort med lila ränder."
    with django_capture_on_commit_callbacks(execute=True):
        publish(routine)
    assert RoutinePage.objects.get(pk=routine.pk).summary == "Ett kort med lila ränder."
    assert PendingIndexUpdate.objects.filter(source=f"page:{routine.pk}").exists()
    # The database path already has the change.
    assert search_site("lila ränder").hits[0].url == "/rutiner/grona-kortet/"

    settings.ELASTICSEARCH_URL = working_url
    elastic.mark_up()
    call_command("process_search_queue")
    assert not PendingIndexUpdate.objects.exists()
    outcome = search_site("lila ränder")
    assert not outcome.simplified and outcome.hits[0].url == "/rutiner/grona-kortet/"


def empty_the_cluster():
    """What a cluster that restarts without its data holds: no index at all."""
    for index in es().indices.get(index=f"{elastic.alias_name()}-*"):
        es().indices.delete(index=index)


def publish_during_outage(settings, url, capture):
    working_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = url
    routine = RoutinePage.objects.get(slug="grona-kortet")
    routine.summary = "Ett kort med lila ränder."
    with capture(execute=True):
        publish(routine)
    settings.ELASTICSEARCH_URL = working_url
    elastic.mark_up()
    return routine


def test_a_cluster_that_comes_back_empty_is_rebuilt_in_full_by_the_queue(
    client, seeded_elasticsearch, settings, closed_port_url, django_capture_on_commit_callbacks
):
    routine = publish_during_outage(settings, closed_port_url, django_capture_on_commit_callbacks)
    empty_the_cluster()
    # Until the queue has run, search answers from the database, and /halsa/ says why.
    assert search_site("SIP").simplified and search_site("SIP").total > 0
    assert client.get("/halsa/").json() == {
        "status": "degraderad",
        "databas": "ok",
        "elasticsearch": "degraderad",
        "elasticsearch_orsak": "indexet saknas",
    }

    call_command("process_search_queue", stdout=StringIO())
    assert not PendingIndexUpdate.objects.exists()
    assert es().count(index=elastic.alias_name())["count"] == SearchEntry.objects.count()
    index = concrete_indices()[0]
    mapping = es().indices.get_mapping(index=index)[index]["mappings"]["properties"]
    assert mapping["title"]["analyzer"] == "swedish_text"
    outcome = search_site("SIP")
    assert not outcome.simplified and outcome.total > 0
    assert search_site("lila ränder").hits[0].url == routine.url
    assert client.get("/halsa/").json()["status"] == "ok"


def test_publishing_into_a_missing_index_creates_no_index(
    seeded_elasticsearch, django_capture_on_commit_callbacks
):
    empty_the_cluster()
    routine = RoutinePage.objects.get(slug="grona-kortet")
    with django_capture_on_commit_callbacks(execute=True):
        publish(routine)
    assert not es().indices.exists(index=elastic.alias_name())
    assert not es().indices.get(index=f"{elastic.alias_name()}-*")
    assert PendingIndexUpdate.objects.get(source=f"page:{routine.pk}").last_error == (
        "indexet saknas"
    )


def test_an_incomplete_index_sends_search_to_the_database_until_the_queue_rebuilds_it(
    client, seeded_elasticsearch
):
    elastic.rebuild(SearchEntry.objects.order_by("pk")[:1], 1, lambda done, total: None)
    total = SearchEntry.objects.count()
    health = client.get("/halsa/")
    assert health.status_code == 200
    assert health.json()["status"] == "degraderad"
    assert health.json()["elasticsearch_orsak"] == f"indexet har 1 av {total} poster"
    outcome = search_site("socialtjänst")
    assert outcome.simplified and outcome.total > 1

    output = StringIO()
    call_command("process_search_queue", stdout=output)
    assert f"indexet har 1 av {total} poster" in output.getvalue()
    assert es().count(index=elastic.alias_name())["count"] == total
    assert not search_site("socialtjänst").simplified


def test_the_queue_leaves_a_complete_index_alone(seeded_elasticsearch):
    before = concrete_indices()
    output = StringIO()
    call_command("process_search_queue", stdout=output)
    assert concrete_indices() == before
    assert "indexet är komplett" in output.getvalue()


def connections_offered(sock) -> int:
    """Accept (and drop) every connection waiting on the socket; how many there were."""
    sock.setblocking(False)
    count = 0
    while True:
        try:
            connection, _address = sock.accept()
        except BlockingIOError:
            return count
        connection.close()
        count += 1


def test_publishing_while_the_cluster_hangs_waits_only_the_index_timeout(
    seeded_elasticsearch, settings, hanging_cluster, hanging_url, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_INDEX_TIMEOUT = 0.5
    settings.ELASTICSEARCH_URL = hanging_url
    routine = RoutinePage.objects.get(slug="grona-kortet")
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        publish(routine)
    assert time.monotonic() - started < 2
    assert PendingIndexUpdate.objects.filter(source=f"page:{routine.pk}").exists()
    assert connections_offered(hanging_cluster) >= 1
    # The next publish does not wait for the hanging cluster at all: it does not even connect.
    with django_capture_on_commit_callbacks(execute=True):
        publish(routine)
    assert connections_offered(hanging_cluster) == 0
    assert PendingIndexUpdate.objects.get(source=f"page:{routine.pk}").attempts == 2
