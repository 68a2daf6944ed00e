from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.analytics import purge


class Command(BaseCommand):
    help = "Tar bort sökstatistik äldre än ett antal dagar (SEARCH_ANALYTICS_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Spara så här många dagar.")

    def handle(self, *args, days=None, **options):
        days = settings.SEARCH_ANALYTICS_RETENTION_DAYS if days is None else days
        if days < 0:
            raise CommandError("Antalet dagar kan inte vara negativt.")
        removed = purge(days)
        self.stdout.write(f"{removed} rad(er) sökstatistik äldre än {days} dagar borttagna.")
