#!/usr/bin/env python3
"""Backup and restore drill.

Backs up the database (pg_dump) and the media directory (tar), restores both into a fresh
database and directory, starts the portal on the restored copy under gunicorn with the
production settings, and checks that its pages answer and that it holds what the original
held. Run it against a copy of production regularly; the test suite runs it against the
local PostgreSQL server.

    DATABASE_URL=postgres://... MEDIA_ROOT=/srv/norrbus/media scripts/restore_drill.py [PATH ...]

PATHs (default "/", "/halsa/") are fetched from the restored portal and must answer 200.
Exit status 0 when the drill passed.
"""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
COUNTED_TABLES = ["wagtailcore_page", "wagtailcore_revision", "wagtaildocs_document"]


def pg_tool(name: str) -> str:
    found = shutil.which(name) or sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        sys.exit(f"{name} hittades inte: installera PostgreSQL-klienten.")
    return found if isinstance(found, str) else found[-1]


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def psql(url: str, sql: str) -> str:
    result = subprocess.run(
        [pg_tool("psql"), "-X", "-qAt", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def counts(url: str) -> dict[str, str]:
    return {table: psql(url, f"SELECT count(*) FROM {table}") for table in COUNTED_TABLES}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def step(message: str) -> None:
    print(f"– {message}", flush=True)


def backup(source_url: str, media_root: Path, into: Path) -> tuple[Path, Path]:
    dump = into / "portal.dump"
    subprocess.run(
        [pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(dump), source_url],
        check=True,
    )
    media = into / "media.tar.gz"
    with tarfile.open(media, "w:gz") as archive:
        if media_root.is_dir():
            archive.add(media_root, arcname=".")
    return dump, media


def restore(dump: Path, media: Path, target_url: str, media_root: Path) -> None:
    name = urlsplit(target_url).path.lstrip("/")
    maintenance = with_database(target_url, "postgres")
    psql(maintenance, f'DROP DATABASE IF EXISTS "{name}"')
    psql(maintenance, f'CREATE DATABASE "{name}"')
    subprocess.run(
        [pg_tool("pg_restore"), "--no-owner", "--exit-on-error", "--dbname", target_url, str(dump)],
        check=True,
    )
    media_root.mkdir(parents=True)
    with tarfile.open(media) as archive:
        archive.extractall(media_root, filter="data")


def serve_and_check(target_url: str, media_root: Path, work: Path, paths: list[str]) -> list[str]:
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DATABASE_URL": target_url,
        "MEDIA_ROOT": str(media_root),
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "restore-drill-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(work / "static"),
        # Production refuses to start without a shared cache.
        "CACHE_URL": f"file://{work}/cache",
    }
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )
    log = (work / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "portal.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    failures = []
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if fetch(f"{base}/halsa/")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                return [f"the portal did not start (see {work / 'gunicorn.log'})"]
            time.sleep(0.3)
        for path in paths:
            status, _ = fetch(base + path)
            print(f"  {status} {path}", flush=True)
            if status != 200:
                failures.append(f"{path} answered {status}")
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
    return failures


def main(argv: list[str]) -> int:
    source_url = os.environ.get("DATABASE_URL", "")
    if not source_url.startswith(("postgres://", "postgresql://")):
        sys.exit("DATABASE_URL måste peka på PostgreSQL-databasen som ska säkerhetskopieras.")
    media_root = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
    target_name = os.environ.get("DRILL_DATABASE", "norrbus_restore_drill")
    target_url = with_database(source_url, target_name)
    paths = argv or ["/", "/halsa/"]
    work = Path(tempfile.mkdtemp(prefix="norrbus-drill-"))
    keep = False
    try:
        step("Säkerhetskopierar databasen och mediafilerna")
        dump, media = backup(source_url, media_root, work)
        step(f"Återställer till databasen {target_name} och en ny mediakatalog")
        restore(dump, media, target_url, work / "media")
        before, after = counts(source_url), counts(target_url)
        failures = [
            f"{table}: {before[table]} rows before, {after[table]} after"
            for table in COUNTED_TABLES
            if before[table] != after[table]
        ]
        step("Startar portalen på kopian och hämtar sidorna")
        failures += serve_and_check(target_url, work / "media", work, paths)
        if failures:
            keep = True
            print("Återställningsövningen misslyckades:", *failures, sep="\n  ", file=sys.stderr)
            return 1
        print(f"Återställningsövningen gick bra ({after['wagtailcore_page']} sidor).")
        return 0
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
            psql(with_database(source_url, "postgres"), f'DROP DATABASE IF EXISTS "{target_name}"')


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
