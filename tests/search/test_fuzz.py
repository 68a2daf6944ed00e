"""Whatever is typed into the search box, the answer is a page, never a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

SYNTAX = [
    "AND",
    "OR",
    "NOT",
    "*",
    "/.*/",
    '"',
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "~2",
    "^3",
    ":",
    "\\",
    "-",
    "+",
    "&&",
    "||",
    "!",
    "?",
    "<script>",
    "%",
    "\x00",
    "å",
    "ä",
    "ö",
    "sip",
    "bup",
]
QUERIES = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(SYNTAX) | st.text(max_size=8), max_size=30).map(" ".join),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=190, max_size=400),
)
FUZZ = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(query=QUERIES, page=st.one_of(st.none(), st.text(max_size=6), st.integers()))
def test_search_page_never_fails(client, seeded, query, page):
    params = {"q": query} if page is None else {"q": query, "sida": page}
    response = client.get("/sok/", params, follow=True)
    assert response.status_code == 200


@FUZZ
@given(query=QUERIES)
def test_suggestions_never_fail(client, seeded, query):
    response = client.get("/sok/forslag/", {"q": query})
    assert response.status_code == 200
    assert "suggestions" in response.json()


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(query=QUERIES)
def test_elasticsearch_path_never_fails(client, seeded_elasticsearch, query):
    response = client.get("/sok/", {"q": query}, follow=True)
    assert response.status_code == 200
    assert "Förenklad sökning" not in response.content.decode() or not query.strip()
