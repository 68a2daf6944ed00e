import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    call_command("seed_demo")


def test_search_finds_a_routine(client, seeded):
    html = client.get("/sok/", {"q": "Gröna kortet"}).content.decode()
    assert 'href="/rutiner/grona-kortet/"' in html


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


def test_hyphenated_words_are_searched_whole(client, seeded):
    html = client.get("/sok/", {"q": "BUP-linjen"}).content.decode()
    assert 'href="/aktorer/specialistvard/"' in html
