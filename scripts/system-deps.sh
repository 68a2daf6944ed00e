#!/usr/bin/env bash
# Installs what the test suite needs from Debian: Chromium (browser tests), PostgreSQL and
# Redis (the shared cache: page cache and rate limits), LibreOffice Writer (the meeting kit's
# Word files must open in it: tests/guidance/test_meeting_kit.py).
# Under CI=true anything missing that cannot be installed fails the run; locally it warns,
# and the tests that need it skip with a reason.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing from Debian: ${missing[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" fonts-dejavu-core
    exit 0
fi

echo "Missing system packages: ${missing[*]} (install them with apt-get as root)." >&2
if [ "${CI:-}" = "true" ]; then
    exit 1
fi
