from django.core.management.base import BaseCommand, CommandError

from search import elastic
from search.indexing import send_to_elasticsearch
from search.models import PendingIndexUpdate


class Command(BaseCommand):
    help = (
        "Skickar ändringar som Elasticsearch inte tog emot till den igen (kör t.ex. varje minut)."
    )

    def handle(self, *args, **options):
        waiting = PendingIndexUpdate.objects.count()
        if not waiting or not elastic.configured():
            self.stdout.write("Inget att skicka.")
            return
        if not send_to_elasticsearch([]):
            raise CommandError(
                f"Elasticsearch svarar inte; {waiting} ändring(ar) väntar kvar "
                "och skickas nästa gång."
            )
        self.stdout.write(f"{waiting} ändring(ar) skickade till Elasticsearch.")
