"""Every write of results: recomputing the stored figures; marking them stale on change."""

from django.utils import timezone

from modus.events import selectors as events

from ..figures import edition_figures, programme_figures
from ..models import Invitation, ResultSnapshot


def _responses(event) -> tuple[int, int]:
    invitations = Invitation.objects.filter(event=event)
    return invitations.count(), invitations.filter(answered_at__isnull=False).count()


def recompute_edition(event) -> ResultSnapshot:
    """Compute an edition's figures now and store them. Published or invented figures (the
    demo's) are kept as they are."""
    snapshot = ResultSnapshot.objects.filter(event=event).first()
    if snapshot and snapshot.origin != ResultSnapshot.Origin.COMPUTED:
        return snapshot
    invited, responses = _responses(event)
    snapshot, _created = ResultSnapshot.objects.update_or_create(
        event=event,
        defaults={
            "figures": edition_figures(event),
            "computed_at": timezone.now(),
            "invited": invited,
            "responses": responses,
            "dirty": False,
        },
    )
    return snapshot


def recompute_programme(programme) -> ResultSnapshot:
    """The programme's figures from its editions' snapshots (computed first where missing)."""
    snapshots = {}
    invited = responses = 0
    today = timezone.localdate()
    for event in events.editions_of(programme):
        if event.starts_on > today:  # announced, not yet held: no figures
            continue
        snapshot = ResultSnapshot.objects.filter(event=event).first() or recompute_edition(event)
        snapshots[event.pk] = {**snapshot.figures, "origin": snapshot.origin}
        invited += snapshot.invited
        responses += snapshot.responses
    snapshot, _created = ResultSnapshot.objects.update_or_create(
        programme=programme,
        defaults={
            "figures": programme_figures(programme, snapshots),
            "computed_at": timezone.now(),
            "invited": invited,
            "responses": responses,
            "dirty": False,
        },
    )
    return snapshot


def store_given_figures(event, figures: dict, *, origin: str, source: str) -> ResultSnapshot:
    """Figures that come from elsewhere (published by the series, or invented for the demo)."""
    snapshot, _created = ResultSnapshot.objects.update_or_create(
        event=event,
        defaults={
            "figures": figures,
            "computed_at": timezone.now(),
            "origin": origin,
            "source": source,
            "dirty": False,
        },
    )
    return snapshot


def mark_stale(*, event_id=None) -> None:
    """Something the figures of this edition (and its programme) read has changed."""
    if event_id is None:
        return
    ResultSnapshot.objects.filter(event_id=event_id, dirty=False).update(dirty=True)
    programme_id = events.programme_id_of(event_id)
    if programme_id:
        ResultSnapshot.objects.filter(programme_id=programme_id, dirty=False).update(dirty=True)


def refresh_stale() -> dict:
    """Recompute every stale snapshot: editions first, then their programmes."""
    done = {"editions": 0, "programmes": 0}
    stale = ResultSnapshot.objects.filter(dirty=True).select_related("event", "programme")
    for snapshot in [s for s in stale if s.event_id]:
        recompute_edition(snapshot.event)
        done["editions"] += 1
    for snapshot in ResultSnapshot.objects.filter(dirty=True, programme__isnull=False):
        recompute_programme(snapshot.programme)
        done["programmes"] += 1
    return done
