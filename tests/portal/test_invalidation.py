"""What each app registers with the page cache's invalidation: a published agreement version
or lesson refreshes its whole section, a county part's contacts every page that shows them."""

import pytest
from django.core.cache import cache

from directory.models import Contact, CountyPart
from guidance.models import AgreementVersionPage
from guidance.training.models import LessonPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings, seeded):
    settings.PAGE_CACHE_SECONDS = 3600
    cache.clear()


def marker(client, path) -> str | None:
    response = client.get(path)
    assert response.status_code == 200
    return response.get("X-Page-Cache")


def warm(client, *paths) -> None:
    for path in paths:
        marker(client, path)
        assert marker(client, path) == "hit"


def test_a_published_agreement_version_refreshes_every_agreement_page(client, cached):
    version = AgreementVersionPage.objects.get(slug="2013")
    paths = ("/overenskommelsen/", "/overenskommelsen/2025/", "/aktorer/skola/", "/vem-ringer-jag/")
    warm(client, *paths)
    version.save_revision().publish()
    assert marker(client, "/overenskommelsen/") == "miss"
    assert marker(client, "/overenskommelsen/2025/") == "miss"  # a sibling, not the parent
    # Its sources name the version in force and its sections ("Källa: Överenskommelsen …").
    assert marker(client, "/aktorer/skola/") == "miss"
    assert marker(client, "/vem-ringer-jag/") == "hit"


def test_a_published_lesson_refreshes_the_training_section_only(client, cached):
    lesson = LessonPage.objects.get(slug="vad-ar-norrbus")
    paths = ("/utbildning/", "/utbildning/introduktion-till-norrbus/", "/rutiner/norrbusmotet/")
    warm(client, *paths)
    lesson.save_revision().publish()
    assert marker(client, "/utbildning/") == "miss"
    assert marker(client, "/utbildning/introduktion-till-norrbus/") == "miss"
    assert marker(client, "/rutiner/norrbusmotet/") == "hit"


def test_a_county_part_edit_refreshes_the_directory_and_the_routines(client, cached):
    client.cookies["norrbus_kommun"] = "kalix"
    paths = ("/vem-ringer-jag/", "/vem-ringer-jag/kalix/", "/rutiner/norrbusmotet/", "/begrepp/")
    warm(client, *paths)
    part = CountyPart.objects.get(slug="ostra-norrbotten")
    part.contacts = [
        *part.contacts.all(),
        Contact(name="Ny gemensam mottagning", actor="socialtjanst", phone="070-174 06 98"),
    ]
    part.save()
    assert marker(client, "/vem-ringer-jag/") == "miss"
    response = client.get("/vem-ringer-jag/kalix/")
    assert response.get("X-Page-Cache") == "miss"
    assert "Ny gemensam mottagning" in response.content.decode()
    assert marker(client, "/rutiner/norrbusmotet/") == "miss"
    assert marker(client, "/begrepp/") == "hit"
