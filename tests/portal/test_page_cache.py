"""The anonymous page cache: served to readers who are not signed in, never to anyone else,
and invalidated by exactly the changes that touch a page."""

import datetime
from unittest import mock

import pytest
from django.core.cache import cache

from directory.models import Contact, MunicipalityPage
from guidance.models import GlossaryTerm, RoutinePage
from portal import pagecache
from tests.factories import publish

from . import recording_backend

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings, seeded):
    settings.PAGE_CACHE_SECONDS = 3600
    cache.clear()
    recording_backend.PURGED.clear()


def state(client, path, **kwargs):
    response = client.get(path, **kwargs)
    return response.status_code, response.get("X-Page-Cache"), response.content.decode()


def test_the_second_anonymous_request_is_served_from_the_cache(client, cached):
    status, first, html = state(client, "/rutiner/norrbusmotet/")
    assert (status, first) == (200, "miss")
    status, second, again = state(client, "/rutiner/norrbusmotet/")
    assert (status, second) == (200, "hit")
    assert again == html


def test_a_signed_in_user_never_gets_or_leaves_a_cached_page(client, cached, django_user_model):
    user = django_user_model.objects.create_user("larare", "l@example.org", "pw")
    client.force_login(user)
    _, marker, html = state(client, "/rutiner/norrbusmotet/")
    assert marker is None and "Logga ut" in html
    client.logout()
    _, marker, html = state(client, "/rutiner/norrbusmotet/")
    assert marker == "miss" and "Logga ut" not in html


def test_a_page_with_a_form_token_is_not_shared(client, cached):
    path = "/utbildning/varfor-norrbus/vem-norrbus-galler/"  # a lesson with a check
    for _ in range(2):
        status, marker, html = state(client, path)
        assert status == 200 and "csrfmiddlewaretoken" in html
        assert marker is None


def test_a_reader_with_a_pending_message_gets_a_fresh_page(client, cached):
    routine = RoutinePage.objects.get(slug="norrbusmotet")
    state(client, routine.url)
    response = client.post(f"/aterkoppling/{routine.pk}/", {"helpful": "ja"}, follow=True)
    assert "Tack! Ditt svar hjälper oss" in response.content.decode()
    assert response.get("X-Page-Cache") is None


def test_the_remembered_municipality_is_part_of_the_key(client, cached):
    client.cookies["norrbus_kommun"] = "kalix"
    _, _, kalix = state(client, "/rutiner/norrbusmotet/")
    client.cookies["norrbus_kommun"] = "pajala"
    _, marker, pajala = state(client, "/rutiner/norrbusmotet/")
    assert marker == "miss"
    assert "Kalix" in kalix and "Pajala" in pajala


def test_publishing_shows_the_change_at_once_and_keeps_unrelated_pages(client, cached):
    routine = RoutinePage.objects.get(slug="norrbusmotet")
    for path in (routine.url, "/rutiner/", "/begrepp/", "/aktorer/skola/"):
        state(client, path)
    routine.summary = "En helt ny sammanfattning av mötet."
    publish(routine)
    _, marker, html = state(client, routine.url)
    assert marker == "miss" and "En helt ny sammanfattning av mötet." in html
    assert "En helt ny sammanfattning" in state(client, "/rutiner/")[2]  # the parent's list
    assert state(client, "/begrepp/")[1] == "hit"  # unrelated: kept


def test_a_page_that_refers_to_the_published_one_is_refreshed(client, cached):
    from guidance.models import ContentPage

    routine = RoutinePage.objects.get(slug="avvikelsehantering")
    referrer = ContentPage.objects.get(slug="om-norrbus")
    link = f'<p>Läs <a linktype="page" id="{routine.pk}">rutinen</a>.</p>'
    referrer.body = [{"type": "paragraph", "value": link}]
    publish(referrer)
    state(client, referrer.url)
    assert state(client, referrer.url)[1] == "hit"
    routine.summary = "Ny sammanfattning."
    publish(routine)
    assert state(client, referrer.url)[1] == "miss"


def test_a_title_change_reaches_every_page(client, cached):
    routine = RoutinePage.objects.get(slug="norrbusmotet")
    state(client, "/begrepp/")
    routine.title = "Norrbusmötet steg för steg"
    publish(routine)
    assert state(client, "/begrepp/")[1] == "miss"
    assert "Norrbusmötet steg för steg" in state(client, "/rutiner/")[2]


def test_unpublishing_removes_the_page_and_the_links_to_it(client, cached):
    routine = RoutinePage.objects.get(slug="grona-kortet")
    state(client, routine.url)
    state(client, "/rutiner/")
    routine.unpublish()
    assert client.get(routine.url).status_code == 404
    assert routine.url not in state(client, "/rutiner/")[2]


def test_moving_and_deleting_invalidate_everything(client, cached):
    routine = RoutinePage.objects.get(slug="grona-kortet")
    state(client, "/begrepp/")
    routine.delete()
    assert state(client, "/begrepp/")[1] == "miss"


def test_a_municipality_contact_edit_shows_on_its_page_and_beside_routine_steps(client, cached):
    kalix = MunicipalityPage.objects.get(slug="kalix")
    client.cookies["norrbus_kommun"] = "kalix"
    for path in (kalix.url, "/rutiner/norrbusmotet/", "/vem-ringer-jag/"):
        state(client, path)
    draft = kalix.get_latest_revision_as_object()
    contact = Contact(name="Nya elevhälsan i Kalix", actor="skola", phone="070-174 06 50")
    draft.contacts = [*kalix.contacts.all(), contact]
    publish(draft)
    assert "Nya elevhälsan i Kalix" in state(client, kalix.url)[2]
    assert state(client, "/rutiner/norrbusmotet/")[1] == "miss"
    assert state(client, "/vem-ringer-jag/")[1] == "miss"


def test_a_glossary_edit_refreshes_the_glossary(client, cached):
    state(client, "/begrepp/")
    GlossaryTerm.objects.create(term="Samverkansavtal", definition="Ett avtal om samverkan.")
    _, marker, html = state(client, "/begrepp/")
    assert marker == "miss" and "Samverkansavtal" in html


def test_entries_expire_at_midnight_at_the_latest(settings):
    settings.PAGE_CACHE_SECONDS = 3600
    late = datetime.datetime(2026, 11, 24, 23, 50, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.localtime", return_value=late):
        assert pagecache._seconds_to_live() == 600


def test_a_cdn_in_front_is_told_what_to_purge(client, cached, settings):
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "tests.portal.recording_backend.RecordingBackend"}
    }
    settings.WAGTAILADMIN_BASE_URL = "https://norrbus.example.se"
    routine = RoutinePage.objects.get(slug="norrbusmotet")
    routine.summary = "Ändrad."
    publish(routine)
    purged = set(recording_backend.PURGED)
    assert "https://norrbus.example.se/rutiner/norrbusmotet/" in purged
    assert "https://norrbus.example.se/rutiner/" in purged
    assert "https://norrbus.example.se/begrepp/" not in purged


def test_a_municipality_page_that_remembers_the_municipality_is_still_shared(client, cached):
    from django.test import Client

    first = client.get("/vem-ringer-jag/kalix/")
    assert first["X-Page-Cache"] == "miss" and first.cookies["norrbus_kommun"].value == "kalix"
    other_reader = Client().get("/vem-ringer-jag/kalix/")
    assert other_reader["X-Page-Cache"] == "hit"
    assert other_reader.cookies["norrbus_kommun"].value == "kalix"


def test_a_session_cookie_is_never_shared(client, cached, rf):
    from django.http import HttpResponse

    response = HttpResponse("<p>x</p>", content_type="text/html")
    assert pagecache._cacheable_response(response)  # without the cookie it would be shared
    response.set_cookie("sessionid", "abc")
    assert not pagecache._cacheable_response(response)


def test_a_reader_who_already_has_a_csrf_cookie_does_not_get_a_token_page_shared(client, cached):
    path = "/utbildning/varfor-norrbus/vem-norrbus-galler/"  # a lesson with a check
    client.get(path)  # sets the csrftoken cookie
    assert "csrftoken" in client.cookies
    response = client.get(path)
    assert response.status_code == 200 and "csrfmiddlewaretoken" in response.content.decode()
    assert response.get("X-Page-Cache") is None  # the token is renewed: a cookie is set
