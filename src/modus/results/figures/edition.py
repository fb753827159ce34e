"""The figures of one edition."""

from collections import Counter

from modus.events import selectors as events
from modus.matchmaking import selectors as matchmaking
from modus.selection import selectors as selection

from ..models import EventAnswer, FollowUpAnswer, MeetingRating, Rating, Stage

# The existing outcomes of matchmaking feed the same funnel: one truth.
OUTCOME_STAGE = {
    "none": Stage.NO_CONTACT,
    "follow_up": Stage.TALKS,
    "joint_project": Stage.PROPOSAL,
    "letter_of_intent": Stage.AGREEMENT,
    "memorandum": Stage.AGREEMENT,
}
STAGE_ORDER = {stage: index for index, stage in enumerate(Stage.values)}
FUNNEL = ("meetings", "cooperation", "talks", "agreement", "funded")


def nuts2(code: str) -> str:
    """The NUTS-2 region a NUTS code of level 2 or below lies in ('PL22A' → 'PL22')."""
    return code[:4] if len(code) >= 4 else ""


def _registration_figures(rows: list[dict]) -> dict:
    organisations = {row["organisation"]: row for row in rows if row["organisation"]}
    return {
        "registered": len(rows),
        "checked_in": sum(1 for row in rows if row["checked_in"]),
        "organisations": len(organisations),
        "countries": len({o["country"] for o in organisations.values() if o["country"]}),
        "regions": len({nuts2(o["region"]) for o in organisations.values() if nuts2(o["region"])}),
        "kinds": dict(Counter(o["kind"] or "other" for o in organisations.values())),
        "by_country": dict(Counter(row["country"] for row in rows if row["country"])),
    }


def _best_stage(stages) -> str | None:
    stages = [s for s in stages if s]
    return max(stages, key=STAGE_ORDER.__getitem__) if stages else None


def _b2b_figures(event, meetings: list[dict]) -> dict:
    held = [m for m in meetings if not m["cancelled"]]
    ids = [m["id"] for m in held]
    ratings = {}
    for meeting_id, user_id, rating in MeetingRating.objects.filter(meeting_id__in=ids).values_list(
        "meeting_id", "user_id", "rating"
    ):
        ratings.setdefault(meeting_id, {})[user_id] = rating
    follow_ups = {}
    for meeting_id, user_id, stage in FollowUpAnswer.objects.filter(meeting_id__in=ids).values_list(
        "meeting_id", "user_id", "stage"
    ):
        follow_ups.setdefault(meeting_id, {})[user_id] = stage
    funnel = Counter()
    rating_counts = Counter()
    stage_counts = Counter()
    agreement = Counter()
    matrix = Counter()
    profiles = set()
    cross_border = known_borders = took_place = 0
    for meeting in held:
        profiles.update(side["profile"] for side in meeting["sides"])
        countries = sorted({side["country"] for side in meeting["sides"] if side["country"]})
        sides_known = all(side["country"] for side in meeting["sides"])
        if sides_known and len(meeting["sides"]) >= 2:
            known_borders += 1
            cross_border += len(countries) > 1
        by_side = ratings.get(meeting["id"], {})
        rating_counts.update(by_side.values())
        outcome_stages = [OUTCOME_STAGE.get(o) for o in meeting["outcomes"].values()]
        answers = follow_ups.get(meeting["id"], {})
        stage_counts.update(answers.values())
        stage = _best_stage([*outcome_stages, *answers.values()])
        held_here = any(r != Rating.NOT_HELD for r in by_side.values()) or bool(meeting["outcomes"])
        took_place += held_here
        cooperation = Rating.COOPERATION in by_side.values() or (
            stage is not None and stage != Stage.NO_CONTACT
        )
        funnel["meetings"] += 1
        level = STAGE_ORDER.get(stage, -1)
        if cooperation:
            funnel["cooperation"] += 1
        if level >= STAGE_ORDER[Stage.TALKS]:
            funnel["talks"] += 1
        if level >= STAGE_ORDER[Stage.AGREEMENT]:
            funnel["agreement"] += 1
        if level >= STAGE_ORDER[Stage.FUNDED]:
            funnel["funded"] += 1
        if len(answers) >= 2:
            agreement["both_answered"] += 1
            agreement["same" if len(set(answers.values())) == 1 else "differ"] += 1
        if sides_known and countries:
            pair = f"{countries[0]}-{countries[-1]}"
            matrix[(pair, "meetings")] += 1
            matrix[(pair, "cooperation")] += cooperation
    requests = matchmaking.request_counts(event)
    return {
        "requests": sum(requests.values()),
        "accepted": requests.get("accepted", 0),
        "scheduled": len(held),
        "cancelled": len(meetings) - len(held),
        "held": took_place,
        "participants": len(profiles),
        "meetings_per_participant": round(2 * len(held) / len(profiles), 2) if profiles else 0.0,
        "cross_border": cross_border,
        "known_borders": known_borders,
        "ratings": {key: rating_counts.get(key, 0) for key in Rating.values},
        "stages": {key: stage_counts.get(key, 0) for key in Stage.values},
        "funnel": {key: funnel.get(key, 0) for key in FUNNEL},
        "sides_agree": {k: agreement.get(k, 0) for k in ("both_answered", "same", "differ")},
        "country_pairs": {
            pair: {
                "meetings": matrix[(pair, "meetings")],
                "cooperation": matrix[(pair, "cooperation")],
            }
            for pair in sorted({pair for pair, _kind in matrix})
        },
    }


def _event_answers(event) -> dict:
    rows = list(EventAnswer.objects.filter(event=event).values_list("usefulness", "would_return"))
    count = len(rows)
    return {
        "answers": count,
        "usefulness": {
            "mean": round(sum(r[0] for r in rows) / count, 2) if count else None,
            "n": count,
        },
        "would_return": sum(1 for r in rows if r[1]),
    }


def edition_figures(event) -> dict:
    """Every figure of one edition, from the other apps' selectors and results' own answers."""
    figures = {
        "edition": {
            "name": event.name,
            "slug": event.slug,
            "edition_number": str(event.edition_number or ""),
            "starts_on": event.starts_on.isoformat(),
            "country_code": event.country_code,
            "region": nuts2(event.region_id or ""),
        },
        "participation": _registration_figures(events.registration_facts(event)),
        "agenda": events.agenda_counts(event),
        "b2b": _b2b_figures(event, matchmaking.meeting_facts(event)),
        "pitches": selection.pitch_facts(event),
        "event_answers": _event_answers(event),
    }
    return figures
