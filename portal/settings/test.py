import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The test runner sends mail straight to django.core.mail.outbox; a test that sets
# EMAIL_BACKEND to the queue (as in production) has it delivered there by send_queued_mail.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
POST_OFFICE = {
    **POST_OFFICE,  # noqa: F405
    "BACKENDS": {"default": "django.core.mail.backends.locmem.EmailBackend"},
}
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
LOGGING = {"version": 1, "disable_existing_loggers": False}

# Tests that use Elasticsearch point ELASTICSEARCH_URL at osmem-server (tests/osmem.py).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_NODE_CLASS = "tests.osmem.PlainJSONNode"
SEARCH_INDEX_PREFIX = "norrbus-test"

# Pages are rendered afresh in tests; tests/performance/ turn the page cache on.
PAGE_CACHE_SECONDS = 0
