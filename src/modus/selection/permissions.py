"""Who may do what with calls and applications. Views, the API and services all ask these."""

from django.db.models import Q

from modus.accounts.models import Membership
from modus.events.models import Registration
from modus.events.permissions import MANAGING_ROLES, is_cohost
from modus.programmes.permissions import is_programme_office

from .models import Application, Call, Review


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def may_manage_call(user, call: Call) -> bool:
    """The programme office runs a call for expression of interest; the event's co-hosts run a
    call for pitches. Staff may do both."""
    if not _active(user):
        return False
    if user.is_staff:
        return True
    if call.purpose == Call.Purpose.HOST:
        return is_programme_office(user, call.programme)
    return is_cohost(user, call.session.event)


def managed_calls(user, prefix: str = "") -> Q:
    """``may_manage_call`` as a query for an active user who is not staff: the calls (reached
    through ``prefix``, e.g. ``"call__"``) of programmes whose office they are in, and the calls
    for pitches of events their organisation organises or co-hosts."""
    return Q(**{f"{prefix}purpose": Call.Purpose.HOST, f"{prefix}programme__team": user}) | Q(
        **{
            f"{prefix}purpose": Call.Purpose.PITCHES,
            f"{prefix}session__event__organiser_roles__role__in": MANAGING_ROLES,
            f"{prefix}session__event__organiser_roles__organisation__memberships__user": user,
        }
    )


def may_see_call(user, call: Call) -> bool:
    """Open and closed calls are public; a draft only for the people who run it."""
    return call.status != Call.Status.DRAFT or may_manage_call(user, call)


def user_organisation_ids(user) -> set[int]:
    """The organisations a user belongs to: memberships and their person profile's employer."""
    if not _active(user):
        return set()
    ids = set(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))
    person = getattr(user, "person", None)
    if person is not None and person.organisation_id:
        ids.add(person.organisation_id)
    return ids


def has_conflict(user, application: Application) -> bool:
    """A reviewer never judges an application from their own organisation or one it co-organises."""
    own = user_organisation_ids(user)
    if not own:
        return False
    if application.organisation_id in own:
        return True
    return application.co_organisers.filter(pk__in=own).exists()


def conflicts(user, prefix: str = "") -> Q:
    """``has_conflict`` as a query: the applications (reached through ``prefix``, e.g.
    ``"application__"``) from the user's organisations or co-organised by them."""
    own = user_organisation_ids(user)
    return Q(**{f"{prefix}organisation_id__in": own}) | Q(**{f"{prefix}co_organisers__in": own})


def is_applicant(user, application: Application) -> bool:
    """Members of the applicant organisation draft, submit and follow the application."""
    if not _active(user):
        return False
    return Membership.objects.filter(
        user=user, organisation_id=application.organisation_id
    ).exists()


def is_assigned_reviewer(user, application: Application) -> bool:
    if not _active(user):
        return False
    return Review.objects.filter(application=application, reviewer=user).exists()


def may_view_application(user, application: Application) -> bool:
    """Applicants, the call's managers, and assigned reviewers without a conflict of interest.

    A manager who belongs to the applicant organisation still manages the call (and may not review
    it); a reviewer with a conflict of interest never opens the application."""
    if not _active(user):
        return False
    if is_applicant(user, application):
        return True
    if may_manage_call(user, application.call):
        return True
    return is_assigned_reviewer(user, application) and not has_conflict(user, application)


def may_review(user, application: Application) -> bool:
    """An assigned reviewer who has no conflict of interest (staff included: no exception)."""
    return (
        _active(user)
        and is_assigned_reviewer(user, application)
        and not has_conflict(user, application)
    )


def may_vote(user, call: Call) -> bool:
    """Registered (confirmed) participants of the pitch call's event."""
    if not _active(user):
        return False
    return Registration.objects.filter(
        event_id=call.session.event_id, user=user, status=Registration.Status.CONFIRMED
    ).exists()
