"""Page speed beside a static file, cached and uncached, under gunicorn with wrk.

Started by bench/run. It does the following:
1. Sets up a database of its own and the demo content.
2. Starts gunicorn on 127.0.0.1 with 2 workers and production settings (DEBUG off,
   WhiteNoise, a file cache shared by the workers).
3. Warms the server, then measures each page with wrk: requests per second, p50 and p99
   latency, and errors. Each page is measured twice:
   - cached: an anonymous reader;
   - uncached: a pending-message cookie, which the page cache never serves.
4. Measures server time and SQL queries per page in process (bench/inprocess.py).
5. Prints one table, with each page's throughput as a ratio to the static file's.
6. Runs a load test: 50 connections for 60 seconds on a mix of pages. It reports errors
   and each worker's resident memory before and after.
7. With --synthetic, adds the 10,000 synthetic pages of bench/synthetic.py, then measures
   the uncached pages and the memory again, and prints how they grew.

With --postgres it runs on a throw-away PostgreSQL server (scripts/with-postgres.sh, port
PGTEST_PORT) instead of SQLite, and measures the uncached pages twice: with a new database
connection per request (DB_CONN_MAX_AGE=0) and with connections kept (600, production's
default). BENCH_DATABASE_URL points it at a database of your own instead.
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable

PAGES = {
    "static file": "/static/css/portal.css",
    "home": "/",
    "agreement in force": "/overenskommelsen/2025/",
    "routine": "/rutiner/norrbusmotet/",
    "actor": "/aktorer/socialtjanst/",
    "municipality": "/vem-ringer-jag/kalix/",
    "training lesson": "/utbildning/varfor-norrbus/vad-ar-norrbus/",
    "search": "/sok/?q=samordnad+individuell+plan",
}
TARGET_PAGES = ("routine", "actor", "municipality")
# A pending-message cookie: never served from the page cache, and costs no query.
UNCACHED = ["-H", "Cookie: messages=bench"]


def environment(work: Path, postgres: bool = False) -> dict:
    database = (
        os.environ.get("BENCH_DATABASE_URL")
        or (postgres and os.environ.get("DATABASE_URL"))
        or f"sqlite:///{work}/bench.sqlite3"
    )
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database,
        "CACHE_URL": f"file://{work}/cache",
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "ELASTICSEARCH_URL": "",
    }


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env: dict, port: int, work: Path) -> subprocess.Popen:
    log = (work / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "portal.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/halsa/", timeout=2):
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit(f"gunicorn did not start: see {work / 'gunicorn.log'}")


def worker_rss_mb(server: subprocess.Popen) -> list[float]:
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        kilobytes = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))
        sizes.append(round(kilobytes / 1024, 1))
    return sizes


def parse_duration_ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url: str, seconds: int, connections: int, extra=(), script: Path | None = None) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "--latency"]
    command += extra
    if script:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.M))
    if not latency:  # nothing completed in time
        raise SystemExit(f"wrk got no answers from {url}:\n{output}")
    errors = 0
    for match in re.finditer(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(int(n) for n in match.groups())
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors += int(non_2xx.group(1)) if non_2xx else 0
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": parse_duration_ms(latency["50"]),
        "p99_ms": parse_duration_ms(latency["99"]),
        "errors": errors,
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
    }


def in_process(env: dict) -> dict:
    paths = [path for name, path in PAGES.items() if name != "static file"]
    output = subprocess.run(
        [PYTHON, "bench/inprocess.py", *paths],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def measure(base: str, env: dict, seconds: int) -> dict:
    results = {}
    for name, path in PAGES.items():
        url = base + path
        for _ in range(20):  # warm both workers and the cache
            urllib.request.urlopen(url).read()
        results[name] = {"cached": wrk(url, seconds, 8)}
        if name != "static file":
            results[name]["uncached"] = wrk(url, seconds, 8, UNCACHED)
    server_side = in_process(env)
    for name, path in PAGES.items():
        results[name].update(server_side.get(path, {}))
    return results


def print_table(results: dict, title: str) -> None:
    static = results["static file"]["cached"]["rps"]
    print(f"\n{title}")
    header = (
        f"{'page':<20} {'cached r/s':>10} {'ratio':>6} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'uncached r/s':>12} {'ratio':>6} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6} "
        f"{'server ms':>9} {'queries':>7} {'cached q':>8}"
    )
    print(header)
    print("-" * len(header))
    for name, row in results.items():
        cached = row["cached"]
        uncached = row.get("uncached")
        errors = cached["errors"] + (uncached["errors"] if uncached else 0)
        line = (
            f"{name:<20} {cached['rps']:>10.0f} {cached['rps'] / static:>6.2f} "
            f"{cached['p50_ms']:>7.2f} {cached['p99_ms']:>7.2f} "
        )
        if uncached:
            line += (
                f"{uncached['rps']:>12.0f} {uncached['rps'] / static:>6.3f} "
                f"{uncached['p50_ms']:>7.2f} {uncached['p99_ms']:>7.2f} {errors:>6} "
                f"{row['uncached_ms']:>9.2f} {row['uncached_queries']:>7} "
                f"{row['cached_queries']:>8}"
            )
        else:
            line += f"{'':>12} {'':>6} {'':>7} {'':>7} {errors:>6}"
        print(line)


SYNTHETIC = "import sys; sys.path.insert(0, 'bench'); from synthetic import generate; generate()"
LOAD_SCRIPT = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def load(base: str, server: subprocess.Popen, work: Path, seconds: int) -> dict:
    script = work / "mix.lua"
    mix = [path for name, path in PAGES.items() if name != "static file"]
    script.write_text(LOAD_SCRIPT % ", ".join(f'"{path}"' for path in mix))
    before = worker_rss_mb(server)
    result = wrk(base + "/", seconds, 50, script=script)
    after = worker_rss_mb(server)
    return {**result, "rss_before_mb": before, "rss_after_mb": after}


def compare_connections(env: dict, port: int, work: Path, seconds: int) -> dict:
    """Uncached req/s per page with a connection per request and with connections kept."""
    results: dict = {}
    for age in ("0", "600"):
        server = start_gunicorn({**env, "DB_CONN_MAX_AGE": age}, port, work)
        try:
            for name, path in PAGES.items():
                if name == "static file":
                    continue
                url = f"http://127.0.0.1:{port}{path}"
                for _ in range(10):
                    urllib.request.urlopen(url).read()
                results.setdefault(name, {})[age] = wrk(url, seconds, 8, UNCACHED)
        finally:
            server.terminate()
            server.wait()
    print("\nPostgreSQL, uncached pages (gunicorn, 2 workers): req/s, p50 ms")
    print(f"{'page':<20} {'DB_CONN_MAX_AGE=0':>20} {'DB_CONN_MAX_AGE=600':>20}")
    for name, row in results.items():
        closed, kept = row["0"], row["600"]
        print(
            f"{name:<20} {closed['rps']:>11.0f} {closed['p50_ms']:>7.1f} ms "
            f"{kept['rps']:>11.0f} {kept['p50_ms']:>7.1f} ms"
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="wrk time per page")
    parser.add_argument("--load-seconds", type=int, default=60)
    parser.add_argument("--synthetic", action="store_true", help="also at 10,000 pages")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="on PostgreSQL: uncached pages with a connection per request and kept",
    )
    options = parser.parse_args()
    if (
        options.postgres
        and not os.environ.get("BENCH_DATABASE_URL")
        and not os.environ.get("DATABASE_URL", "").startswith("postgres")
    ):
        # Again, under a throw-away server that sets DATABASE_URL.
        script = str(ROOT / "scripts" / "with-postgres.sh")
        os.execv(script, [script, PYTHON, __file__, *sys.argv[1:]])
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install wrk); bench/run installs it.")

    work = Path(tempfile.mkdtemp(prefix="norrbus-pages-"))
    env = environment(work, options.postgres)
    print(f"Setting up in {work} …", flush=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "seed_demo", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    if options.postgres:
        try:
            results = compare_connections(env, port, work, options.seconds)
            (work / "results.json").write_text(json.dumps({"postgres": results}, indent=2))
            print(f"\nAll numbers: {work / 'results.json'}")
        finally:
            if not options.keep:
                for item in work.iterdir():
                    if item.name != "results.json":
                        shutil.rmtree(item) if item.is_dir() else item.unlink()
        return
    server = start_gunicorn(env, port, work)
    try:
        demo = measure(base, env, options.seconds)
        print_table(demo, "Demo content (gunicorn, 2 workers; ratio = req/s ÷ the static file's)")
        result = load(base, server, work, options.load_seconds)
        print(
            f"\nLoad: 50 connections, {options.load_seconds} s, page mix: "
            f"{result['rps']:.0f} req/s, p50 {result['p50_ms']:.1f} ms, "
            f"p99 {result['p99_ms']:.1f} ms, {result['errors']} errors in "
            f"{result['requests']} requests; worker RSS {result['rss_before_mb']} MB before, "
            f"{result['rss_after_mb']} MB after"
        )
        summary = {"demo": demo, "load": result}
        if options.synthetic:
            server.terminate()
            server.wait()
            print("\nAdding 10,000 synthetic pages (a few minutes) …", flush=True)
            manage(env, "shell", "-c", SYNTHETIC)
            server = start_gunicorn(env, port, work)
            large = measure(base, env, options.seconds)
            print_table(large, "10,000 synthetic pages beside the demo content")
            large_load = load(base, server, work, options.load_seconds)
            print(f"Worker RSS at 10,000 pages after load: {large_load['rss_after_mb']} MB")
            print("\nGrowth from demo content to 10,000 pages (uncached, in process):")
            for name in TARGET_PAGES:
                before, after = demo[name], large[name]
                growth = after["uncached_ms"] / before["uncached_ms"]
                print(
                    f"  {name:<13} server time {before['uncached_ms']:.1f} → "
                    f"{after['uncached_ms']:.1f} ms (×{growth:.2f}), "
                    f"queries {before['uncached_queries']} → {after['uncached_queries']}"
                )
            summary.update(synthetic=large, synthetic_load=large_load)
        (work / "results.json").write_text(json.dumps(summary, indent=2))
        print(f"\nAll numbers: {work / 'results.json'}")
    finally:
        server.terminate()
        server.wait()
        if not options.keep:
            for item in work.iterdir():
                if item.name != "results.json":
                    shutil.rmtree(item) if item.is_dir() else item.unlink()


if __name__ == "__main__":
    main()
