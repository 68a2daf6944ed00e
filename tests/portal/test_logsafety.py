"""A request path with %0d%0a cannot forge a log line: not in Django's and runserver's logs
(LOGGING in portal/settings/base.py), not in gunicorn's access log (scripts/gunicorn.conf.py)."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from portal.logsafety import escape_control_characters

BASE_DIR = Path(__file__).resolve().parents[2]
FORGED = '/finns-inte/\r\n127.0.0.1 [03/Dec/2026:10:00:00 +0100] "GET /admin/ HTTP/1.1" 200'

LOG_LIKE_DJANGO = """
import logging
logging.getLogger("django.request").warning("Not Found: %s", {path!r})
logging.getLogger("django.server").info('"%s" %s %s', "GET " + {path!r} + " HTTP/1.1", "404", "0")
logging.getLogger("norrbus").info("vanlig rad")
"""


def test_control_characters_are_escaped_and_the_rest_is_kept():
    assert escape_control_characters("a\r\nb\tc\x1b[31md\x85e\u2028f åäö") == (
        "a\\r\\nb\\tc\\x1b[31md\\x85e\\u2028f åäö"
    )


def test_django_and_runserver_log_one_line_per_record():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    code = "import django; django.setup()\n" + LOG_LIKE_DJANGO.format(path=FORGED)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "Not Found: /finns-inte/\\r\\n127.0.0.1 [03/Dec/2026:10:00:00 +0100] " + (
        '"GET /admin/ HTTP/1.1" 200'
    )
    assert lines[1].endswith(
        '"GET /finns-inte/\\r\\n127.0.0.1 [03/Dec/2026:10:00:00 +0100] '
        '"GET /admin/ HTTP/1.1" 200 HTTP/1.1" 404 0'
    )
    assert lines[2] == "vanlig rad"
    assert len(lines) == 3


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def app(environ, start_response):
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"finns inte"]


def test_gunicorn_access_log_cannot_be_forged(tmp_path):
    port, access_log = free_port(), tmp_path / "access.log"
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "gunicorn", "-c", "scripts/gunicorn.conf.py"),
            *("-b", f"127.0.0.1:{port}", "-w", "1", "--access-logfile", str(access_log)),
            "tests.portal.test_logsafety:app",
        ],
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    path = "/finns-inte/%0d%0a127.0.0.1%20-%20%22GET%20/admin/%22%20200?personnummer=1"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5)
            except urllib.error.HTTPError as error:
                assert error.code == 404
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        deadline = time.monotonic() + 10
        while not access_log.exists() or not access_log.read_text():
            assert time.monotonic() < deadline, "nothing in the access log"
            time.sleep(0.1)
    finally:
        server.terminate()
        server.wait(timeout=20)
    lines = access_log.read_text().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("127.0.0.1 [")
    assert lines[0].endswith('"GET /finns-inte/\\r\\n127.0.0.1 - \\"GET /admin/\\" 200" 404 10'), (
        lines[0]
    )
    assert "personnummer" not in lines[0]
