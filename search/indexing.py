"""Keeping the search entries, and Elasticsearch's copy of them, in step with the content.

The entries table is written first, in the database, and is always right. Elasticsearch is
then told, waiting at most ELASTICSEARCH_INDEX_TIMEOUT per request; if it cannot be reached,
is too slow, or has no index, the source is queued (PendingIndexUpdate) and sent again by the
next change or by `manage.py process_search_queue` — publishing never fails or waits for it.
Nothing is written into a missing index: the queue rebuilds it in full instead.
"""

import logging
import threading
from collections.abc import Callable
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction

from . import elastic
from .analysis import analysed_text
from .entries import EntryData, entries_for_source
from .models import PendingIndexUpdate, SearchEntry

logger = logging.getLogger(__name__)
_local = threading.local()
REBUILD_CHUNK = 1000


def to_model(entry: EntryData) -> SearchEntry:
    return SearchEntry(
        key=entry.key,
        source=entry.source,
        kind=entry.kind,
        title=entry.title[:255],
        context=entry.context[:255],
        body=entry.body,
        analysed=analysed_text(f"{entry.title} {entry.context} {entry.body}"),
        url=entry.url[:500],
        actors=entry.actors,
        municipalities=entry.municipalities,
        contact_id=entry.contact_id,
        weight=entry.weight,
    )


@transaction.atomic
def write_source(source: str) -> None:
    """Replace the source's rows; Wagtail's signal handlers update the database index."""
    for old in SearchEntry.objects.filter(source=source):
        old.delete()
    for entry in entries_for_source(source):
        # A contact may move between owners in one edit; its key follows it.
        SearchEntry.objects.filter(key=entry.key).delete()
        to_model(entry).save()


def reindex(*sources: str) -> None:
    """Bring these sources up to date everywhere. Call after the change is committed."""
    unique = list(dict.fromkeys(sources))
    for source in unique:
        write_source(source)
    if elastic.configured():
        send_to_elasticsearch(unique, settings.ELASTICSEARCH_INDEX_TIMEOUT)


def send_to_elasticsearch(sources: list[str], timeout: float) -> bool:
    """Send the sources (and anything queued before) to Elasticsearch; queue what fails.

    A cluster that failed in the last ELASTICSEARCH_RETRY_AFTER seconds is not tried again:
    the sources are queued at once."""
    waiting = list(PendingIndexUpdate.objects.values_list("source", flat=True))
    pending = list(dict.fromkeys([*waiting, *sources]))
    if not elastic.available():
        queue(pending, "Elasticsearch svarade inte nyss; försöker igen senare")
        return False
    try:
        for source in pending:
            elastic.sync_source(source, SearchEntry.objects.filter(source=source), timeout)
    except elastic.SearchUnavailable as error:
        queue(pending, str(error))
        return False
    PendingIndexUpdate.objects.filter(source__in=pending).delete()
    elastic.forget_index_state()
    return True


def rebuild_elasticsearch(progress: Callable[[int, int], None]) -> str:
    """Load every entry into a new index and move the alias to it; the queue is then done.

    Changes queued while the rebuild runs stay queued. Returns the new index's name."""
    queued = list(PendingIndexUpdate.objects.values_list("pk", flat=True))
    name = elastic.rebuild(
        SearchEntry.objects.order_by("pk").iterator(chunk_size=REBUILD_CHUNK),
        SearchEntry.objects.count(),
        progress,
    )
    PendingIndexUpdate.objects.filter(pk__in=queued).delete()
    elastic.forget_index_state()
    return name


def queue(sources: list[str], error: str) -> None:
    logger.warning("Elasticsearch unavailable, %d change(s) queued: %s", len(sources), error)
    for source in sources:
        update, _ = PendingIndexUpdate.objects.get_or_create(source=source)
        update.attempts += 1
        update.last_error = error[:500]
        update.save()


def reindex_on_commit(*sources: str) -> None:
    if not getattr(_local, "suspended", False):
        transaction.on_commit(lambda: reindex(*sources))


@contextmanager
def suspended():
    """Skip per-change indexing, for bulk work followed by `rebuild_search_index`."""
    _local.suspended = True
    try:
        yield
    finally:
        _local.suspended = False
