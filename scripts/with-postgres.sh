#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL server: its own data directory and port,
# started here and stopped afterwards, so the machine's own cluster is never touched.
set -euo pipefail

initdb=$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -n 1 || true)
if [ -z "$initdb" ]; then
    if [ "${CI:-}" = "true" ]; then
        echo "PostgreSQL is not installed; CI must test against it." >&2
        exit 1
    fi
    echo "PostgreSQL is not installed: skipping the PostgreSQL run." >&2
    exit 0
fi
bindir=$(dirname "$initdb")
port=${PGTEST_PORT:-54329}
datadir=$(mktemp -d /tmp/norrbus-pg.XXXXXX)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root.
    chown postgres:postgres "$datadir"
    as_pg=(runuser -u postgres --)
fi

cleanup() {
    "${as_pg[@]}" "$bindir/pg_ctl" -D "$datadir" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$datadir"
}
trap cleanup EXIT

"${as_pg[@]}" "$bindir/initdb" -D "$datadir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$bindir/pg_ctl" -D "$datadir" -l "$datadir/server.log" -w \
    -o "-p $port -k $datadir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
"$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE ROLE portal LOGIN SUPERUSER" >/dev/null
"$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE portal OWNER portal" >/dev/null

echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
DATABASE_URL="postgres://portal@127.0.0.1:$port/portal" "$@"
