"""The suite runs against a real Redis server (scripts/with-redis.sh, as `make test` does):
what one gunicorn worker puts in the cache, another sees, so a publish clears a page for all
of them and a rate limit counts across them. Under CI, no Redis fails the run."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from django.test import RequestFactory

from portal import ratelimit

REDIS = "django.core.cache.backends.redis.RedisCache"


@pytest.fixture
def other_worker():
    """The cache as a second worker process opens it: its own client, the same server."""
    required = os.environ.get("CI") == "true" or os.environ.get("REQUIRE_REDIS") == "true"
    backend = settings.CACHES["default"]["BACKEND"]
    if backend != REDIS and not required:
        pytest.skip("No Redis server: run the tests through scripts/with-redis.sh.")
    assert backend == REDIS, f"CACHE_URL must point at Redis here, not {backend}"
    worker = RedisCache(settings.CACHES["default"]["LOCATION"], {})
    yield worker
    worker.close()


def test_what_one_worker_caches_the_other_sees_and_clears(other_worker):
    cache.set("page:/rutiner/norrbusmotet/", "<html>", 60)
    assert other_worker.get("page:/rutiner/norrbusmotet/") == "<html>"
    other_worker.delete("page:/rutiner/norrbusmotet/")
    assert cache.get("page:/rutiner/norrbusmotet/") is None


def test_a_rate_limit_counts_across_workers(other_worker, monkeypatch):
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.7")
    assert ratelimit.allow(request, "test", 2, 60)
    assert ratelimit.allow(request, "test", 2, 60)
    monkeypatch.setattr(ratelimit, "cache", other_worker)
    assert not ratelimit.allow(request, "test", 2, 60)
