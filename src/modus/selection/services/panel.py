"""The jury of a call for pitches (``Call.panel``), chosen by the people who run the call."""

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Call, Review
from .calls import check_manager
from .errors import SelectionError


def add_panel_member(call: Call, *, actor, member) -> bool:
    """Put someone on the call's jury. Returns False when they were on it already."""
    check_manager(actor, call)
    if not (member and member.is_active):
        raise SelectionError({"email": [_("This account is not active.")]}, code="inactive")
    if call.panel.filter(pk=member.pk).exists():
        return False
    call.panel.add(member)
    return True


@transaction.atomic
def remove_panel_member(call: Call, *, actor, member) -> None:
    """Take someone off the jury. Their live score sheets go too, unless already submitted."""
    check_manager(actor, call)
    Review.objects.filter(
        application__call=call,
        reviewer=member,
        stage=Review.Stage.LIVE,
        submitted_at__isnull=True,
    ).delete()
    call.panel.remove(member)
