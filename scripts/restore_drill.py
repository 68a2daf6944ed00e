#!/usr/bin/env python3
"""Backup and restore drill.

Backs up the database (pg_dump) and the media directory (tar), or takes a backup you give it,
restores both into a fresh database and directory, starts the portal on the restored copy
under gunicorn with the production settings, and checks that it holds what the original
holds and that its pages answer. Run it against a copy of production regularly (a database
that nobody writes to while the drill runs); the test suite runs it against the local
PostgreSQL server.

    DATABASE_URL=postgres://... MEDIA_ROOT=/srv/norrbus/media scripts/restore_drill.py [PATH ...]
    ... scripts/restore_drill.py --dump nightly.dump --media nightly-media.tar.gz [PATH ...]

What must match between the original and the copy:
- the row count of every table;
- a checksum (md5 over the rows' text, in primary-key order) of the tables a reader or
  editor would miss first: contacts, glossary terms, users, training records, feedback;
- the list of media files and the sha256 of each; and every file the database refers to
  (documents, images, renditions) must be in the restored media.

PATHs (default "/", "/halsa/") are fetched from the restored portal and must answer 200.
Exit status 0 when the drill passed. When it fails, it says why on stderr and keeps the
backup and the log (drill.log) in the directory it names.
"""

import argparse
import glob
import hashlib
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
CHECKSUMMED_TABLES = [
    "directory_contact",
    "guidance_glossaryterm",
    "auth_user",
    "training_learnerprofile",
    "training_lessonprogress",
    "training_modulecompletion",
    "feedback_feedback",
]
# Columns holding paths under MEDIA_ROOT.
MEDIA_COLUMNS = [
    ("wagtaildocs_document", "file"),
    ("wagtailimages_image", "file"),
    ("wagtailimages_rendition", "file"),
]
ROW_COUNTS = """
SELECT table_name || '=' || (xpath('/row/n/text()', query_to_xml(
    format('SELECT count(*) AS n FROM %I.%I', table_schema, table_name), false, true, '')))[1]
FROM information_schema.tables
WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
ORDER BY table_name
"""


class DrillFailed(Exception):
    """A step of the drill failed; the message says which, in one line."""


def pg_tool(name: str) -> str:
    found = shutil.which(name) or sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise DrillFailed(f"{name} hittades inte: installera PostgreSQL-klienten.")
    return found if isinstance(found, str) else found[-1]


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def psql(url: str, sql: str) -> str:
    result = subprocess.run(
        [pg_tool("psql"), "-X", "-qAt", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        reason = (result.stderr.strip().splitlines() or ["okänt fel"])[-1]
        raise DrillFailed(f"psql misslyckades: {reason}")
    return result.stdout.strip()


def run_logged(command: list[str], log: Path, **kwargs) -> tuple[int, str]:
    """Runs `command` with its output appended to `log`; its exit status and output."""
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    with log.open("a") as out:
        out.write(f"$ {' '.join(command)}\n{result.stdout}{result.stderr}")
    return result.returncode, result.stdout + result.stderr


def require(command: list[str], log: Path, what: str, **kwargs) -> None:
    status, _ = run_logged(command, log, **kwargs)
    if status != 0:
        raise DrillFailed(f"{what} misslyckades (slutstatus {status}, se {log})")


def row_counts(url: str) -> dict[str, int]:
    return {
        table: int(count)
        for table, count in (line.split("=") for line in psql(url, ROW_COUNTS).splitlines())
    }


def checksums(url: str, tables: list[str]) -> dict[str, str]:
    sums = {}
    for table in tables:
        sums[table] = psql(
            url,
            f"SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t.id), '')) FROM {table} t",
        )
    return sums


def referenced_media(url: str, tables: set[str]) -> set[str]:
    names: set[str] = set()
    for table, column in MEDIA_COLUMNS:
        if table in tables:
            names.update(
                psql(url, f"SELECT {column} FROM {table} WHERE {column} <> ''").splitlines()
            )
    return names


def media_files(root: Path) -> dict[str, str]:
    """Every file under `root` (relative path → sha256)."""
    if not root.is_dir():
        return {}
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def compare(
    source_url: str, target_url: str, media_root: Path, restored_media: Path
) -> tuple[list[str], str]:
    """What differs between the original and the copy, and a summary of what was compared."""
    failures = []
    before, after = row_counts(source_url), row_counts(target_url)
    for table in sorted(before.keys() | after.keys()):
        if table not in after:
            failures.append(f"tabellen {table} saknas i kopian")
        elif before.get(table) != after[table]:
            failures.append(f"{table}: {before.get(table)} rader före, {after[table]} efter")
    tables = [table for table in CHECKSUMMED_TABLES if table in before and table in after]
    source_sums, target_sums = checksums(source_url, tables), checksums(target_url, tables)
    failures += [
        f"{table}: innehållet skiljer sig (md5 före {source_sums[table]}, "
        f"efter {target_sums[table]})"
        for table in tables
        if source_sums[table] != target_sums[table]
    ]
    original, restored = media_files(media_root), media_files(restored_media)
    if missing := sorted(original.keys() - restored.keys()):
        failures.append(f"{len(missing)} mediafil(er) saknas i kopian, bland andra {missing[0]}")
    if extra := sorted(restored.keys() - original.keys()):
        failures.append(f"{len(extra)} mediafil(er) i kopian finns inte i originalet: {extra[0]}")
    if changed := sorted(
        n for n in original.keys() & restored.keys() if original[n] != restored[n]
    ):
        failures.append(
            f"{len(changed)} mediafil(er) skiljer sig (sha256), bland andra {changed[0]}"
        )
    if unreferenced := sorted(referenced_media(target_url, set(after)) - restored.keys()):
        failures.append(
            f"{len(unreferenced)} fil(er) som databasen hänvisar till saknas i den återställda "
            f"mediakatalogen ({len(restored)} filer), bland andra {unreferenced[0]}"
        )
    summary = (
        f"{len(after)} tabeller, {after.get('wagtailcore_page', 0)} sidor, "
        f"{len(restored)} mediafiler"
    )
    return failures, summary


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


def dump_database(source_url: str, into: Path, log: Path) -> Path:
    dump = into / "portal.dump"
    require(
        [pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(dump), source_url],
        log,
        "pg_dump",
    )
    return dump


def archive_media(media_root: Path, into: Path) -> Path:
    media = into / "media.tar.gz"
    with tarfile.open(media, "w:gz") as archive:
        if media_root.is_dir():
            archive.add(media_root, arcname=".")
    return media


def restore(dump: Path, media: Path, target_url: str, media_root: Path, log: Path) -> list[str]:
    """Restores the backup; what pg_restore could not restore. A backup it cannot read at all
    stops the drill."""
    name = urlsplit(target_url).path.lstrip("/")
    maintenance = with_database(target_url, "postgres")
    psql(maintenance, f'DROP DATABASE IF EXISTS "{name}"')
    psql(maintenance, f'CREATE DATABASE "{name}"')
    # Without --exit-on-error pg_restore restores what it can and goes on, as one would in an
    # emergency, and the comparison below names what is missing; it still stops at once
    # when it cannot read the archive.
    status, output = run_logged(
        [pg_tool("pg_restore"), "--no-owner", "--dbname", target_url, str(dump)], log
    )
    failures = []
    if status != 0:
        errors = [line for line in output.splitlines() if "error:" in line]
        first = errors[0].split("error:", 1)[1].strip() if errors else f"slutstatus {status}"
        if "errors ignored on restore" not in output:
            raise DrillFailed(
                f"pg_restore kunde inte läsa säkerhetskopian {dump.name}: {first} (se {log})"
            )
        failures.append(f"pg_restore rapporterade {len(errors)} fel, det första: {first}")
    media_root.mkdir(parents=True)
    try:
        with tarfile.open(media) as archive:
            archive.extractall(media_root, filter="data")
    except (OSError, tarfile.TarError) as error:
        raise DrillFailed(f"mediaarkivet {media.name} gick inte att packa upp: {error}") from None
    return failures


def serve_and_check(
    target_url: str, media_root: Path, work: Path, paths: list[str], log: Path
) -> list[str]:
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
    require(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
        log,
        "collectstatic",
        cwd=BASE_DIR,
        env=env,
    )
    with log.open("a") as out:
        server = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "portal.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"],
            cwd=BASE_DIR,
            env=env,
            stdout=out,
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
                return [f"portalen startade inte på kopian (se {log})"]
            time.sleep(0.3)
        for path in paths:
            status, _ = fetch(base + path)
            print(f"  {status} {path}", flush=True)
            if status != 200:
                failures.append(f"{path} svarade {status}")
    finally:
        server.terminate()
        server.wait(timeout=20)
    return failures


def drill(
    args, source_url: str, target_url: str, media_root: Path, work: Path
) -> tuple[list[str], str]:
    log = work / "drill.log"
    if args.dump:
        step(f"Tar säkerhetskopian {args.dump}")
        dump = work / "portal.dump"
        try:
            shutil.copyfile(args.dump, dump)
        except OSError as error:
            raise DrillFailed(f"säkerhetskopian gick inte att läsa: {error}") from None
    else:
        step("Säkerhetskopierar databasen")
        dump = dump_database(source_url, work, log)
    if args.media:
        media = work / "media.tar.gz"
        try:
            shutil.copyfile(args.media, media)
        except OSError as error:
            raise DrillFailed(f"mediaarkivet gick inte att läsa: {error}") from None
    else:
        step(f"Arkiverar mediafilerna i {media_root}")
        media = archive_media(media_root, work)
    target_name = urlsplit(target_url).path.lstrip("/")
    step(f"Återställer till databasen {target_name} och en ny mediakatalog")
    failures = restore(dump, media, target_url, work / "media", log)
    step("Jämför radantal, kontrollsummor och mediafiler")
    differences, summary = compare(source_url, target_url, media_root, work / "media")
    step("Startar portalen på kopian och hämtar sidorna")
    failures += differences + serve_and_check(target_url, work / "media", work, args.paths, log)
    return failures, summary


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", default=["/", "/halsa/"])
    parser.add_argument("--dump", type=Path, help="restore this pg_dump -Fc file")
    parser.add_argument("--media", type=Path, help="restore this media tar archive")
    args = parser.parse_args(argv)
    source_url = os.environ.get("DATABASE_URL", "")
    if not source_url.startswith(("postgres://", "postgresql://")):
        print("DATABASE_URL måste peka på PostgreSQL-databasen som ska jämföras.", file=sys.stderr)
        return 2
    media_root = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
    target_name = os.environ.get("DRILL_DATABASE", "norrbus_restore_drill")
    target_url = with_database(source_url, target_name)
    work = Path(tempfile.mkdtemp(prefix="norrbus-drill-"))
    summary = ""
    try:
        failures, summary = drill(args, source_url, target_url, media_root, work)
    except DrillFailed as error:
        failures = [str(error)]
    if len(failures) == 1:
        print(f"Återställningsövningen misslyckades: {failures[0]}", file=sys.stderr)
    elif failures:
        print("Återställningsövningen misslyckades:", *failures, sep="\n  ", file=sys.stderr)
    if failures:
        print(f"Säkerhetskopian och loggen finns kvar i {work}", file=sys.stderr)
        return 1
    shutil.rmtree(work, ignore_errors=True)
    try:
        psql(with_database(source_url, "postgres"), f'DROP DATABASE IF EXISTS "{target_name}"')
    except DrillFailed as error:
        print(f"Kopian {target_name} kunde inte tas bort: {error}", file=sys.stderr)
    print(f"Återställningsövningen gick bra ({summary}).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
