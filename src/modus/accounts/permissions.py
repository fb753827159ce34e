"""Small named predicates: who may do what. Views, the API and services compose them.

These need nothing but the user and memberships; a rule about another app's objects lives in that
app's ``permissions`` (``programmes.permissions.is_programme_office``,
``events.permissions.is_cohost``).
"""

from .models import Membership


def is_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


def is_organisation_admin(user, organisation) -> bool:
    """An admin of this organisation (or staff) may edit its profile."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_staff:
        return True
    return Membership.objects.filter(
        user=user, organisation=organisation, role=Membership.Role.ADMIN
    ).exists()


def administers(user, membership) -> bool:
    """Whether the user may edit the profile of the organisation of this membership of theirs."""
    return is_staff(user) or membership.role == Membership.Role.ADMIN
