#!/usr/bin/env python3
"""Suggested meetings: quality against baselines, background compute time and serving time.

    .venv/bin/python bench/suggestions.py [--participants 2000] [--planted 400] [--seed 2026]
                                          [--requests 300]

Builds a throw-away SQLite data folder, generates an event (bench/suggestion_data.py) in which
some participants request, in other words, what another one offers (the planted pairs), and
writes it to the database through the models: organisations in real NUTS regions (some regions
with smart-specialisation priorities), registrations, marketplace profiles and opportunities.
Then:

1. computes the suggestions as the background task does (``compute_suggestions_task``), timed;
2. reads the stored top 10 of every participant and scores it against the planted pairs, which
   only this script holds (the engine reads the database, never them): recall@10 is the share of
   planted pairs whose offerer is in the requester's top 10; it is printed next to two baselines
   measured in the same run on the same event: 10 random partners, and the 10 who share most
   ecosystems (ties broken at random); both leave out one's own organisation, as the engine does;
3. serves one's own suggestions through the API (``/api/v1/events/<slug>/suggestions/``, Django's
   test client, one request at a time, impressions logged as in production) and compares it
   with ``/healthz`` through the same client.

Targets (issue 14): recall@10 >= 0.8 and >= 2x the same-ecosystem baseline; the computation
for 2,000 participants under 60 s on 2 cores; served at p95 under 50 ms. Prints a table and
writes the figures to bench/results/suggestions.json.
"""

import argparse
import datetime as dt
import json
import math
import os
import platform
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "suggestions.json"
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from suggestion_data import generate

K = 10
TARGET_RECALL = 0.8
TARGET_OVER_SAME_ECOSYSTEM = 2.0
TARGET_COMPUTE_S = 60.0
TARGET_P95_MS = 50.0
PRIORITY_REGIONS = 8


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=2000)
    parser.add_argument("--planted", type=int, default=400, help="planted pairs")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--requests", type=int, default=300, help="measured API requests")
    return parser.parse_args(argv)


def percentile(values, share):
    ordered = sorted(values)
    rank = min(len(ordered), max(1, math.ceil(share * len(ordered))))
    return ordered[rank - 1]


def setup_django(data_dir: Path) -> None:
    for key in ("DATABASE_URL", "MODUS_REDIS_URL", "REDIS_URL", "MODUS_CELERY_BROKER_URL"):
        os.environ.pop(key, None)
    os.environ.update(
        MODUS_DATA_DIR=str(data_dir),
        DJANGO_SETTINGS_MODULE="modus.settings",
        MODUS_DEBUG="0",
        MODUS_LOG_LEVEL="WARNING",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


# --- writing the generated event ---------------------------------------------------------------


def build_event(people, seed):
    """The generated event in the database; returns (event, {person number: profile})."""
    # Django is set up by now; these imports need it.
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from modus.directory.models import (
        Ecosystem,
        Organisation,
        Region,
        SmartSpecialisationPriority,
    )
    from modus.directory.services import load_regions
    from modus.events.models import Event, Registration
    from modus.matchmaking.models import MarketplaceProfile, MatchmakingSettings
    from modus.partners.models import Opportunity, OpportunityKind

    rng = random.Random(f"{seed}:database")
    load_regions()
    ecosystems = {e.key: e for e in Ecosystem.objects.all()}
    regions = defaultdict(list)
    for region in Region.objects.filter(level=2).order_by("code"):
        if not region.code.endswith("Z"):
            regions[region.country_code].append(region)
    today = timezone.localdate()
    event = Event.objects.create(
        slug="bench-suggested-meetings",
        name="Bench: suggested meetings",
        starts_on=today + dt.timedelta(days=30),
        ends_on=today + dt.timedelta(days=31),
        status=Event.Status.PUBLISHED,
    )
    MatchmakingSettings.objects.create(event=event, enabled=True, slot_minutes=30, tables=400)

    first_person = {}
    for person in people:
        first_person.setdefault(person.organisation, person)
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                slug=f"bench-organisation-{number}",
                name=f"Bench organisation {number}",
                kind=rng.choice([Organisation.Kind.CLUSTER, Organisation.Kind.COMPANY]),
                country_code=person.country,
                region=rng.choice(regions[person.country]) if regions[person.country] else None,
            )
            for number, person in sorted(first_person.items())
        ]
    )
    organisation_of = dict(zip(sorted(first_person), organisations, strict=True))
    # Some regions have smart-specialisation priorities in the event's ecosystems.
    with_regions = [o.region for o in organisations if o.region]
    for position, region in enumerate(rng.sample(with_regions, PRIORITY_REGIONS)):
        priority = SmartSpecialisationPriority.objects.create(
            region=region, title=f"Priority {position + 1}", position=1
        )
        priority.ecosystems.set(rng.sample(list(ecosystems.values()), 2))

    users = get_user_model().objects.bulk_create(
        [
            get_user_model()(
                email=f"bench-{p.number:05d}@example.invalid",
                full_name=f"Participant {p.number}",
                password=make_password(None),
            )
            for p in people
        ]
    )
    Registration.objects.bulk_create(
        [
            Registration(
                event=event,
                user=user,
                organisation=organisation_of[p.organisation],
                participant_role=Registration.ParticipantRole.CLUSTER_MANAGER,
                status=Registration.Status.CONFIRMED,
            )
            for p, user in zip(people, users, strict=True)
        ]
    )
    profiles = MarketplaceProfile.objects.bulk_create(
        [
            MarketplaceProfile(
                event=event,
                user=user,
                organisation=organisation_of[p.organisation],
                offers=p.filler + ("" if p.offer_as_opportunity else " " + p.offer.text),
                seeks="" if p.seek_as_opportunity else p.seek.text,
            )
            for p, user in zip(people, users, strict=True)
        ]
    )
    through = MarketplaceProfile.ecosystems.through
    through.objects.bulk_create(
        [
            through(marketplaceprofile_id=profile.pk, ecosystem_id=ecosystems[key].pk)
            for p, profile in zip(people, profiles, strict=True)
            for key in p.ecosystems
        ]
    )
    kinds = {k.key: k for k in OpportunityKind.objects.filter(event=None)}
    opportunities = []
    for p, user in zip(people, users, strict=True):
        for need, wanted, kind in (
            (p.offer, p.offer_as_opportunity, "offer"),
            (p.seek, p.seek_as_opportunity, "request"),
        ):
            if wanted:
                opportunities.append(
                    Opportunity(
                        organisation=organisation_of[p.organisation],
                        author=user,
                        event=event,
                        kind=kinds[kind],
                        title=need.title,
                        description=need.text,
                        target_countries=p.target_countries,
                        expires_on=today + dt.timedelta(days=60),
                        status=Opportunity.Status.PUBLISHED,
                    )
                )
    Opportunity.objects.bulk_create(opportunities, batch_size=500)
    return event, {p.number: profile for p, profile in zip(people, profiles, strict=True)}


# --- quality ---------------------------------------------------------------------------------


def stored_tops(event, number_of):
    from modus.partners.models import Suggestion

    tops = defaultdict(list)
    rows = (
        Suggestion.objects.filter(profile__event=event)
        .order_by("profile", "rank")
        .values_list("profile_id", "candidate_id")
    )
    for profile_id, candidate_id in rows:
        tops[number_of[profile_id]].append(number_of[candidate_id])
    return tops


def recall(tops, pairs):
    forward = sum(b in tops.get(a, [])[:K] for a, b in pairs) / len(pairs)
    backward = sum(a in tops.get(b, [])[:K] for a, b in pairs) / len(pairs)
    return forward, backward


def baseline_tops(people, seed):
    """Random partners, and those who share most ecosystems; one's own organisation left out."""
    rng = np.random.default_rng(seed)
    n = len(people)
    keys = sorted({key for p in people for key in p.ecosystems})
    eco = np.zeros((n, len(keys)))
    for i, p in enumerate(people):
        for key in p.ecosystems:
            eco[i, keys.index(key)] = 1
    shared = eco @ eco.T
    sizes = eco.sum(axis=1)
    jaccard = shared / np.maximum(sizes[:, None] + sizes[None, :] - shared, 1)
    organisations = np.array([p.organisation for p in people])
    own = organisations[:, None] == organisations[None, :]
    same = jaccard + rng.random((n, n)) * 1e-6  # ties broken at random
    same[own] = -1
    noise = rng.random((n, n))
    noise[own] = -1
    pick = {}
    for name, score in (("same ecosystem", same), ("random", noise)):
        top = np.argpartition(-score, K, axis=1)[:, :K]
        pick[name] = {i: [int(j) for j in top[i]] for i in range(n)}
    return pick


# --- serving ---------------------------------------------------------------------------------


def serve(event, profiles, requests, seed):
    from django.test import Client

    client = Client()
    sample = random.Random(seed).sample(list(profiles.values()), min(requests, len(profiles)))
    timings = {"healthz": [], "suggestions API": []}
    for _ in range(len(sample)):
        started = time.perf_counter()
        assert client.get("/healthz").status_code == 200
        timings["healthz"].append(time.perf_counter() - started)
    url = f"/api/v1/events/{event.slug}/suggestions/"
    served = 0
    for profile in sample:
        client.force_login(profile.user)
        started = time.perf_counter()
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        timings["suggestions API"].append(time.perf_counter() - started)
        assert response.status_code == 200, response.content
        served += len(response.json())
    return timings, served / len(sample)


def main(argv=None):
    args = parse_args(argv)
    people, pairs = generate(participants=args.participants, planted=args.planted, seed=args.seed)
    with tempfile.TemporaryDirectory(prefix="modus-bench-suggestions-") as data_dir:
        setup_django(Path(data_dir))
        from modus.partners.tasks import compute_suggestions_task

        started = time.perf_counter()
        event, profiles = build_event(people, args.seed)
        build_s = time.perf_counter() - started
        load = os.getloadavg()
        started = time.perf_counter()
        stored = compute_suggestions_task(event.pk)  # what the background worker runs
        compute_s = time.perf_counter() - started
        number_of = {profile.pk: number for number, profile in profiles.items()}
        tops = stored_tops(event, number_of)
        timings, shown = serve(event, profiles, args.requests, args.seed)

    engine_recall, backward = recall(tops, pairs)
    baselines = {
        name: recall(top, pairs)[0] for name, top in baseline_tops(people, args.seed).items()
    }
    same = baselines["same ecosystem"]
    quality_met = (
        engine_recall >= TARGET_RECALL and engine_recall >= TARGET_OVER_SAME_ECOSYSTEM * same
    )
    serving = {
        name: {
            "p50_ms": percentile(values, 0.5) * 1000,
            "p95_ms": percentile(values, 0.95) * 1000,
            "max_ms": max(values) * 1000,
        }
        for name, values in timings.items()
    }
    api = serving["suggestions API"]

    def verdict(ok):
        return "met" if ok else "MISSED"

    print(
        f"Suggested meetings: {len(people)} participants, {len(pairs)} planted pairs, "
        f"seed {args.seed}, top {K} (load average before computing: {load[0]:.1f})"
    )
    print(f"  event written to SQLite in {build_s:.1f} s; {stored} suggestions stored")
    print(f"\n{'quality':<40} {'recall@10':>9} {'x random':>9} {'x same eco':>10}")
    rows = [
        ("engine: requester sees the offerer", engine_recall),
        ("engine: offerer sees the requester", backward),
        ("baseline: same ecosystem", same),
        ("baseline: random", baselines["random"]),
    ]
    for label, value in rows:
        over_random = value / baselines["random"] if baselines["random"] else float("inf")
        over_same = value / same if same else float("inf")
        print(f"{label:<40} {value:>9.3f} {over_random:>9.1f} {over_same:>10.1f}")
    print(
        f"target recall@10 >= {TARGET_RECALL} and >= {TARGET_OVER_SAME_ECOSYSTEM:g}x same "
        f"ecosystem: {verdict(quality_met)}"
    )
    print(f"\n{'speed':<40} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>10}")
    for name, figures in serving.items():
        print(
            f"{'served: ' + name:<40} {figures['p50_ms']:>9.1f} {figures['p95_ms']:>9.1f} "
            f"{figures['max_ms']:>10.1f}"
        )
    ratio = api["p95_ms"] / serving["healthz"]["p95_ms"]
    print(f"suggestions API p95 / healthz p95: {ratio:.1f}; {shown:.1f} suggestions a response")
    print(f"target served p95 < {TARGET_P95_MS:g} ms: {verdict(api['p95_ms'] < TARGET_P95_MS)}")
    print(
        f"computed in the background in {compute_s:.1f} s on {os.cpu_count()} cores; target < "
        f"{TARGET_COMPUTE_S:g} s: {verdict(compute_s < TARGET_COMPUTE_S)}"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "participants": len(people),
                "planted_pairs": len(pairs),
                "seed": args.seed,
                "recall_at_10": engine_recall,
                "recall_at_10_offerer_side": backward,
                "baselines": baselines,
                "quality_target_met": quality_met,
                "compute_s": compute_s,
                "build_s": build_s,
                "serving": serving,
                "suggestions_per_response": shown,
                "load_average": load,
                "machine": platform.platform(),
                "cpus": os.cpu_count(),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
