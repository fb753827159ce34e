"""Reads of pitching sessions: the selected pitches in running order, the jury's sheets and
progress, one person's vote, and the results."""

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from modus.events.models import Event, Session

from ..models import Application, AudienceVote, Call, Review
from ..permissions import has_conflict
from .reviews import ranking


def event_or_404(slug: str) -> Event:
    return get_object_or_404(Event, slug=slug)


def pitching_session_or_404(event: Event, pk: int) -> Session:
    return get_object_or_404(Session, pk=pk, event=event, kind=Session.Kind.PITCHING)


def pitch_call_of(session: Session) -> Call | None:
    return Call.objects.filter(session=session).first()


def selected_pitches(call: Call):
    """The accepted pitches with their organisations, in running order."""
    return (
        call.applications.filter(status=Application.Status.ACCEPTED)
        .select_related("organisation")
        .order_by("running_order", "pk")
    )


def pitch_progress(call: Call, *, votes: bool = False) -> list[Application]:
    """The selected pitches, each with ``sheets`` (live score sheets), ``scored`` (submitted
    ones) and, with ``votes``, ``votes_cast``."""
    live = Q(reviews__stage=Review.Stage.LIVE)
    # distinct: with the votes joined too, each sheet would count once per vote.
    counts = {
        "sheets": Count("reviews", filter=live, distinct=True),
        "scored": Count(
            "reviews", filter=live & Q(reviews__submitted_at__isnull=False), distinct=True
        ),
    }
    if votes:
        counts["votes_cast"] = Count("votes", distinct=True)
    return list(selected_pitches(call).annotate(**counts))


def live_sheets(call: Call, user) -> list[Review]:
    """The user's live score sheets of this call's selected pitches, in running order."""
    return list(
        Review.objects.filter(
            reviewer=user,
            stage=Review.Stage.LIVE,
            application__call=call,
            application__status=Application.Status.ACCEPTED,
        )
        .select_related("application__organisation")
        .prefetch_related("scores")
        .order_by("application__running_order", "application__pk")
    )


def misses_sheets(call: Call, user) -> bool:
    """Whether a jury member lacks a live sheet for a selected pitch they may score."""
    own = Review.objects.filter(application=OuterRef("pk"), reviewer=user, stage=Review.Stage.LIVE)
    missing = call.applications.filter(status=Application.Status.ACCEPTED).filter(~Exists(own))
    return any(not has_conflict(user, application) for application in missing)


def jury_calls(user) -> list[Call]:
    """The calls for pitches whose jury the user sits on (the panel, or a live score sheet),
    each with ``open_sheets``: their live sheets not submitted yet. One query."""
    if not (user and user.is_authenticated):
        return []
    sheets = Review.objects.filter(reviewer=user, stage=Review.Stage.LIVE)
    open_sheets = (
        sheets.filter(application__call=OuterRef("pk"), submitted_at__isnull=True)
        .order_by()
        .values("application__call")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return list(
        Call.objects.filter(purpose=Call.Purpose.PITCHES)
        .filter(Q(panel=user) | Q(pk__in=sheets.values("application__call")))
        .annotate(open_sheets=Coalesce(Subquery(open_sheets), 0))
        .select_related("session__event")
        .distinct()
        .order_by("-pk")
    )


def on_panel(call: Call, user) -> bool:
    return call.panel.filter(pk=user.pk).exists()


def vote_of(call: Call, user) -> AudienceVote | None:
    return AudienceVote.objects.filter(call=call, user=user).select_related("application").first()


def pitch_results(call: Call) -> dict:
    """The jury ranking (live scores, weighted) and the audience votes per pitch."""
    jury = ranking(call, stage=Review.Stage.LIVE, statuses=[Application.Status.ACCEPTED])
    counts = dict(call.votes.values_list("application_id").annotate(n=Count("pk")).order_by())
    pitches = [row.application for row in jury]
    votes = sorted(
        ((a, counts.get(a.pk, 0)) for a in pitches), key=lambda item: (-item[1], item[0].pk)
    )
    top = votes[0][1] if votes else 0
    favourites = [a for a, n in votes if n == top and top > 0]
    return {
        "jury": jury,
        "votes": votes,
        "total_votes": sum(counts.values()),
        "favourites": favourites,
    }
