"""Which meetings promise cooperation: the rule the follow-up and the figures' funnel share.

A meeting promises cooperation when a side rated it "cooperation possible", or when an outcome
recorded in matchmaking already went past "no contact" (the existing outcomes count: one truth).
"""

from modus.matchmaking import selectors as matchmaking

from .figures.edition import OUTCOME_STAGE
from .models import MeetingRating, Rating, Stage


def ratings_by_meeting(meeting_ids) -> dict[int, set[str]]:
    ratings: dict[int, set[str]] = {}
    rows = MeetingRating.objects.filter(meeting_id__in=list(meeting_ids))
    for meeting_id, rating in rows.values_list("meeting_id", "rating"):
        ratings.setdefault(meeting_id, set()).add(rating)
    return ratings


def promising(facts: list[dict], ratings: dict[int, set[str]]) -> list[dict]:
    chosen = []
    for fact in facts:
        if fact["cancelled"]:
            continue
        stages = {OUTCOME_STAGE.get(o) for o in fact["outcomes"].values()} - {None}
        if Rating.COOPERATION in ratings.get(fact["id"], set()) or stages - {Stage.NO_CONTACT}:
            chosen.append(fact)
    return chosen


def promising_meetings(event) -> list[dict]:
    """The edition's promising meetings as matchmaking's facts (sides, outcomes). 4 queries."""
    facts = matchmaking.meeting_facts(event)
    return promising(facts, ratings_by_meeting(f["id"] for f in facts))


def outcome_stage(fact: dict, user_id: int):
    """The stage a user's recorded outcome of this meeting stands for (to start the form)."""
    for side in fact["sides"]:
        if side["user"] == user_id and side["profile"] in fact["outcomes"]:
            return OUTCOME_STAGE.get(fact["outcomes"][side["profile"]])
    return None
