"""The backup and restore drill, run for real against the local PostgreSQL server."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from scripts.restore_drill import psql, with_database

BASE_DIR = Path(__file__).resolve().parents[2]
SOURCE_DB = "norrbus_drill_source"

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="runs in the PostgreSQL pass of make test",
)

ADD_DOCUMENT = """
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
document = Document(title="Rutin för övningen")
document.file.save("ovning.txt", ContentFile("Återställd.".encode()), save=True)
print(document.url)
"""


def manage(*args: str, env: dict) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """A portal database with the demo content and one document, outside the test's
    transaction (pg_dump must see it)."""
    server = with_database(os.environ["DATABASE_URL"], "postgres")
    psql(server, f"DROP DATABASE IF EXISTS {SOURCE_DB}")
    psql(server, f"CREATE DATABASE {SOURCE_DB}")
    env = {
        **os.environ,
        "DATABASE_URL": with_database(os.environ["DATABASE_URL"], SOURCE_DB),
        "MEDIA_ROOT": str(tmp_path_factory.mktemp("drill") / "media"),
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
    }
    manage("migrate", "--noinput", "-v0", env=env)
    manage("seed_demo", env=env)
    document_url = manage("shell", "-c", ADD_DOCUMENT, env=env).strip().splitlines()[-1]
    yield env, document_url
    psql(server, f"DROP DATABASE IF EXISTS {SOURCE_DB}")


def test_backup_restores_into_a_fresh_database_that_serves_the_portal(source, db):
    assert connection.vendor == "postgresql"
    env, document_url = source
    result = subprocess.run(
        [
            sys.executable,
            "scripts/restore_drill.py",
            "/",
            "/halsa/",
            "/rutiner/norrbusmotet/",
            document_url,
        ],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"200 {document_url}" in result.stdout
    assert "Återställningsövningen gick bra" in result.stdout
    # The drill cleans up after itself.
    server = with_database(os.environ["DATABASE_URL"], "postgres")
    assert psql(server, "SELECT count(*) FROM pg_database WHERE datname LIKE '%drill%'") == "1"


def test_the_drill_fails_when_a_page_does_not_answer(source):
    env, _ = source
    result = subprocess.run(
        [sys.executable, "scripts/restore_drill.py", "/finns-inte/"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert "/finns-inte/ answered 404" in result.stderr
