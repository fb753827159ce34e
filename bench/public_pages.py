#!/usr/bin/env python3
"""Public pages under load: requests per second and latency against a "hello" baseline.

Builds a throw-away SQLite data folder, loads the demo with N synthetic organisations, starts
gunicorn on a free loopback port and measures each public page with a bounded number of requests
from a thread pool (http.client, one connection per request, after a warm-up). Every page is
compared with /healthz, which is Django answering a fixed response through the full middleware
stack, so the ratios show what the page itself costs. Then it measures directory search in
process (Django's test client, one thread) against the target "directory search p95 under
50 ms at 10,000 organisations on SQLite".

    .venv/bin/python bench/public_pages.py [--organisations 10000] [--requests 1000]
                                           [--concurrency 4]

It also builds an event of 36 sessions over 3 days in 2 rooms (through the events services) and
measures its page and its schedule.xml against the target "at least 250 requests/s, p95 under
50 ms, on 2 gunicorn workers".

Prints a table and writes the same figures to bench/results/public_pages.json.
"""

import argparse
import datetime as dt
import http.client
import json
import math
import os
import platform
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "public_pages.json"
SEARCH_TARGET_P95_MS = 50.0
EVENT_TARGET_RPS = 250.0
EVENT_TARGET_P95_MS = 50.0
BENCH_EVENT_SLUG = "bench-conference-36-sessions"
HOST = "127.0.0.1"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=10_000, help="synthetic organisations")
    parser.add_argument("--requests", type=int, default=1000, help="measured requests per page")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads")
    parser.add_argument("--warmup", type=int, default=40, help="unmeasured requests per page")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument(
        "--in-process-requests", type=int, default=200, help="requests per in-process search"
    )
    return parser.parse_args(argv)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def percentile(sorted_values: list[float], share: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return float("nan")
    rank = min(len(sorted_values), max(1, math.ceil(share * len(sorted_values))))
    return sorted_values[rank - 1]


# --- setting up --------------------------------------------------------------------------


def bench_environment(data_dir: Path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "MODUS_REDIS_URL", "REDIS_URL", "MODUS_CELERY_BROKER_URL"}
    }
    env.update(
        MODUS_DATA_DIR=str(data_dir),
        DJANGO_SETTINGS_MODULE="modus.settings",
        MODUS_DEBUG="0",
        MODUS_LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def load_demo(env: dict, organisations: int) -> float:
    started = time.perf_counter()
    command = [sys.executable, "-m", "modus", "demo", "--organisations", str(organisations)]
    completed = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    if completed.returncode != 0:
        sys.stderr.write(completed.stdout + completed.stderr)
        raise SystemExit(f"'modus demo' failed with exit code {completed.returncode}")
    return time.perf_counter() - started


def start_gunicorn(env: dict, port: int, workers: int, log_path: Path) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "modus.wsgi:application",
        "--workers",
        str(workers),
        "--bind",
        f"{HOST}:{port}",
        "--log-level",
        "warning",
    ]
    log = log_path.open("w")
    return subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)


def stop_gunicorn(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def wait_until_healthy(process: subprocess.Popen, port: int, log_path: Path, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited early:\n{log_path.read_text()}")
        try:
            status, _ = request(port, "/healthz")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer /healthz within {timeout:.0f}s")


# --- measuring over HTTP -----------------------------------------------------------------


def request(port: int, path: str) -> tuple[int, float]:
    """One GET on a fresh connection; returns the status and the seconds it took."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path, headers={"Accept-Language": "en"})
        response = connection.getresponse()
        response.read()
        status = response.status
    finally:
        connection.close()
    return status, time.perf_counter() - started


def measure_http(port: int, path: str, *, requests: int, concurrency: int, warmup: int) -> dict:
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(lambda _: request(port, path), range(warmup)))
        latencies: list[float] = []
        errors = 0
        lock = threading.Lock()

        def one(_):
            nonlocal errors
            try:
                status, seconds = request(port, path)
            except OSError:
                status, seconds = 0, 0.0
            with lock:
                if status == 200:
                    latencies.append(seconds)
                else:
                    errors += 1

        started = time.perf_counter()
        list(pool.map(one, range(requests)))
        wall = time.perf_counter() - started
    latencies.sort()
    return {
        "path": path,
        "requests": requests,
        "errors": errors,
        "rps": len(latencies) / wall if wall else 0.0,
        "p50_ms": percentile(latencies, 0.50) * 1000,
        "p95_ms": percentile(latencies, 0.95) * 1000,
    }


# --- measuring in process ----------------------------------------------------------------


def setup_django(env: dict) -> None:
    for key in ("DATABASE_URL", "MODUS_REDIS_URL", "REDIS_URL", "MODUS_CELERY_BROKER_URL"):
        os.environ.pop(key, None)
    os.environ.update({key: env[key] for key in ("MODUS_DATA_DIR", "DJANGO_SETTINGS_MODULE")})
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def sample_organisation_path() -> str:
    """The seed report's aviation cluster when the demo has it, else any organisation."""
    from modus.directory.models import Organisation

    organisation = (
        Organisation.objects.filter(name__icontains="aviation").order_by("pk").first()
        or Organisation.objects.order_by("pk").first()
    )
    if organisation is None:
        raise SystemExit("The demo loaded no organisations.")
    return organisation.get_absolute_url()


def create_bench_event() -> str:
    """An event of 36 sessions over 3 days in 2 rooms, built through the project's services.

    Each day has six 50-minute slots in each room; each session has one or two of 24 speakers
    from the directory's organisations. Returns the event page's path.
    """
    from django.contrib.auth import get_user_model

    from modus.accounts.services import ensure_person
    from modus.directory.models import Organisation
    from modus.events.models import Event, Session
    from modus.events.services import create_session, event_datetime, save_event, save_room

    actor = get_user_model().objects.create_user(
        email="bench-organiser@example.org", full_name="Bench organiser", is_staff=True
    )
    first_day = dt.date.today() + dt.timedelta(days=60)
    event = save_event(
        slug=BENCH_EVENT_SLUG,
        name="Benchmark conference: 36 sessions",
        city="Katowice",
        country_code="PL",
        starts_on=first_day,
        ends_on=first_day + dt.timedelta(days=2),
        time_zone="Europe/Warsaw",
        languages=["en"],
        description="Made by bench/public_pages.py to measure the event page and schedule.xml.",
        status=Event.Status.PUBLISHED,
    )
    rooms = [
        save_room(event, actor=actor, name=name, position=position)
        for position, name in enumerate(("Main hall", "Room B"))
    ]
    organisations = list(Organisation.objects.order_by("pk")[:24]) or [None]
    speakers = [
        ensure_person(
            name=f"Bench Speaker {number}",
            slug=f"bench-speaker-{number}",
            organisation=organisations[number % len(organisations)],
        )
        for number in range(24)
    ]
    kinds = [Session.Kind.KEYNOTE, Session.Kind.PANEL, Session.Kind.WORKSHOP]
    for number in range(36):
        day, slot, room = number // 12, (number % 12) // 2, rooms[number % 2]
        starts = event_datetime(event, first_day + dt.timedelta(days=day), dt.time(9 + slot, 0))
        people = [(speakers[number % 24], "speaker")]
        if number % 3 == 1:
            people.append((speakers[(number + 7) % 24], "moderator"))
        create_session(
            event,
            actor=actor,
            people=people,
            title=f"Session {number + 1}: clusters and the twin transition, part {number + 1}",
            kind=kinds[number % 3],
            abstract="What regions and their clusters can do together. " * 4,
            starts_at=starts,
            ends_at=starts + dt.timedelta(minutes=50),
            room=room,
            topics=["green transition", "digital"],
        )
    return event.get_absolute_url()


def measure_in_process(path: str, requests: int, warmup: int) -> dict:
    """Single-threaded requests through Django's test client, measured two ways.

    The test client keeps one database connection open across requests; gunicorn's workers
    open a fresh one per request (SQLite runs with CONN_MAX_AGE=0), so the second run closes
    the connection after each request, as a served request does.
    """
    from django.db import connections
    from django.test import Client

    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    result = {"path": path, "requests": requests}
    for mode, close in (("kept", False), ("fresh", True)):
        for _ in range(warmup):
            client.get(path)
        latencies = []
        for _ in range(requests):
            started = time.perf_counter()
            response = client.get(path)
            if close:
                connections.close_all()
            latencies.append(time.perf_counter() - started)
            if response.status_code != 200:
                raise SystemExit(f"in-process GET {path} answered {response.status_code}")
        latencies.sort()
        result[f"{mode}_p50_ms"] = percentile(latencies, 0.50) * 1000
        result[f"{mode}_p95_ms"] = percentile(latencies, 0.95) * 1000
        result[f"{mode}_max_ms"] = latencies[-1] * 1000
    return result


# --- reporting ---------------------------------------------------------------------------


def print_table(rows: list[dict]) -> None:
    header = (
        f"{'page':<22} {'path':<44} {'req':>5} {'err':>4} {'rps':>8} "
        f"{'p50 ms':>8} {'p95 ms':>8} {'rps/hello':>10} {'p95/hello':>10}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['name']:<22} {row['path'][:44]:<44} {row['requests']:>5} {row['errors']:>4} "
            f"{row['rps']:>8.1f} {row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f} "
            f"{row['rps_ratio']:>10.2f} {row['p95_ratio']:>10.2f}"
        )


def main(argv=None) -> int:
    args = parse_args(argv)
    load_before = os.getloadavg()[0]
    if load_before > 0.5:
        print(f"Note: the machine is busy (load average {load_before:.2f}); figures will be noisy.")
    # A plain SIGTERM should still stop gunicorn through the finally blocks below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with tempfile.TemporaryDirectory(prefix="modus-bench-") as tmp:
        data_dir = Path(tmp)
        env = bench_environment(data_dir)
        print(f"Loading the demo with {args.organisations} organisations into {data_dir} ...")
        demo_seconds = load_demo(env, args.organisations)
        print(f"Demo loaded in {demo_seconds:.1f}s.", flush=True)

        setup_django(env)
        from modus.directory.models import Organisation

        organisation_count = Organisation.objects.count()
        search = "/directory/?" + urlencode({"q": "aviation"})
        targets = [
            ("hello (/healthz)", "/healthz"),
            ("home", "/"),
            ("directory search", search),
            ("search + filters", "/directory/?" + urlencode({"q": "cluster", "kind": "cluster"})),
            ("filters only", "/directory/?" + urlencode({"country": "CZ", "kind": "cluster"})),
            ("organisation page", sample_organisation_path()),
        ]
        event_path = create_bench_event()
        event_targets = [
            ("event page (36)", event_path),
            ("schedule.xml (36)", event_path + "schedule.xml"),
        ]
        targets += event_targets

        port = free_port()
        log_path = data_dir / "gunicorn.log"
        process = None
        rows = []
        try:
            process = start_gunicorn(env, port, args.workers, log_path)
            wait_until_healthy(process, port, log_path)
            for name, path in targets:
                print(f"  measuring {name}: {path}", flush=True)
                result = measure_http(
                    port,
                    path,
                    requests=args.requests,
                    concurrency=args.concurrency,
                    warmup=args.warmup,
                )
                rows.append({"name": name, **result})
        finally:
            stop_gunicorn(process)

        hello = rows[0]
        for row in rows:
            row["rps_ratio"] = row["rps"] / hello["rps"] if hello["rps"] else 0.0
            row["p95_ratio"] = row["p95_ms"] / hello["p95_ms"] if hello["p95_ms"] else 0.0

        print("  measuring in process", flush=True)
        in_process = [
            measure_in_process(path, args.in_process_requests, warmup=20)
            for _, path in targets[2:5]
        ]
        from django.db import connections

        connections.close_all()

    print()
    print(
        f"gunicorn, {args.workers} workers, SQLite; {organisation_count} organisations; "
        f"{args.requests} requests per page from {args.concurrency} threads "
        f"after {args.warmup} warm-up requests"
    )
    print_table(rows)
    print()
    print("In process (Django test client, one thread, same database), milliseconds:")
    print(f"  {'path':<40} {'connection kept':>24}   {'new connection per request':>27}")
    print(f"  {'':<40} {'p50':>7} {'p95':>7} {'max':>7}   {'p50':>7} {'p95':>7} {'max':>7}")
    for result in in_process:
        print(
            f"  {result['path']:<40} {result['kept_p50_ms']:7.1f} {result['kept_p95_ms']:7.1f} "
            f"{result['kept_max_ms']:7.1f}   {result['fresh_p50_ms']:7.1f} "
            f"{result['fresh_p95_ms']:7.1f} {result['fresh_max_ms']:7.1f}"
        )
    search_p95 = in_process[0]["fresh_p95_ms"]
    verdict = "met" if search_p95 < SEARCH_TARGET_P95_MS else "MISSED"
    print(
        f"Directory search p95 in process, new connection per request: {search_p95:.1f} ms "
        f"(target under {SEARCH_TARGET_P95_MS:.0f} ms at 10,000 organisations: {verdict})"
    )

    event_rows = [row for row in rows if row["name"] in dict(event_targets)]
    for row in event_rows:
        row["target_met"] = (
            row["errors"] == 0
            and row["rps"] >= EVENT_TARGET_RPS
            and row["p95_ms"] < EVENT_TARGET_P95_MS
        )
        verdict = "met" if row["target_met"] else "MISSED"
        print(
            f"{row['name']}: {row['rps']:.0f} requests/s, p95 {row['p95_ms']:.1f} ms "
            f"(target at least {EVENT_TARGET_RPS:.0f} requests/s and p95 under "
            f"{EVENT_TARGET_P95_MS:.0f} ms: {verdict})"
        )

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "machine": {
                    "python": platform.python_version(),
                    "sqlite": sqlite3.sqlite_version,
                    "cpus": os.cpu_count(),
                    "platform": platform.platform(),
                    "load_average_before": round(load_before, 2),
                },
                "settings": {
                    "organisations_requested": args.organisations,
                    "organisations": organisation_count,
                    "requests": args.requests,
                    "concurrency": args.concurrency,
                    "warmup": args.warmup,
                    "gunicorn_workers": args.workers,
                    "demo_load_seconds": round(demo_seconds, 1),
                },
                "http": rows,
                "in_process": in_process,
                "search_p95_target_ms": SEARCH_TARGET_P95_MS,
                "search_p95_met": search_p95 < SEARCH_TARGET_P95_MS,
                "event_target": {"rps": EVENT_TARGET_RPS, "p95_ms": EVENT_TARGET_P95_MS},
            },
            indent=2,
        )
        + "\n"
    )
    print(f"\nWritten to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
