from django.apps import AppConfig


class GuidanceConfig(AppConfig):
    name = "guidance"

    def ready(self):
        from wagtail.signals import page_published

        from .models.changes import record_change

        page_published.connect(record_change, dispatch_uid="guidance.record_change")
