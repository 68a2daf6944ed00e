from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Site-wide infrastructure every app builds on: the page cache and its invalidation,
    navigation, health, retention, security and the personnummer guard."""

    name = "portal"
    verbose_name = "Portalen"

    def ready(self):
        from . import invalidation, privacy_guards

        invalidation.connect()
        privacy_guards.connect()
