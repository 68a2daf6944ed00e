from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    """What readers tell the editors: "Hjälpte sidan dig?" and deviation reports."""

    name = "guidance.feedback"
    label = "feedback"
    verbose_name = "Återkoppling"

    def ready(self):
        from portal import retention

        from .models import purge_expired

        retention.register(purge_expired)
