"""Selection's answers to the signals of the apps it builds on."""

from django.dispatch import receiver

from modus.events.models import Session
from modus.events.signals import agenda_sessions_loaded

from .models import Application


@receiver(agenda_sessions_loaded, dispatch_uid="selection.running_orders")
def attach_running_orders(sender, sessions, **kwargs) -> None:
    """Give each pitching session ``running_order``: the pitches its call selected, in order,
    with their organisations (1 query when there are pitching sessions, none otherwise)."""
    pitching = [s for s in sessions if s.kind == Session.Kind.PITCHING]
    for session in pitching:
        session.running_order = []
    if not pitching:
        return
    by_session = {session.pk: session for session in pitching}
    pitches = (
        Application.objects.filter(call__session__in=pitching, status=Application.Status.ACCEPTED)
        .select_related("organisation", "call")
        .order_by("running_order", "pk")
    )
    for pitch in pitches:
        by_session[pitch.call.session_id].running_order.append(pitch)
