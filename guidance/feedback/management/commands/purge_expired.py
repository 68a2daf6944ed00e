import datetime

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from guidance.feedback.models import DeviationReport, Feedback


class Command(BaseCommand):
    help = (
        "Tar bort återkoppling, avvikelserapporter och sökstatistik som är äldre än "
        "inställningarna FEEDBACK_RETENTION_DAYS, DEVIATION_REPORT_RETENTION_DAYS och "
        "SEARCH_ANALYTICS_RETENTION_DAYS. Körs dagligen."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        for model, days, label in (
            (Feedback, settings.FEEDBACK_RETENTION_DAYS, "återkoppling"),
            (DeviationReport, settings.DEVIATION_REPORT_RETENTION_DAYS, "avvikelserapporter"),
        ):
            cutoff = now - datetime.timedelta(days=days)
            removed, _ = model.objects.filter(created_at__lt=cutoff).delete()
            self.stdout.write(f"{removed} {label} äldre än {days} dagar borttagna.")
        call_command("purge_search_analytics", stdout=self.stdout)
