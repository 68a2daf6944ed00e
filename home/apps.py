from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Startsida"

    def ready(self):
        from . import invalidation

        invalidation.connect()
