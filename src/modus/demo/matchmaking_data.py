"""The Katowice matchmaking day: about 120 invented participants, their requests, a schedule.

Day 2's matchmaking session (9:00–11:00) is cut into 20-minute slots at 40 tables. The people
are invented ("participant-NNN@demo.modus.invalid") and come from the directory's synthetic
organisations, which sit in real regions and real industrial ecosystems; where the demo has
fewer synthetic organisations than needed, the missing ones are made the same way under their
own slugs. Everything follows from fixed seeds, so a second load finds it all in place and
changes nothing. The schedule is computed by the engine and published without e-mails.
"""

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from modus.directory.models import Ecosystem, Organisation, Region
from modus.events.models import Event, Registration, Session
from modus.matchmaking.models import (
    Availability,
    MarketplaceProfile,
    MatchmakingSettings,
    MeetingRequest,
    ScheduleVersion,
)
from modus.matchmaking.selectors import slots
from modus.matchmaking.services import build_instance, store_version
from modus.scheduling import solve

from . import synthetic
from .event_agenda import KATOWICE_SLUG, WARSAW

PARTICIPANTS = 120
ORGANISATIONS = 60
EMAIL = "participant-{:03d}@demo.modus.invalid"
EXTRA_SLUG = "demo-matchmaking-{:03d}"
SEED = "katowice-2022-matchmaking"
SLOT_MINUTES = 20
TABLES = 40
ANSWERED_AT = dt.datetime(2022, 11, 4, 12, 0, tzinfo=WARSAW)

FIRST_NAMES = [
    "Anna", "Jan", "Eva", "Tomasz", "Marta", "Lukas", "Sofia", "Pierre", "Giulia", "Mateo",
    "Ingrid", "Pavel", "Zuzana", "Henrik", "Laura", "Andrei", "Katarina", "Miguel", "Elena",
    "Jonas", "Petra", "Marek", "Chiara", "Nils",
]  # fmt: skip
LAST_NAMES = [
    "Nowak", "Dvořák", "Schmidt", "Rossi", "García", "Novák", "Kowalska", "Dubois", "Jensen",
    "Horváth", "Popescu", "Virtanen", "Silva", "Lindqvist", "Janssens", "Kovač", "Bauer",
    "Moreau", "Esposito", "Wiśniewski",
]  # fmt: skip
OFFERS = [
    "Test facilities and engineers for {tech}; we can host pilots at short notice.",
    "Ten years of applied work in {tech}, and SME members ready to join consortia.",
    "A regional network of {tech} companies and a matchmaking service of our own.",
    "Prototyping capacity in {tech} and experience as coordinator of EU projects.",
    "Access to our regional innovation voucher scheme for {tech} projects.",
]
SEEKS = [
    "A partner for a Horizon Europe proposal on {tech}.",
    "Clusters abroad to open a joint internationalisation route for {tech} firms.",
    "Research groups to validate {tech} results with industry.",
    "Regions interested in an interregional investment project on {tech}.",
    "Investors who follow early-stage {tech} companies.",
]
MESSAGES = [
    "Your offer fits what we are building; could we compare notes in Katowice?",
    "We are preparing a consortium and would like to hear about your work.",
    "I think our members could use your facilities. Shall we meet?",
    "Interested in a joint application next spring. Twenty minutes would help a lot.",
]


def load(*, log=print) -> None:
    event = Event.objects.filter(slug=KATOWICE_SLUG).first()
    session = Session.objects.filter(event=event, slug="matchmaking").first() if event else None
    if session is None:
        log("Katowice matchmaking: the agenda is missing, skipped.")
        return
    with transaction.atomic():
        mm_settings = _settings(event, session)
        organisations = _organisations()
        profiles = _participants(event, organisations)
        requests = _requests(event, profiles)
        _availability(profiles, mm_settings)
        published = _schedule(event)
    log(
        f"Katowice matchmaking: {len(profiles)} participants, {requests} requests, "
        f"{published.meetings.count()} meetings published."
    )


def _settings(event: Event, session: Session) -> MatchmakingSettings:
    start = timezone.localtime(session.starts_at, WARSAW)
    end = timezone.localtime(session.ends_at, WARSAW)
    mm_settings, _created = MatchmakingSettings.objects.get_or_create(
        event=event,
        defaults={
            "enabled": True,
            "windows": [
                {"day": start.date().isoformat(), "start": f"{start:%H:%M}", "end": f"{end:%H:%M}"}
            ],
            "slot_minutes": SLOT_MINUTES,
            "tables": TABLES,
            "max_meetings": 5,
            "request_deadline": dt.datetime(2022, 11, 4, 18, 0, tzinfo=WARSAW),
        },
    )
    return mm_settings


def _organisations() -> list[Organisation]:
    """Synthetic organisations 1..ORGANISATIONS, or look-alikes under our own slugs."""
    numbers = range(1, ORGANISATIONS + 1)
    wanted = {synthetic.synthetic_slug(n): n for n in numbers}
    found = Organisation.objects.in_bulk(list(wanted), field_name="slug")
    extra = {EXTRA_SLUG.format(n): n for slug, n in wanted.items() if slug not in found}
    found_extra = Organisation.objects.in_bulk(list(extra), field_name="slug")
    missing = [slug for slug in extra if slug not in found_extra]
    if missing:
        regions = sorted(
            (r for r in Region.objects.all() if r.level == 3 and not r.code.endswith("Z")),
            key=lambda r: r.code,
        )
        ecosystems = {e.key: e for e in Ecosystem.objects.all()}
        through = Organisation.ecosystems.through
        links = []
        for slug in missing:
            organisation, chosen = synthetic.build_organisation(
                extra[slug], seed=2022, regions=regions, ecosystems=ecosystems
            )
            organisation.slug = slug
            organisation.website = f"https://{slug}.example.org"
            organisation.email = f"contact@{slug}.example.org"
            organisation.save()
            links += [through(organisation_id=organisation.pk, ecosystem_id=e.pk) for e in chosen]
            found_extra[slug] = organisation
        through.objects.bulk_create(links)
    by_number = {n: found[slug] for slug, n in wanted.items() if slug in found}
    by_number.update({n: found_extra[slug] for slug, n in extra.items()})
    return [by_number[n] for n in numbers]


def _participants(event: Event, organisations: list[Organisation]) -> list[MarketplaceProfile]:
    User = get_user_model()
    emails = [EMAIL.format(n) for n in range(1, PARTICIPANTS + 1)]
    users = User.objects.in_bulk(emails, field_name="email")
    rng = random.Random(f"{SEED}:people")
    names = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in emails]
    new_users = [
        User(email=email, full_name=name, password=make_password(None))
        for email, name in zip(emails, names, strict=True)
        if email not in users
    ]
    User.objects.bulk_create(new_users)
    users = User.objects.in_bulk(emails, field_name="email")
    org_of = {email: organisations[k // 2] for k, email in enumerate(emails)}
    registered = set(
        Registration.objects.filter(event=event, user__email__in=emails).values_list(
            "user__email", flat=True
        )
    )
    roles = {
        Organisation.Kind.CLUSTER: Registration.ParticipantRole.CLUSTER_MANAGER,
        Organisation.Kind.COMPANY: Registration.ParticipantRole.COMPANY,
        Organisation.Kind.RESEARCH: Registration.ParticipantRole.RESEARCHER,
        Organisation.Kind.AUTHORITY: Registration.ParticipantRole.POLICYMAKER,
    }
    Registration.objects.bulk_create(
        [
            Registration(
                event=event,
                user=users[email],
                organisation=org_of[email],
                participant_role=roles.get(org_of[email].kind, Registration.ParticipantRole.OTHER),
                status=Registration.Status.CONFIRMED,
            )
            for email in emails
            if email not in registered
        ]
    )
    profiles = {
        p.user.email: p
        for p in MarketplaceProfile.objects.filter(
            event=event, user__email__in=emails
        ).select_related("user")
    }
    new_profiles = []
    for k, email in enumerate(emails):
        if email in profiles:
            continue
        organisation = org_of[email]
        tech = (organisation.technology_fields or ["cluster cooperation"])[0]
        text_rng = random.Random(f"{SEED}:profile:{k}")
        new_profiles.append(
            MarketplaceProfile(
                event=event,
                user=users[email],
                organisation=organisation,
                offers=text_rng.choice(OFFERS).format(tech=tech),
                seeks=text_rng.choice(SEEKS).format(tech=tech),
                opted_in=True,
            )
        )
    if new_profiles:
        MarketplaceProfile.objects.bulk_create(new_profiles)
        through = MarketplaceProfile.ecosystems.through
        created = MarketplaceProfile.objects.filter(
            event=event, user__email__in=[p.user.email for p in new_profiles]
        ).select_related("organisation")
        org_ecosystems = Organisation.ecosystems.through.objects.filter(
            organisation__in=[p.organisation_id for p in created]
        ).values_list("organisation_id", "ecosystem_id")
        by_org = {}
        for org_id, eco_id in org_ecosystems:
            by_org.setdefault(org_id, []).append(eco_id)
        through.objects.bulk_create(
            [
                through(marketplaceprofile_id=p.pk, ecosystem_id=eco_id)
                for p in created
                for eco_id in sorted(by_org.get(p.organisation_id, []))
            ]
        )
    return list(
        MarketplaceProfile.objects.filter(event=event, user__email__in=emails).order_by(
            "user__email"
        )
    )


def _requests(event: Event, profiles: list[MarketplaceProfile]) -> int:
    """Each participant asks two to four others; a third of them ask back (mutual interest)."""
    rng = random.Random(f"{SEED}:requests")
    existing = set(
        MeetingRequest.objects.filter(event=event).values_list("from_profile_id", "to_profile_id")
    )
    planned = {}
    count = len(profiles)
    for k, sender in enumerate(profiles):
        targets = rng.sample([j for j in range(count) if j != k], rng.randint(2, 4))
        for j in targets:
            receiver = profiles[j]
            roll = rng.random()
            if roll < 0.6:
                status = MeetingRequest.Status.ACCEPTED
            elif roll < 0.75:
                status = MeetingRequest.Status.DECLINED
            else:
                status = MeetingRequest.Status.PENDING
            planned.setdefault((sender.pk, receiver.pk), (status, rng.choice(MESSAGES)))
            if rng.random() < 0.3 and (receiver.pk, sender.pk) not in planned:
                planned[(receiver.pk, sender.pk)] = (
                    MeetingRequest.Status.PENDING,
                    rng.choice(MESSAGES),
                )
    MeetingRequest.objects.bulk_create(
        [
            MeetingRequest(
                event=event,
                from_profile_id=first,
                to_profile_id=second,
                message=message,
                status=status,
                responded_at=None if status == MeetingRequest.Status.PENDING else ANSWERED_AT,
            )
            for (first, second), (status, message) in planned.items()
            if (first, second) not in existing
        ]
    )
    return len(planned)


def _availability(profiles: list[MarketplaceProfile], mm_settings) -> None:
    """A few arrive late or leave early."""
    slot_ids = [slot.id for slot in slots(mm_settings)]
    rng = random.Random(f"{SEED}:availability")
    have = set(
        Availability.objects.filter(profile__in=profiles).values_list("profile_id", flat=True)
    )
    rows = []
    for profile in profiles:
        roll = rng.random()
        if roll < 0.05:
            unavailable = slot_ids[:1]
        elif roll < 0.1:
            unavailable = slot_ids[-2:]
        else:
            continue
        if profile.pk not in have:
            rows.append(Availability(profile=profile, unavailable=unavailable))
    Availability.objects.bulk_create(rows)


def _schedule(event: Event) -> ScheduleVersion:
    """The engine's schedule, published once (without e-mails to invented addresses)."""
    published = ScheduleVersion.objects.filter(
        event=event, status=ScheduleVersion.Status.PUBLISHED
    ).first()
    if published is not None:
        return published
    instance = build_instance(event)
    result = solve(instance, time_limit=2.0, seed=2022)
    stats = dict(result.get("stats") or {})
    weights = {m["id"]: m["weight"] for m in instance["meetings"]}
    version = store_version(
        event,
        actor=None,
        instance=instance,
        schedule=result,
        stats={
            "engine": stats,
            "requested": len(instance["meetings"]),
            "placed": len(result["assignments"]),
            "weight": sum(weights[a["meeting"]] for a in result["assignments"]),
            "max_weight": sum(weights.values()),
            "bound": stats.get("upper_bound"),
            "unplaced": [
                {"meeting": mid, "with": [], "reason": result["reasons"].get(mid, "")}
                for mid in result["unscheduled"]
            ],
        },
    )
    version.status = ScheduleVersion.Status.PUBLISHED
    version.published_at = dt.datetime(2022, 11, 5, 9, 0, tzinfo=WARSAW)
    version.save(update_fields=["status", "published_at"])
    return version
