from django.core.management.base import BaseCommand

from portal import retention


class Command(BaseCommand):
    help = (
        "Tar bort återkoppling, avvikelserapporter och sökstatistik som är äldre än "
        "inställningarna FEEDBACK_RETENTION_DAYS, DEVIATION_REPORT_RETENTION_DAYS och "
        "SEARCH_ANALYTICS_RETENTION_DAYS. Körs dagligen."
    )

    def handle(self, *args, **options):
        for line in retention.purge_all():
            self.stdout.write(line)
