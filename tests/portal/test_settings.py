"""Production settings refuse what would break the site quietly, and gunicorn's entry point
starts the production settings unless told otherwise."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

SETTINGS = (
    "from django.conf import settings; print(settings.CACHES['default']['BACKEND']); "
    "print(settings.EMAIL_BACKEND, settings.POST_OFFICE['BACKENDS']['default'])"
)


def production(cache_url: str | None) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("CACHE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="a-long-random-production-like-secret-" + "k" * 40,
        DATABASE_URL="sqlite:///:memory:",
    )
    if cache_url is not None:
        env["CACHE_URL"] = cache_url
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {SETTINGS}"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("cache_url", [None, "", "locmem://", "memcached://cache:11211"])
def test_production_refuses_to_start_without_a_shared_cache(cache_url):
    result = production(cache_url)
    assert result.returncode != 0
    assert "ImproperlyConfigured: CACHE_URL must name a shared cache" in result.stderr


@pytest.mark.parametrize(
    "cache_url, backend",
    [
        ("redis://127.0.0.1:6379/0", "django.core.cache.backends.redis.RedisCache"),
        ("file:///tmp/norrbus-cache", "portal.filecache.FileBasedCache"),
    ],
)
def test_production_starts_with_redis_or_a_cache_directory(cache_url, backend):
    result = production(cache_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == backend


def test_production_queues_mail_and_delivers_it_by_smtp():
    result = production("redis://127.0.0.1:6379/0")
    assert result.returncode == 0, result.stderr
    queue, delivery = result.stdout.splitlines()[1].split()
    assert (queue, delivery) == (
        "post_office.EmailBackend",
        "django.core.mail.backends.smtp.EmailBackend",
    )


def test_gunicorns_entry_point_defaults_to_the_production_settings():
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env.update(
        SECRET_KEY="a-long-random-production-like-secret-" + "k" * 40,
        DATABASE_URL="sqlite:///:memory:",
        CACHE_URL="file:///tmp/norrbus-cache",
    )
    code = (
        "import portal.wsgi, os; from django.conf import settings; "
        "print(os.environ['DJANGO_SETTINGS_MODULE'], settings.DEBUG)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "portal.settings.production False"
