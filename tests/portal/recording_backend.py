"""A front-end cache backend for tests: records what Wagtail would purge in a CDN."""

from wagtail.contrib.frontend_cache.backends import BaseBackend

PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)
