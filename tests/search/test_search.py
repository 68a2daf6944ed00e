"""Search on the database path (no Elasticsearch: the embedded default)."""

import datetime
import json
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from bench.expectations import ISSUE_QUERIES, found_in_top_three
from guidance.models import GlossaryTerm, RoutinePage
from search import elastic
from search.models import QueryStatistic
from search.services import autocomplete, search_site
from tests.identity_numbers import IDENTITY_NUMBERS
from tests.search.facets import assert_counts_are_what_choosing_finds

pytestmark = pytest.mark.django_db

# Published test numbers: personnummer in 12, 10 and separated form, and a samordningsnummer.


@pytest.mark.parametrize("query", ISSUE_QUERIES, ids=list(ISSUE_QUERIES))
def test_the_issue_queries_find_the_right_thing_in_the_top_three(seeded, query):
    # The database search, the configured backend here: no fallback, so no notice either.
    assert not elastic.configured()
    outcome = search_site(query)
    assert not outcome.simplified
    assert found_in_top_three(outcome, ISSUE_QUERIES[query]), [h.title for h in outcome.hits[:3]]


def test_results_page_shows_count_snippets_and_no_notice_on_the_configured_database(client, seeded):
    html = client.get("/sok/", {"q": "kallelse"}).content.decode()
    # The database search is the configured backend here: no apology for it.
    assert "Förenklad sökning" not in html
    assert "träffar för <strong>kallelse</strong>" in html
    assert "<mark>" in html
    assert 'href="/rutiner/norrbusmotet/#kallelse"' in html


def test_abbreviation_expands_from_the_glossary(seeded):
    outcome = search_site("SIP")
    assert ("sip", ["samordnad individuell plan", "samordnad plan"]) in outcome.expansions
    assert outcome.hits[0].url == "/rutiner/samordnad-individuell-plan/"


def test_an_expansion_does_not_repeat_what_was_typed(client, seeded):
    # "vem" is a stop word, so the synonym "vem betalar" is what the reader typed.
    assert search_site("vem betalar").expansions == [
        ("betalar", ["kostnadsansvar", "betalningsansvar"])
    ]
    html = client.get("/sok/", {"q": "vem betalar"}).content.decode()
    assert "Söker även på: kostnadsansvar, betalningsansvar" in " ".join(
        re.sub(r"<[^>]+>", "", html).split()
    )


def test_a_synonym_added_by_an_editor_counts_without_reindexing(seeded):
    assert search_site("kanelbulle").total == 0
    term = GlossaryTerm.objects.get(term="Norrbusmöte")
    GlossaryTerm.objects.filter(pk=term.pk).update(synonyms=term.synonyms + ", kanelbulle")
    outcome = search_site("kanelbulle")
    assert outcome.total > 0
    assert any(hit.url.startswith("/rutiner/norrbusmotet/") for hit in outcome.hits[:3])


def test_accent_free_spelling_finds_the_municipality(seeded):
    # The page or one of its contacts first (their order differs between SQLite and PostgreSQL).
    for query in ("Övertorneå", "overtornea"):
        assert search_site(query).hits[0].url.startswith("/vem-ringer-jag/overtornea/")


def test_typo_is_corrected_when_nothing_matches(client, seeded):
    # Not "norbus": the agreement's own text spells it so ("Norbussamverkan"), and finds it.
    outcome = search_site("norrbuz")
    assert outcome.corrected_from == "norrbuz"
    assert outcome.query == "norrbus"
    html = client.get("/sok/", {"q": "norrbuz"}).content.decode()
    assert "Inga träffar för <strong>norrbuz</strong>." in html
    assert "Visar träffar för <strong>norrbus</strong>" in html


def test_a_misspelt_word_among_others_is_corrected(seeded):
    outcome = search_site("habilitering kallelze")
    assert outcome.corrected_from == "habilitering kallelze"
    assert outcome.query == "habilitering kallelse"
    assert outcome.total > 0


def test_did_you_mean_is_offered_when_the_correction_alone_does_not_help(client, seeded):
    outcome = search_site("kallelze zzyzx")
    assert outcome.suggestion == "kallelse zzyzx"
    html = client.get("/sok/", {"q": "kallelze zzyzx"}).content.decode()
    assert 'Menade du <a href="?q=kallelse%20zzyzx">kallelse zzyzx</a>?' in html


def test_when_no_entry_has_every_word_some_words_are_enough(seeded):
    outcome = search_site("placering zzyzx")
    assert outcome.broadened
    assert outcome.total > 0


def test_facets_count_and_filter_by_type_actor_and_municipality(client, seeded):
    outcome = search_site("socialtjänst")
    facets = {facet.name: {o.value: o.count for o in facet.options} for facet in outcome.facets}
    assert facets["kind"]["contact"] > 0 and facets["kind"]["actor"] >= 1
    assert "kalix" in facets["municipality"] and facets["actor"]["socialtjanst"] > 0
    for_social = search_site("socialtjänst", filters=_filters(actor="socialtjanst"))
    assert 0 < for_social.total < outcome.total
    only_contacts = search_site("socialtjänst", filters=_filters(kind="contact"))
    assert {hit.kind for hit in only_contacts.hits} == {"contact"}
    in_kalix = search_site("socialtjänst", filters=_filters(municipality="kalix"))
    assert in_kalix.total < outcome.total
    assert all(hit.url.startswith("/vem-ringer-jag/") for hit in in_kalix.hits)
    html = client.get("/sok/", {"q": "socialtjänst", "typ": "contact"}).content.decode()
    assert 'aria-current="true"' in html
    # Each option's count is read out with its noun, singular for one.
    html = client.get("/sok/", {"q": "socialtjänst"}).content.decode()
    counts = [option.count for facet in outcome.facets for option in facet.options]
    assert counts
    for count in counts:
        noun = "träff" if count == 1 else "träffar"
        assert f'({count}<span class="visually-hidden"> {noun}</span>)' in html
    # An option that is no facet is ignored, not an error.
    assert client.get("/sok/", {"q": "sip", "typ": "<script>"}).status_code == 200


@pytest.mark.parametrize(
    "chosen",
    [{}, {"kind": "routine"}, {"kind": "contact"}, {"actor": "socialtjanst"}],
    ids=["none", "routine", "contact", "actor"],
)
def test_facet_counts_are_what_choosing_the_option_finds(seeded, chosen):
    assert_counts_are_what_choosing_finds("socialtjänst", _filters(**chosen))


def _filters(**chosen):
    from search.hits import Filters

    return Filters(**chosen)


def test_contacts_show_as_cards_with_tel_links(client, seeded):
    html = client.get("/sok/", {"q": "socialjour Kalix"}).content.decode()
    assert 'class="contact-compact"' in html
    assert 'href="tel:+46' in html


def test_pagination_keeps_query_and_filters(client, seeded):
    outcome = search_site("norrbus", page=2)
    assert outcome.page == 2 and outcome.num_pages > 2
    html = client.get("/sok/", {"q": "norrbus", "sida": 2}).content.decode()
    assert "Sida 2 av" in html and "q=norrbus&amp;sida=3" in html
    html = client.get("/sok/", {"q": "norrbus", "typ": "contact"}).content.decode()
    assert "q=norrbus&amp;typ=contact&amp;sida=2" in html
    assert client.get("/sok/", {"q": "norrbus", "sida": "x"}).status_code == 200


def test_promoted_results_come_first_under_rekommenderat(client, seeded):
    routine = RoutinePage.objects.get(slug="grona-kortet")
    SearchPromotion.objects.create(
        query=Query.get("checklista"), page=routine, description="Ha kortet till hands."
    )
    html = client.get("/sok/", {"q": "Checklista"}).content.decode()
    assert "Rekommenderat" in html
    assert html.index("Rekommenderat") < html.index('class="results"')
    assert "Ha kortet till hands." in html
    assert f'<li><a href="/rutiner/grona-kortet/">{routine.title}</a>' in html
    assert routine.title == "Portalens checklista för Norrbusmötet"


def test_a_promoted_external_link_goes_to_its_address(client, seeded):
    SearchPromotion.objects.create(
        query=Query.get("checklista"),
        external_link_url="https://www.norrbotten.se/norrbus",
        external_link_text="Norrbus hos regionen",
    )
    html = client.get("/sok/", {"q": "Checklista"}).content.decode()
    assert '<a href="https://www.norrbotten.se/norrbus">Norrbus hos regionen</a>' in html


@pytest.mark.parametrize(
    "query",
    ["", "   ", '"(*', "x" * 10_000, "AND OR NOT", "/.*/", "-", "NEAR(a b)", 'bup" OR "x', "a:b"],
)
def test_odd_queries_never_fail(client, seeded, query):
    response = client.get("/sok/", {"q": query})
    assert response.status_code == 200


def test_overlong_query_is_shortened_with_a_notice(client, seeded):
    html = client.get("/sok/", {"q": "norrbus " * 100}).content.decode()
    assert "kortades till 200 tecken" in html


def test_hyphenated_words_are_searched_whole(seeded):
    outcome = search_site("BUP-linjen")
    assert any("BUP-linjen" in hit.title for hit in outcome.hits[:3])


@pytest.mark.parametrize("number", IDENTITY_NUMBERS)
def test_identity_numbers_are_taken_out_not_stored_and_warned_about(client, seeded, number):
    response = client.get("/sok/", {"q": f"sip {number}"})
    assert response.status_code == 303
    assert number not in response["Location"]
    html = client.get(response["Location"]).content.decode()
    assert "innehöll ett personnummer eller samordningsnummer" in html
    assert "träffar för <strong>sip</strong>" in html
    assert number not in html
    assert not QueryStatistic.objects.exists()
    assert not Query.objects.filter(query_string__contains=number[-4:]).exists()


def test_phone_numbers_are_not_mistaken_for_identity_numbers(client, seeded):
    assert client.get("/sok/", {"q": "070-174 06 05"}).status_code == 200


def test_analytics_count_searches_and_zero_results_per_week(seeded):
    search_site("SIP")
    search_site("sip")
    search_site("zzzqqq")
    search_site("sip", page=2)  # paging is not a new search
    week = datetime.date.today() - datetime.timedelta(days=datetime.date.today().weekday())
    rows = QueryStatistic.objects.filter(week=week)
    stats = {row.query: (row.searches, row.zero_results) for row in rows}
    assert stats == {"sip": (2, 0), "zzzqqq": (1, 1)}


def test_analytics_report_lists_queries_for_those_allowed(client, seeded, django_user_model):
    search_site("zzzqqq")
    search_site("sip")
    admin = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(admin)
    html = client.get("/admin/sokstatistik/").content.decode()
    assert "Sökningar utan träffar" in html and "zzzqqq" in html and "sip" in html
    editor = django_user_model.objects.create_user("editor", "e@example.org", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get("/admin/sokstatistik/")
    assert response.status_code == 302 or response.status_code == 403
    group = Group.objects.create(name="Centralt stöd (test)")
    group.permissions.add(Permission.objects.get(codename="view_querystatistic"))
    editor.groups.add(group)
    assert client.get("/admin/sokstatistik/").status_code == 200


def test_analytics_report_shows_the_week_asked_for(admin_client, seeded):
    search_site("sip")
    QueryStatistic.objects.create(
        week=datetime.date(2020, 1, 6), query="gammal", searches=3, zero_results=2
    )
    latest = admin_client.get("/admin/sokstatistik/").content.decode()
    assert "sip" in latest and "gammal" not in latest
    old = admin_client.get("/admin/sokstatistik/", {"vecka": "2020-01-06"}).content.decode()
    assert "gammal" in old and "sip" not in old
    assert "Sökningar utan träffar vecka 2</h2>" in old
    # The month in full: Django's "M" would capitalise the abbreviation ("Jan").
    assert "Vecka 2 (6 januari 2020)</option>" in old
    unknown = admin_client.get("/admin/sokstatistik/", {"vecka": "2019-01-07"}).content.decode()
    assert "sip" in unknown and "gammal" not in unknown


def test_analytics_report_without_searches(admin_client):
    html = admin_client.get("/admin/sokstatistik/").content.decode()
    assert "Ingen har sökt ännu." in html and "Sökningar utan träffar" not in html


def test_purge_removes_old_analytics(seeded):
    old_week = datetime.date(2020, 1, 6)
    QueryStatistic.objects.create(week=old_week, query="gammal", searches=3)
    search_site("sip")
    call_command("purge_search_analytics", "--days", "30")
    assert list(QueryStatistic.objects.values_list("query", flat=True)) == ["sip"]


def test_autocomplete_returns_titles_as_json(client, seeded):
    data = json.loads(client.get("/sok/forslag/", {"q": "gröna"}).content)
    titles = [suggestion["title"] for suggestion in data["suggestions"]]
    assert "Gröna kortet" in titles
    assert {"title", "url", "kind", "kind_label"} <= set(data["suggestions"][0])
    assert json.loads(client.get("/sok/forslag/", {"q": "198507099805"}).content) == {
        "suggestions": []
    }
    assert json.loads(client.get("/sok/forslag/", {"q": "("}).content) == {"suggestions": []}


def test_suggestions_match_any_title_word_and_titles_starting_so_first(seeded):
    assert "Gröna kortet" in [suggestion["title"] for suggestion in autocomplete("kort")]
    assert autocomplete("samordnad ind")[0]["title"].startswith("Samordnad individuell plan")
    assert autocomplete("-") == []


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="Wagtail's PostgreSQL autocomplete does not fold å, ä, ö (see README)",
)
def test_suggestions_match_accent_free_spelling_on_sqlite(seeded):
    assert autocomplete("overt")[0]["title"] == "Övertorneå"


def test_unpublished_pages_are_not_found(seeded, django_capture_on_commit_callbacks):
    routine = RoutinePage.objects.get(slug="grona-kortet")
    before = search_site("gröna kortet").hits
    assert any(hit.url.startswith("/rutiner/grona-kortet/") for hit in before)
    with django_capture_on_commit_callbacks(execute=True):
        routine.unpublish()
    hits = search_site("gröna kortet").hits
    assert not any(hit.url.startswith("/rutiner/grona-kortet/") for hit in hits)
    assert Page.objects.get(pk=routine.pk).live is False


def test_a_result_does_not_repeat_its_kind_as_its_context(client, seeded):
    html = client.get("/sok/?q=avvikelsehantering").content.decode()
    kinds = [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", line)).strip()
        for line in re.findall(r'<p class="result__kind">(.*?)</p>', html, re.S)
    ]
    assert kinds and "Rutin · 4 steg" in kinds
    assert not any(kind.split(" · ")[0] == kind.split(" · ")[-1] for kind in kinds if " · " in kind)
    glossary = client.get("/sok/?q=orosanmälan").content.decode()
    assert '<p class="result__kind">Begrepp</p>' in glossary
    assert "Begrepp · " not in glossary
