"""Production keeps its database connections between requests, with health checks."""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
READ = """
import json
from django.conf import settings
database = settings.DATABASES["default"]
print(json.dumps([database["CONN_MAX_AGE"], database["CONN_HEALTH_CHECKS"]]))
"""


def database_settings(module: str, **extra) -> list:
    env = {key: value for key, value in os.environ.items() if key not in {"DB_CONN_MAX_AGE"}}
    env.update(
        DJANGO_SETTINGS_MODULE=module,
        SECRET_KEY="a-long-random-production-like-secret-" + "k" * 40,
        ALLOWED_HOSTS="norrbus.example.se",
        DATABASE_URL="postgres://portal@db.example.se:5432/portal",
        **extra,
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", READ],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_keeps_connections_for_ten_minutes_with_health_checks():
    assert database_settings("portal.settings.production") == [600, True]


def test_production_connection_age_is_configurable():
    assert database_settings("portal.settings.production", DB_CONN_MAX_AGE="0") == [0, True]


def test_development_opens_a_connection_per_request():
    assert database_settings("portal.settings.dev") == [0, False]
