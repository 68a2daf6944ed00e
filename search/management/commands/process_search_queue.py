"""Send Elasticsearch what it missed; rebuild its index in full when it lacks one or it does
not hold every entry (a cluster that came back empty, say). Run it every minute."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search import elastic
from search.indexing import rebuild_elasticsearch, send_to_elasticsearch
from search.models import PendingIndexUpdate


class Command(BaseCommand):
    help = (
        "Skickar ändringar som Elasticsearch inte tog emot till den igen och bygger om "
        "indexet om det saknas eller är ofullständigt (kör t.ex. varje minut)."
    )

    def handle(self, *args, **options):
        if not elastic.configured():
            self.stdout.write("Elasticsearch är inte konfigurerad; inget att skicka.")
            return
        waiting = PendingIndexUpdate.objects.count()
        # The queue may wait for the cluster longer than an editor's publish does.
        timeout = settings.ELASTICSEARCH_QUEUE_TIMEOUT
        try:
            problem = elastic.index_problem(timeout)
            if not problem and waiting:
                if not send_to_elasticsearch([], timeout):
                    raise CommandError(
                        f"Elasticsearch svarar inte; {waiting} ändring(ar) väntar kvar "
                        "och skickas nästa gång."
                    )
                self.stdout.write(f"{waiting} ändring(ar) skickade till Elasticsearch.")
                problem = elastic.index_problem(timeout)
            if not problem:
                if not waiting:
                    self.stdout.write("Inget att skicka; indexet är komplett.")
                return
            self.stdout.write(f"Elasticsearch-indexet byggs om i sin helhet: {problem}.")
            name = rebuild_elasticsearch(lambda done, total: None)
        except elastic.SearchUnavailable as error:
            raise CommandError(
                f"Elasticsearch svarar inte ({error}); {waiting} ändring(ar) väntar kvar och "
                "skickas nästa gång. Sökningen använder databasen så länge."
            ) from error
        self.stdout.write(f"Elasticsearch-indexet byggt om: {name}.")
