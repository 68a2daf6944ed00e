#!/usr/bin/env bash
# Runs a command against a throw-away Redis server: its own port and directory, no disk
# persistence, started here and stopped afterwards; CACHE_URL points the command at it, so
# the page cache and the rate limits are tested against the cache production uses.
set -euo pipefail

if ! command -v redis-server >/dev/null; then
    if [ "${CI:-}" = "true" ]; then
        echo "redis-server is not installed; CI must test against it." >&2
        exit 1
    fi
    echo "redis-server is not installed: running with a cache per process." >&2
    exec "$@"
fi
port=${REDISTEST_PORT:-56379}
datadir=$(mktemp -d /tmp/norrbus-redis.XXXXXX)

# Stop the server and wait until it has gone, so that a run right after this one (make test
# runs two) can start its own on the same port instead of talking to a server on its way out.
cleanup() {
    if [ -f "$datadir/redis.pid" ]; then
        pid=$(cat "$datadir/redis.pid")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
    fi
    rm -rf "$datadir"
}
trap cleanup EXIT

if redis-cli -p "$port" ping >/dev/null 2>&1; then
    echo "Port $port already has a Redis server; set REDISTEST_PORT to a free port." >&2
    exit 1
fi

redis-server --port "$port" --bind 127.0.0.1 --dir "$datadir" --save "" --appendonly no \
    --daemonize yes --pidfile "$datadir/redis.pid" --logfile "$datadir/redis.log"
for _ in $(seq 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && break
    sleep 0.1
done
redis-cli -p "$port" ping >/dev/null
# The server answering is the one started here.
[ "$(redis-cli -p "$port" info server | tr -d '\r' | awk -F: '$1 == "process_id" {print $2}')" = \
    "$(cat "$datadir/redis.pid")" ]

echo "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) on 127.0.0.1:$port"
CACHE_URL="redis://127.0.0.1:$port/0" REQUIRE_REDIS=true "$@"
