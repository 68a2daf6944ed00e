from django.core.management.base import BaseCommand, CommandError

from search.analytics import purge_expired


class Command(BaseCommand):
    help = "Tar bort sökstatistik äldre än ett antal dagar (SEARCH_ANALYTICS_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Spara så här många dagar.")

    def handle(self, *args, days=None, **options):
        if days is not None and days < 0:
            raise CommandError("Antalet dagar kan inte vara negativt.")
        self.stdout.write(purge_expired(days))
