"""Set-up shared by the benchmarks: Django on a database of their own, and osmem-server.

Each benchmark starts from an empty SQLite database in a temporary folder (or the one in
BENCH_DATABASE_URL), migrates it and seeds the demo content, so runs are comparable and
never touch the portal's own database.
"""

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup_django() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    if "BENCH_DATABASE_URL" in os.environ:
        os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
    else:
        folder = tempfile.mkdtemp(prefix="norrbus-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("seed_demo", verbosity=0)


@contextmanager
def elasticsearch():
    """osmem-server for the run, configured as the portal's Elasticsearch."""
    from django.conf import settings
    from osmem_server import OsmemServer

    from search import elastic

    with OsmemServer.start(japanese=False) as server:
        settings.ELASTICSEARCH_URL = server.url
        elastic.mark_up()
        try:
            yield server
        finally:
            settings.ELASTICSEARCH_URL = ""


@contextmanager
def database_only():
    from django.conf import settings

    saved = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = ""
    try:
        yield
    finally:
        settings.ELASTICSEARCH_URL = saved


def rebuild_index() -> None:
    from django.core.management import call_command

    from search import vocabulary

    call_command("rebuild_search_index", no_progress=True, verbosity=0)
    vocabulary.forget()
