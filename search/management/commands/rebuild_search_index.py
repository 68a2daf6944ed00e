"""Rebuild search from the content: the entries table, Wagtail's database index, and — when
ELASTICSEARCH_URL is set — a new Elasticsearch index that replaces the old one atomically."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.search.backends import get_search_backend

from search import elastic, vocabulary
from search.entries import all_sources, entries_for_source
from search.indexing import rebuild_elasticsearch, to_model
from search.models import SearchEntry

CHUNK = 1000


class Command(BaseCommand):
    help = "Bygger om sökindexet från innehållet (databas och, om den finns, Elasticsearch)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-progress", action="store_true", help="Skriv inte ut någon förloppsindikator."
        )

    def progress(self, label: str):
        width = 30
        shown = {"filled": -1}

        def report(done: int, total: int) -> None:
            filled = width * done // total if total else width
            if self.quiet or (filled == shown["filled"] and done != total):
                return
            shown["filled"] = filled
            bar = "#" * filled + "." * (width - filled)
            end = "\n" if done == total else ""
            sys.stderr.write(f"\r{label} [{bar}] {done}/{total}{end}")
            sys.stderr.flush()

        return report

    def say(self, message: str) -> None:
        if self.verbosity:
            self.stdout.write(message)

    def handle(self, *args, no_progress=False, verbosity=1, **options):
        self.verbosity = verbosity
        self.quiet = no_progress or verbosity == 0
        sources = all_sources()
        report = self.progress("Läser innehåll")
        entries = []
        for number, source in enumerate(sources, start=1):
            entries += [to_model(entry) for entry in entries_for_source(source)]
            report(number, len(sources))
        with transaction.atomic():
            SearchEntry.objects.all()._raw_delete(SearchEntry.objects.db)
            created = SearchEntry.objects.bulk_create(entries, batch_size=CHUNK)
            index = get_search_backend().get_index_for_model(SearchEntry)
            report = self.progress("Databasindex")
            for start in range(0, len(created), CHUNK):
                index.add_items(SearchEntry, created[start : start + CHUNK])
                report(min(start + CHUNK, len(created)), len(created))
            index.delete_stale_model_entries(SearchEntry)
        vocabulary.forget()
        self.say(f"Databasen: {len(created)} sökposter.")

        if not elastic.configured():
            return
        try:
            name = rebuild_elasticsearch(self.progress("Elasticsearch"))
        except elastic.SearchUnavailable as error:
            raise CommandError(
                f"Elasticsearch-indexet byggdes inte om: {error}. Det gamla indexet används "
                "fortfarande."
            ) from error
        self.say(f"Elasticsearch: {len(created)} sökposter i {name}, aliaset flyttat.")
