from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Startsida"

    def ready(self):
        from portal import invalidation

        from .models import PublisherSettings

        # The publisher shows in the header and footer of every page.
        invalidation.register_site_wide(PublisherSettings)
