"""/halsa/: the database decides 200 or 503; a registered check can report a degraded state."""

import pytest

from portal import health

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered_check():
    """Register a check under "prov" for one test; what the check answers is set per test."""
    answer = {"value": "ok"}
    health.register("prov", lambda: answer["value"])
    yield answer
    del health._CHECKS["prov"]


def test_a_degraded_check_is_reported_with_its_reason_and_still_answers_200(
    client, registered_check
):
    registered_check["value"] = health.Degraded("kön är full")
    response = client.get("/halsa/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraderad"
    assert body["databas"] == "ok"
    assert body["prov"] == "degraderad"
    assert body["prov_orsak"] == "kön är full"


def test_a_degraded_check_may_name_its_own_word(client, registered_check):
    registered_check["value"] = health.Degraded("svarar inte", word="fel")
    body = client.get("/halsa/").json()
    assert (body["status"], body["prov"], body["prov_orsak"]) == (
        "degraderad",
        "fel",
        "svarar inte",
    )


def test_checks_that_answer_ok_leave_the_status_ok(client, registered_check):
    body = client.get("/halsa/").json()
    assert body["status"] == "ok" and body["prov"] == "ok"
    assert "prov_orsak" not in body


def test_an_unreachable_cluster_is_reported_as_degraded(client, settings, closed_port_url):
    settings.ELASTICSEARCH_URL = closed_port_url
    response = client.get("/halsa/")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraderad",
        "databas": "ok",
        "elasticsearch": "fel",
        "elasticsearch_orsak": "svarar inte",
    }
