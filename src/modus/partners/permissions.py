"""Who may do what with opportunities.

Members of an organisation post and manage its opportunities; an event's co-hosts moderate its
marketplace (``events.permissions.is_cohost``), platform staff the directory's. Only the two sides
of an accepted contact request see each other's e-mail address.
"""

from modus.events.permissions import is_cohost

from .models import Interest, Opportunity


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_member(user, organisation) -> bool:
    return _active(user) and organisation.memberships.filter(user=user).exists()


def may_moderate(user, event=None) -> bool:
    """Co-hosts of the event; staff for the directory (and everywhere)."""
    if not _active(user):
        return False
    if event is None:
        return user.is_staff
    return is_cohost(user, event)


def may_manage(user, opportunity: Opportunity) -> bool:
    return _active(user) and (
        opportunity.author_id == user.pk or is_member(user, opportunity.organisation)
    )


def may_view(user, opportunity: Opportunity) -> bool:
    """Live opportunities are public; others only for their organisation and moderators."""
    if opportunity.status == Opportunity.Status.PUBLISHED and not opportunity.is_expired:
        return True
    return may_manage(user, opportunity) or may_moderate(user, opportunity.event)


def may_answer(user, interest: Interest) -> bool:
    return may_manage(user, interest.opportunity)


def sees_contact(user, interest: Interest) -> bool:
    """E-mail addresses are shown to both sides only once the contact request is accepted."""
    return interest.status == Interest.Status.ACCEPTED and (
        interest.user_id == getattr(user, "pk", None) or may_manage(user, interest.opportunity)
    )
