"""Small named predicates: who may do what. Views, the API and services compose them."""

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


def is_programme_office(user, programme) -> bool:
    """A member of the programme's office (its team), or staff."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_staff or programme.team.filter(pk=user.pk).exists()


def administered_organisations(user):
    """The organisations whose profile this user may edit."""
    from modus.directory.models import Organisation

    if not (user and user.is_authenticated and user.is_active):
        return Organisation.objects.none()
    if user.is_staff:
        return Organisation.objects.all()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role=Membership.Role.ADMIN
    )


def is_participant(user) -> bool:
    """Any active, logged-in user with a person profile (see ``roles``)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    from .models import Person

    return Person.objects.filter(user=user).exists()


def may_manage_memberships(user, organisation) -> bool:
    """Staff and the organisation's admins add and remove its members."""
    return is_organisation_admin(user, organisation)
