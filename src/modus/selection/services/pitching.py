"""Pitching sessions: the running order, the jury's live scores, one audience vote per person."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from modus.events.services import bump_agenda_version

from ..models import Application, AudienceVote, Call, Review
from ..permissions import has_conflict, may_vote
from .calls import add_criterion, add_cut_off, check_manager, create_call, open_call
from .errors import NotAllowed, SelectionError
from .history import Action, log
from .reviews import assign_reviewer


def _pitch_call(call: Call) -> None:
    if call.purpose != Call.Purpose.PITCHES:
        raise SelectionError(_("This is not a call for pitches."), code="not_pitch_call")


@transaction.atomic
def create_pitch_call(
    session, *, actor, local_deadline, criteria, open_now: bool = False, **fields
) -> Call:
    """A call for pitches of a pitching session in one step: its text and rules, one cut-off at
    ``local_deadline`` in the event's time zone, the ``criteria`` as ``(title, weight)`` pairs,
    and, with ``open_now``, opened. Nothing is kept when any part is refused."""
    call = create_call(actor=actor, purpose=Call.Purpose.PITCHES, session=session, **fields)
    add_cut_off(call, actor=actor, local_deadline=local_deadline, time_zone=session.event.time_zone)
    for title, weight in criteria:
        add_criterion(call, actor=actor, title=title, weight=weight)
    if open_now:
        open_call(call, actor=actor)
    return call


@transaction.atomic
def set_running_order(call: Call, ordered_ids: list[int], *, actor) -> list[Application]:
    """Put the selected pitches in this order (ids of every selected pitch, first to last)."""
    _pitch_call(call)
    check_manager(actor, call)
    selected = {a.pk: a for a in call.applications.filter(status=Application.Status.ACCEPTED)}
    ordered_ids = [int(pk) for pk in ordered_ids]
    if sorted(ordered_ids) != sorted(selected):
        raise SelectionError(
            _("List every selected pitch exactly once."), code="running_order_mismatch"
        )
    for position, pk in enumerate(ordered_ids, start=1):
        application = selected[pk]
        if application.running_order != position:
            application.running_order = position
            application.save(update_fields=["running_order", "updated_at"])
            log(application, actor, Action.ORDERED, str(position))
    bump_agenda_version(call.session.event)
    return [selected[pk] for pk in ordered_ids]


@transaction.atomic
def assign_jury(call: Call, *, actor) -> int:
    """Give every jury member (the call's panel) a live score sheet for every selected pitch,
    except pitches from their own organisation. Returns how many sheets were created."""
    _pitch_call(call)
    check_manager(actor, call)
    created = 0
    jury = list(call.panel.filter(is_active=True))
    for application in call.applications.filter(status=Application.Status.ACCEPTED):
        for member in jury:
            if has_conflict(member, application):
                continue
            before = Review.objects.filter(
                application=application, reviewer=member, stage=Review.Stage.LIVE
            ).exists()
            assign_reviewer(
                application, reviewer=member, actor=actor, stage=Review.Stage.LIVE, notify=False
            )
            created += not before
    return created


@transaction.atomic
def open_own_jury_sheets(call: Call, *, user) -> int:
    """A jury member (on the call's panel) gets their own live score sheet for every selected
    pitch, except pitches from their own organisation. Nobody else may do this for themselves.
    Returns how many sheets were created."""
    _pitch_call(call)
    if not (user and user.is_authenticated and user.is_active):
        raise NotAllowed(_("Only the jury of this session may score."), code="not_jury")
    if not call.panel.filter(pk=user.pk).exists():
        raise NotAllowed(_("Only the jury of this session may score."), code="not_jury")
    created = 0
    for application in call.applications.filter(status=Application.Status.ACCEPTED):
        if has_conflict(user, application):
            continue
        review, new = Review.objects.get_or_create(
            application=application,
            reviewer=user,
            stage=Review.Stage.LIVE,
            defaults={"assigned_by": None},
        )
        if new:
            log(application, user, Action.REVIEWER_ASSIGNED, str(user))
            created += 1
    return created


def set_voting(call: Call, *, actor, open: bool) -> Call:
    _pitch_call(call)
    check_manager(actor, call)
    call.voting_open = open
    call.save(update_fields=["voting_open", "updated_at"])
    return call


def publish_results(call: Call, *, actor, published: bool = True) -> Call:
    _pitch_call(call)
    check_manager(actor, call)
    call.results_published = published
    if published:
        call.voting_open = False
    call.save(update_fields=["results_published", "voting_open", "updated_at"])
    return call


def cast_vote(call: Call, application: Application, *, user) -> tuple[AudienceVote, bool]:
    """Record the person's one vote. A second attempt (reload, replay, another browser) changes
    nothing and returns the vote already cast with ``False``. The database's unique constraint
    on (call, user) is what makes this hold under concurrency."""
    _pitch_call(call)
    if not may_vote(user, call):
        raise NotAllowed(
            _("Only registered participants of this event can vote."), code="not_registered"
        )
    existing = AudienceVote.objects.filter(call=call, user=user).first()
    if existing is not None:
        return existing, False
    if not call.voting_open:
        raise SelectionError(_("Voting is not open."), code="voting_closed")
    if application.call_id != call.pk or application.status != Application.Status.ACCEPTED:
        raise SelectionError(_("Vote for one of the pitches on stage."), code="not_a_pitch")
    try:
        with transaction.atomic():
            return AudienceVote.objects.create(call=call, application=application, user=user), True
    except IntegrityError:
        return AudienceVote.objects.get(call=call, user=user), False
