"""The results of the demo's series: Katowice's figures from its own data (ratings right after
the event, follow-ups six months later), Košice's published figures with their source, and
invented figures, marked so, for the other past editions: the programme page then shows trends,
a map and a funnel. Idempotent: answers are keyed by meeting and person, figures by edition."""

import datetime as dt
import random

from django.utils import timezone

from modus.directory.models import Ecosystem
from modus.events.models import Event
from modus.matchmaking.models import Meeting, ScheduleVersion
from modus.programmes.models import Programme
from modus.results import services
from modus.results.models import (
    EventAnswer,
    FollowUpAnswer,
    Invitation,
    MeetingRating,
    Rating,
    ResultSnapshot,
    Stage,
)

from .programme_data import KATOWICE_SLUG, PROGRAMME_SLUG

__all__ = ["KATOWICE_SLUG", "KOSICE_SLUG", "PROGRAMME_SLUG", "load"]

KOSICE_SLUG = "clusters-meet-regions-kosice-2023"
KOSICE_SOURCE = (
    "Hemp Cluster's news post of 4 July 2023 on the Košice edition: more than 330 registered "
    "(clusters, companies, national and regional administrations, support organisations); 145 "
    "meetings in a hybrid B2B matchmaking."
)
# The priorities the editions' own summaries name (the demo's, for the figures by ecosystem).
ECOSYSTEMS = {
    KATOWICE_SLUG: ["energy-renewables", "health", "digital"],
    "clusters-meet-regions-krakow-2023": ["aerospace-defence", "health", "digital"],
    "clusters-meet-regions-vaasa-2025": ["energy-renewables"],
    "clusters-meet-regions-milan-2024": ["digital", "energy-intensive"],
    "clusters-meet-regions-zagreb-2022": ["digital"],
    "clusters-meet-regions-barcelona-2022": ["agri-food", "mobility-transport-automotive"],
}
NEIGHBOURS = ["PL", "CZ", "SK", "DE", "AT", "HU", "LT", "ES", "IT", "FR", "RO", "BG", "UA", "FI"]
RATINGS = [Rating.COOPERATION, Rating.INFORMATIVE, Rating.INFORMATIVE, Rating.NO_INTEREST]
STAGES = [Stage.TALKS, Stage.TALKS, Stage.NO_CONTACT, Stage.PROPOSAL, Stage.AGREEMENT]


def load(*, log=print) -> None:
    programme = Programme.objects.filter(slug=PROGRAMME_SLUG).first()
    if programme is None:
        log("Results: the programme is missing, skipped.")
        return
    keys = {key for keys in ECOSYSTEMS.values() for key in keys}
    ecosystems = {e.key: e for e in Ecosystem.objects.filter(key__in=keys)}
    for slug, wanted in ECOSYSTEMS.items():
        event = Event.objects.filter(slug=slug).first()
        if event is not None:
            event.ecosystems.add(*[ecosystems[key] for key in wanted if key in ecosystems])
    answers = _katowice_answers()
    invented = 0
    today = timezone.localdate()
    for event in Event.objects.filter(programme=programme, starts_on__lte=today):
        if event.slug == KATOWICE_SLUG:
            continue
        if event.slug == KOSICE_SLUG:
            services.store_given_figures(
                event,
                _published_kosice(event),
                origin=ResultSnapshot.Origin.PUBLISHED,
                source=KOSICE_SOURCE,
            )
            continue
        services.store_given_figures(
            event, invented_figures(event), origin=ResultSnapshot.Origin.INVENTED, source=""
        )
        invented += 1
    katowice = Event.objects.filter(slug=KATOWICE_SLUG).first()
    if katowice is not None:
        services.recompute_edition(katowice)
    services.recompute_programme(programme)
    log(
        f"Results: Katowice from its data ({answers} answers), Košice published, "
        f"{invented} editions invented (marked so)."
    )


def _edition(event) -> dict:
    return {
        "name": event.name,
        "slug": event.slug,
        "edition_number": str(event.edition_number or ""),
        "starts_on": event.starts_on.isoformat(),
        "country_code": event.country_code,
        "region": (event.region_id or "")[:4],
    }


def _published_kosice(event) -> dict:
    return {
        "edition": _edition(event),
        "participation": {"registered": 330},
        "b2b": {"scheduled": 145, "funnel": {"meetings": 145}},
    }


def invented_figures(event) -> dict:
    """Plausible figures for an edition, the same on every run (seeded by its number)."""
    rng = random.Random(f"results-{event.slug}")
    registered = rng.randint(140, 320)
    organisations = int(registered * rng.uniform(0.6, 0.8))
    home = event.country_code or "BE"
    others = rng.sample([c for c in NEIGHBOURS if c != home], rng.randint(5, 9))
    by_country = {home: int(registered * rng.uniform(0.35, 0.5))}
    rest = registered - by_country[home]
    for index, country in enumerate(others):
        share = rest // (len(others) - index) if index < len(others) - 1 else rest
        share = max(1, int(share * rng.uniform(0.6, 1.2))) if index < len(others) - 1 else rest
        by_country[country] = max(0, share)
        rest -= by_country[country]
    scheduled = rng.randint(60, 190)
    cooperation = int(scheduled * rng.uniform(0.25, 0.4))
    talks = int(cooperation * rng.uniform(0.5, 0.7))
    agreement = int(talks * rng.uniform(0.2, 0.4))
    funded = int(agreement * rng.uniform(0.2, 0.5))
    pairs = {}
    for country in [home, *others[:4]]:
        for other in [home, *others[:3]]:
            pair = "-".join(sorted({country, other})) if country != other else f"{home}-{home}"
            meetings = rng.randint(3, 25)
            pairs.setdefault(pair, {"meetings": meetings, "cooperation": int(meetings * 0.3)})
    kinds = {"cluster": int(organisations * 0.4), "company": int(organisations * 0.3)}
    kinds["authority"] = int(organisations * 0.12)
    kinds["research"] = int(organisations * 0.1)
    kinds["agency"] = organisations - sum(kinds.values())
    held = int(scheduled * rng.uniform(0.85, 0.95))
    return {
        "edition": _edition(event),
        "participation": {
            "registered": registered,
            "checked_in": int(registered * rng.uniform(0.75, 0.9)),
            "organisations": organisations,
            "countries": len(by_country),
            "regions": rng.randint(12, 30),
            "kinds": kinds,
            "by_country": by_country,
        },
        "agenda": {"sessions": rng.randint(8, 16), "speakers": rng.randint(15, 35)},
        "b2b": {
            "requests": int(scheduled * rng.uniform(1.6, 2.2)),
            "accepted": int(scheduled * 1.1),
            "scheduled": scheduled,
            "held": held,
            "meetings_per_participant": round(2 * scheduled / organisations, 2),
            "cross_border": int(scheduled * 0.7),
            "known_borders": scheduled,
            "ratings": {
                "not_held": scheduled - held,
                "no_interest": int(held * 0.15),
                "informative": held - cooperation - int(held * 0.15),
                "cooperation": cooperation,
            },
            "funnel": {
                "meetings": scheduled,
                "cooperation": cooperation,
                "talks": talks,
                "agreement": agreement,
                "funded": funded,
            },
            "country_pairs": pairs,
        },
        "pitches": {"submitted": rng.randint(10, 24), "selected": 8, "votes": rng.randint(60, 200)},
    }


def _katowice_answers() -> int:
    """Ratings of Katowice's meetings by both sides, then follow-ups on the promising ones, and
    a few answers on the event: the same on every run (seeded by the meeting)."""
    event = Event.objects.filter(slug=KATOWICE_SLUG).first()
    if event is None:
        return 0
    meetings = (
        Meeting.objects.filter(
            version__event=event,
            version__status=ScheduleVersion.Status.PUBLISHED,
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .prefetch_related("participants")
        .order_by("pk")
    )
    # The same calendar as the platform's own job: feedback right after, the follow-up six
    # months later to the sides of promising meetings, both open until the follow-up closes.
    closes = services.closes(event)
    answered = {
        Invitation.Kind.FEEDBACK: timezone.make_aware(dt.datetime(2022, 11, 15, 10, 0)),
        Invitation.Kind.FOLLOW_UP: services.follow_up_opens(event) + dt.timedelta(days=10),
    }
    count = 0
    people = set()
    followed = set()
    for meeting in meetings:
        rng = random.Random(f"katowice-{meeting.slot_id}-{meeting.table}")
        rating = rng.choice(RATINGS)
        for profile in meeting.participants.all():
            people.add(profile.user_id)
            MeetingRating.objects.get_or_create(
                meeting=meeting, user_id=profile.user_id, defaults={"rating": rating}
            )
            count += 1
            if rating == Rating.COOPERATION:
                FollowUpAnswer.objects.get_or_create(
                    meeting=meeting,
                    user_id=profile.user_id,
                    defaults={"stage": rng.choice(STAGES)},
                )
                followed.add(profile.user_id)
                count += 1
    for index, user_id in enumerate(sorted(people)):
        kinds = [Invitation.Kind.FEEDBACK]
        if user_id in followed:
            kinds.append(Invitation.Kind.FOLLOW_UP)
        for kind in kinds:
            Invitation.objects.get_or_create(
                kind=kind,
                event=event,
                user_id=user_id,
                defaults={"closes_at": closes, "answered_at": answered[kind]},
            )
        EventAnswer.objects.get_or_create(
            event=event,
            user_id=user_id,
            defaults={"usefulness": 3 + index % 3, "would_return": index % 4 != 0},
        )
    return count
