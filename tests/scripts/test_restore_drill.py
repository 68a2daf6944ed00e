"""The backup and restore drill, run for real against the local PostgreSQL server."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from scripts.restore_drill import pg_tool, psql, with_database

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
    psql(server, "DROP DATABASE IF EXISTS norrbus_restore_drill")


def drill(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "scripts/restore_drill.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def kept_evidence(result: subprocess.CompletedProcess) -> Path:
    """The directory a failed drill names as holding the backup and the log."""
    match = re.search(r"Säkerhetskopian och loggen finns kvar i (\S+)", result.stderr)
    assert match, result.stderr
    return Path(match.group(1))


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
    result = drill("/finns-inte/", env=env)
    assert result.returncode == 1
    assert "/finns-inte/ svarade 404" in result.stderr
    shutil.rmtree(kept_evidence(result))


def test_a_backup_that_lost_the_contacts_fails_naming_the_table(source, tmp_path):
    env, _ = source
    dump = tmp_path / "utan-kontakter.dump"
    without_contacts = ["-Fc", "--exclude-table-data=directory_contact", "-f", str(dump)]
    subprocess.run([pg_tool("pg_dump"), *without_contacts, env["DATABASE_URL"]], check=True)
    contacts = int(psql(env["DATABASE_URL"], "SELECT count(*) FROM directory_contact"))
    assert contacts > 0
    result = drill("--dump", str(dump), env=env)
    assert result.returncode == 1, result.stdout
    assert f"directory_contact: {contacts} rader före, 0 efter" in result.stderr
    assert "directory_contact: innehållet skiljer sig" in result.stderr
    # Every other table came back whole, so nothing else is named.
    assert "guidance_glossaryterm" not in result.stderr
    assert "200 /halsa/" in result.stdout
    shutil.rmtree(kept_evidence(result))


def test_a_backup_whose_contacts_changed_fails_on_the_checksum(source, tmp_path):
    env, _ = source
    dump = tmp_path / "portal.dump"
    subprocess.run([pg_tool("pg_dump"), "-Fc", "-f", str(dump), env["DATABASE_URL"]], check=True)
    # The original changes after the backup: same row count, other content.
    original = psql(env["DATABASE_URL"], "SELECT name FROM directory_contact ORDER BY id LIMIT 1")
    psql(
        env["DATABASE_URL"],
        "UPDATE directory_contact SET name = name || ' (ny)' "
        "WHERE id = (SELECT min(id) FROM directory_contact)",
    )
    try:
        result = drill("--dump", str(dump), env=env)
    finally:
        psql(
            env["DATABASE_URL"],
            f"UPDATE directory_contact SET name = '{original}' "
            "WHERE id = (SELECT min(id) FROM directory_contact)",
        )
    assert result.returncode == 1
    assert "directory_contact: innehållet skiljer sig" in result.stderr
    assert "rader före" not in result.stderr
    shutil.rmtree(kept_evidence(result))


def test_a_backup_with_empty_media_fails(source, tmp_path):
    env, _ = source
    empty = tmp_path / "tom-media"
    empty.mkdir()
    result = drill(env={**env, "MEDIA_ROOT": str(empty)})
    assert result.returncode == 1
    assert "som databasen hänvisar till saknas i den återställda mediakatalogen (0 filer)" in (
        result.stderr
    )
    assert "documents/ovning" in result.stderr
    shutil.rmtree(kept_evidence(result))


def test_a_corrupt_backup_fails_in_one_line_and_keeps_the_evidence(source, tmp_path):
    env, _ = source
    whole = tmp_path / "portal.dump"
    subprocess.run([pg_tool("pg_dump"), "-Fc", "-f", str(whole), env["DATABASE_URL"]], check=True)
    corrupt = tmp_path / "trasig.dump"
    corrupt.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    result = drill("--dump", str(corrupt), env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith(
        "Återställningsövningen misslyckades: "
        "pg_restore kunde inte läsa säkerhetskopian portal.dump"
    ), result.stderr
    assert len(lines) == 2
    evidence = kept_evidence(result)
    assert (evidence / "portal.dump").read_bytes() == corrupt.read_bytes()
    assert "pg_restore" in (evidence / "drill.log").read_text()
    shutil.rmtree(evidence)
