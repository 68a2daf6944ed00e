import pytest
from django.core.management import call_command

from search import elastic


@pytest.fixture
def elasticsearch(settings, osmem_clone):
    """Elasticsearch configured and reachable: a fresh osmem-server clone for the test."""
    settings.ELASTICSEARCH_URL = osmem_clone.url
    elastic.mark_up()
    yield osmem_clone
    elastic.mark_up()


@pytest.fixture
def seeded_elasticsearch(seeded, elasticsearch):
    call_command("rebuild_search_index", no_progress=True, verbosity=0)
    return elasticsearch


@pytest.fixture
def hanging_cluster():
    """A listening socket that accepts connections and never answers, as a cluster that
    hangs; the test can count the connections it was offered."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield sock


@pytest.fixture
def hanging_url(hanging_cluster):
    return f"http://127.0.0.1:{hanging_cluster.getsockname()[1]}"
