"""Behind the reverse proxy the rate limits and the login lockout count each reader's own
address (TRUSTED_PROXY_COUNT), not the proxy's, and a client cannot pick its own."""

import pytest
from django.test import RequestFactory

from guidance.feedback.models import Feedback
from guidance.models import RoutinePage
from portal import ratelimit
from portal.clientip import client_address

pytestmark = pytest.mark.django_db
PROXY = "10.0.0.5"


def through_nginx(client_ip: str, claimed: str = "") -> dict:
    """What gunicorn sees behind one nginx with `proxy_add_x_forwarded_for`."""
    forwarded = f"{claimed}, {client_ip}" if claimed else client_ip
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded}


def test_the_client_address_is_the_one_the_trusted_proxy_saw(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", **through_nginx("192.0.2.7", claimed="198.51.100.1"))
    assert client_address(request) == "192.0.2.7"
    settings.TRUSTED_PROXY_COUNT = 2  # a load balancer in front of nginx
    assert client_address(request) == "198.51.100.1"


def test_without_trusted_proxies_forwarded_headers_are_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = RequestFactory().get("/", **through_nginx("192.0.2.7"))
    assert client_address(request) == PROXY


def test_a_request_that_missed_a_proxy_counts_as_the_connection(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = RequestFactory().get("/", **through_nginx("192.0.2.7"))
    assert client_address(request) == PROXY


def test_readers_behind_the_proxy_have_limits_of_their_own(client, settings, governance_site):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.FEEDBACK_RATE_LIMIT = 2
    page = RoutinePage.objects.get(slug="norrbusmotet")
    url = f"/aterkoppling/{page.pk}/"
    for _ in range(2):
        assert client.post(url, {"helpful": "ja"}, **through_nginx("192.0.2.7")).status_code == 302
    assert client.post(url, {"helpful": "ja"}, **through_nginx("192.0.2.7")).status_code == 429
    # A new claimed address on the left changes nothing for the same reader ...
    spoofed = through_nginx("192.0.2.7", claimed="203.0.113.9")
    assert client.post(url, {"helpful": "ja"}, **spoofed).status_code == 429
    # ... and another reader behind the same proxy is not limited by the first.
    assert client.post(url, {"helpful": "ja"}, **through_nginx("192.0.2.8")).status_code == 302
    assert Feedback.objects.count() == 3


def test_the_rate_limit_counts_per_client_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    first = RequestFactory().post("/", **through_nginx("192.0.2.7"))
    second = RequestFactory().post("/", **through_nginx("192.0.2.8"))
    assert ratelimit.allow(first, "test", 1, 60)
    assert not ratelimit.allow(first, "test", 1, 60)
    assert ratelimit.allow(second, "test", 1, 60)


def test_failed_sign_ins_lock_the_user_only_from_that_address(client, django_user_model, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.AXES_FAILURE_LIMIT = 3
    django_user_model.objects.create_user("larare", "l@example.org", "ratt-losenord-1")
    attacker, owner = through_nginx("203.0.113.9"), through_nginx("192.0.2.7")
    for _ in range(3):
        client.post("/konto/logga-in/", {"username": "larare", "password": "fel"}, **attacker)
    right = {"username": "larare", "password": "ratt-losenord-1"}
    locked = client.post("/konto/logga-in/", right, **attacker)
    assert locked.status_code == 429
    assert "För många inloggningsförsök" in locked.content.decode()
    # The owner, behind the same proxy, still signs in.
    assert client.post("/konto/logga-in/", right, **owner).status_code == 302
