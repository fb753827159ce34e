#!/usr/bin/env python3
"""Results at the scale of a big series: computing the figures, and serving the pages.

    .venv/bin/python bench/results.py [--editions 21] [--registrations 20000]
                                      [--meetings 60000] [--answers 30000] [--requests 400]

Builds a throw-away SQLite data folder and writes, through the models in bulk, a programme of
``--editions`` past editions with ``--registrations`` confirmed registrations (organisations
from 20 countries, people who come back to several editions), as many marketplace profiles,
``--meetings`` published meetings between two of them and ``--answers`` follow-up answers (and
as many ratings). Then:

1. computes every edition's figures and the programme's, as the job does (timed, cold);
2. starts gunicorn (``--workers 2``) and measures, warm (after a warm-up that fills each worker's
   cache of pictures), the programme's results page, the biggest edition's page and both API
   endpoints, each against ``/healthz`` measured in the same run (Django answering a fixed
   response through the whole middleware stack).

Targets (issue 13): the programme page at p95 < 100 ms, an edition page at p95 < 50 ms, warm, on
2 gunicorn workers. Prints a table and writes bench/results/results.json.
"""

import argparse
import datetime as dt
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from public_pages import (
    bench_environment,
    free_port,
    measure_http,
    setup_django,
    start_gunicorn,
    stop_gunicorn,
    wait_until_healthy,
)

RESULTS = ROOT / "bench" / "results" / "results.json"
TARGETS_MS = {"programme page": 100.0, "edition page": 50.0}
COUNTRIES = [
    "PL",
    "CZ",
    "SK",
    "DE",
    "AT",
    "HU",
    "LT",
    "LV",
    "EE",
    "FI",
    "SE",
    "DK",
    "ES",
    "PT",
    "FR",
    "IT",
    "BE",
    "NL",
    "RO",
    "BG",
]
KINDS = ["cluster", "company", "research", "authority", "agency", "association"]
STAGES = ["no_contact", "talks", "talks", "proposal", "agreement", "funded"]
RATINGS = ["cooperation", "cooperation", "informative", "no_interest", "not_held"]
BATCH = 2000


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--editions", type=int, default=21)
    parser.add_argument("--registrations", type=int, default=20_000)
    parser.add_argument("--meetings", type=int, default=60_000)
    parser.add_argument("--answers", type=int, default=30_000)
    parser.add_argument("--requests", type=int, default=400, help="measured requests per page")
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument(
        "--concurrency", type=int, default=1, help="client threads (1: latency alone)"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=13)
    return parser.parse_args(argv)


def migrate(env: dict) -> None:
    command = [sys.executable, "-m", "modus", "migrate", "--verbosity", "0"]
    completed = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    if completed.returncode != 0:
        sys.stderr.write(completed.stdout + completed.stderr)
        raise SystemExit("'modus migrate' failed")


def generate(args) -> dict:
    """The series, written in bulk (no signals: the figures are computed once, after)."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from modus.directory.models import Organisation
    from modus.events.models import Event, Registration
    from modus.matchmaking.models import MarketplaceProfile, Meeting, ScheduleVersion
    from modus.programmes.models import Programme
    from modus.results.models import FollowUpAnswer, MeetingRating

    rng = random.Random(args.seed)
    owner = Organisation.objects.create(slug="bench-owner", name="Bench office", kind="agency")
    programme = Programme.objects.create(
        slug="bench-series", name="Bench series", owner=owner, starts_on=dt.date(2020, 1, 1)
    )
    organisations = Organisation.objects.bulk_create(
        Organisation(
            slug=f"bench-org-{i}",
            name=f"Bench organisation {i}",
            kind=rng.choice(KINDS),
            country_code=rng.choice(COUNTRIES),
        )
        for i in range(max(200, args.registrations // 8))
    )
    people = max(100, args.registrations // 2)
    users = get_user_model().objects.bulk_create(
        get_user_model()(email=f"bench-{i}@example.org", full_name=f"Person {i}")
        for i in range(people)
    )
    employer = {user.pk: rng.choice(organisations) for user in users}
    today = timezone.localdate()
    events = []
    for number in range(args.editions):
        starts = today - dt.timedelta(days=30 * (args.editions - number) + 10)
        events.append(
            Event.objects.create(
                slug=f"bench-edition-{number + 1}",
                name=f"Bench edition {number + 1}",
                programme=programme,
                edition_number=number + 1,
                country_code=COUNTRIES[number % len(COUNTRIES)],
                starts_on=starts,
                ends_on=starts,
                status=Event.Status.PUBLISHED,
            )
        )
    per_event = args.registrations // args.editions
    registrations, profiles_by_event = [], {}
    for event in events:
        chosen = rng.sample(users, min(per_event, len(users)))
        for user in chosen:
            registrations.append(
                Registration(
                    event=event,
                    user=user,
                    organisation=employer[user.pk],
                    participant_role="cluster",
                    status=Registration.Status.CONFIRMED,
                    checked_in_at=timezone.now() if rng.random() < 0.8 else None,
                )
            )
        profiles_by_event[event.pk] = [
            MarketplaceProfile(event=event, user=user, organisation=employer[user.pk])
            for user in chosen
        ]
    Registration.objects.bulk_create(registrations, batch_size=BATCH)
    for event in events:
        profiles_by_event[event.pk] = MarketplaceProfile.objects.bulk_create(
            profiles_by_event[event.pk], batch_size=BATCH
        )
    per_meeting_event = args.meetings // args.editions
    Through = Meeting.participants.through
    meetings_all = []
    for event in events:
        version = ScheduleVersion.objects.create(
            event=event, status=ScheduleVersion.Status.PUBLISHED, published_at=timezone.now()
        )
        start = timezone.make_aware(dt.datetime.combine(event.starts_on, dt.time(10)))
        meetings = Meeting.objects.bulk_create(
            (
                Meeting(
                    version=version,
                    slot_id=f"s{i % 12}",
                    starts_at=start,
                    ends_at=start + dt.timedelta(minutes=25),
                    table=i % 200 + 1,
                )
                for i in range(per_meeting_event)
            ),
            batch_size=BATCH,
        )
        profiles = profiles_by_event[event.pk]
        links = []
        for meeting in meetings:
            first, second = rng.sample(profiles, 2)
            links += [
                Through(meeting_id=meeting.pk, marketplaceprofile_id=first.pk),
                Through(meeting_id=meeting.pk, marketplaceprofile_id=second.pk),
            ]
            meetings_all.append((meeting.pk, first.user_id, second.user_id))
        Through.objects.bulk_create(links, batch_size=BATCH)
    answered = rng.sample(meetings_all, min(len(meetings_all), args.answers // 2))
    ratings, follow_ups = [], []
    for meeting_id, first, second in answered:
        rating = rng.choice(RATINGS)
        stage = rng.choice(STAGES)
        for user_id in (first, second):
            ratings.append(MeetingRating(meeting_id=meeting_id, user_id=user_id, rating=rating))
            follow_ups.append(FollowUpAnswer(meeting_id=meeting_id, user_id=user_id, stage=stage))
    MeetingRating.objects.bulk_create(ratings, batch_size=BATCH)
    FollowUpAnswer.objects.bulk_create(follow_ups, batch_size=BATCH)
    return {
        "programme": programme,
        "events": events,
        "counts": {
            "editions": len(events),
            "organisations": len(organisations),
            "people": len(users),
            "registrations": len(registrations),
            "meetings": len(meetings_all),
            "follow_up_answers": len(follow_ups),
            "ratings": len(ratings),
        },
    }


def compute(programme, events) -> dict:
    from modus.results import services

    started = time.perf_counter()
    for event in events:
        services.recompute_edition(event)
    editions = time.perf_counter() - started
    started = time.perf_counter()
    services.recompute_programme(programme)
    programme_s = time.perf_counter() - started
    started = time.perf_counter()
    services.mark_stale(event_id=events[-1].pk)
    done = services.refresh_stale()
    refresh = time.perf_counter() - started
    return {
        "all_editions_s": editions,
        "one_edition_s": editions / len(events),
        "programme_s": programme_s,
        "refresh_one_change_s": refresh,
        "refreshed": done,
    }


def main(argv=None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="modus-bench-results-") as folder:
        data_dir = Path(folder)
        env = bench_environment(data_dir)
        migrate(env)
        setup_django(env)
        started = time.perf_counter()
        data = generate(args)
        generated = time.perf_counter() - started
        computed = compute(data["programme"], data["events"])
        slug = data["programme"].slug
        edition = max(data["events"], key=lambda e: e.pk).slug
        pages = [
            ("hello (/healthz)", "/healthz"),
            ("programme page", f"/results/programmes/{slug}/"),
            ("edition page", f"/results/events/{edition}/"),
            ("programme API", f"/api/v1/programmes/{slug}/results/"),
            ("edition API", f"/api/v1/events/{edition}/results/"),
        ]
        port = free_port()
        log_path = data_dir / "gunicorn.log"
        process = None
        measured = {}
        try:
            process = start_gunicorn(env, port, args.workers, log_path)
            wait_until_healthy(process, port, log_path)
            for name, path in pages:
                measured[name] = measure_http(
                    port,
                    path,
                    requests=args.requests,
                    concurrency=args.concurrency,
                    warmup=args.warmup,
                )
        finally:
            stop_gunicorn(process)
    base = measured["hello (/healthz)"]
    print(
        f"\nResults at scale: {data['counts']} (generated in {generated:.1f} s), "
        f"gunicorn {args.workers} workers, SQLite, {args.concurrency} client threads, "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    print(
        f"Figures: all {len(data['events'])} editions {computed['all_editions_s']:.1f} s "
        f"({computed['one_edition_s']:.2f} s each), programme {computed['programme_s']:.2f} s, "
        f"one change refreshed in {computed['refresh_one_change_s']:.2f} s"
    )
    print(f"{'page':<18}{'p50 ms':>9}{'p95 ms':>9}{'req/s':>8}{'x hello p95':>13}{'target':>10}")
    passed = True
    for name, _path in pages:
        row = measured[name]
        target = TARGETS_MS.get(name)
        verdict = ""
        if target is not None:
            ok = row["p95_ms"] < target and not row["errors"]
            passed &= ok
            verdict = f"<{target:.0f} {'ok' if ok else 'MISSED'}"
        print(
            f"{name:<18}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}{row['rps']:>8.0f}"
            f"{row['p95_ms'] / base['p95_ms']:>13.1f}{verdict:>10}"
            + (f"  errors: {row['errors']}" if row["errors"] else "")
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "machine": {
                    "python": platform.python_version(),
                    "cpus": os.cpu_count(),
                    "load_average": os.getloadavg()[0],
                },
                "settings": vars(args),
                "counts": data["counts"],
                "generated_s": generated,
                "computed": computed,
                "pages": measured,
                "targets_ms": TARGETS_MS,
                "passed": passed,
            },
            indent=2,
        )
    )
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
