import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from modus.accounts.models import Membership
from modus.accounts.services import erase_user
from modus.activity.selectors import actions_on
from modus.directory.models import Organisation
from modus.events import actions, selectors, services
from modus.events.models import Event, Registration
from tests.events.registration_support import (
    CANCELLED,
    CONFIRMED,
    WAITLISTED,
    open_event,
    sign_up,
)
from tests.factories import (
    EventFactory,
    EventOrganiserFactory,
    MembershipFactory,
    OrganisationFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_places_are_confirmed_until_capacity_then_waitlisted():
    event = open_event(capacity=2)
    statuses = [sign_up(event).status for _ in range(4)]
    assert statuses == [CONFIRMED, CONFIRMED, WAITLISTED, WAITLISTED]


def test_no_capacity_means_no_limit():
    event = open_event(capacity=None)
    assert {sign_up(event).status for _ in range(5)} == {CONFIRMED}


def test_registration_keeps_role_organisation_and_consents():
    event = open_event()
    organisation = OrganisationFactory()
    registration = sign_up(
        event,
        organisation=organisation,
        participant_role=Registration.ParticipantRole.RESEARCHER,
        consent_attendee_list=False,
        consent_media=True,
    )
    registration.refresh_from_db()
    assert registration.organisation == organisation
    assert registration.participant_role == "researcher"
    assert (registration.consent_attendee_list, registration.consent_media) == (False, True)


def test_new_organisation_is_created_in_the_directory_with_the_user_as_admin():
    user = UserFactory()
    registration = services.register(
        event=open_event(),
        user=user,
        organisation=None,
        new_organisation_name="Silesian Drone Works",
        participant_role=Registration.ParticipantRole.COMPANY,
        consent_attendee_list=False,
        consent_media=False,
    )
    organisation = registration.organisation
    assert organisation.name == "Silesian Drone Works"
    assert organisation.kind == Organisation.Kind.COMPANY
    assert Membership.objects.filter(
        user=user, organisation=organisation, role=Membership.Role.ADMIN
    ).exists()


def test_failed_registration_creates_no_organisation():
    event = open_event()
    user = UserFactory()
    sign_up(event, user)
    with pytest.raises(services.RegistrationError) as error:
        sign_up(event, user, organisation=None, new_organisation_name="Never Created Ltd")
    assert error.value.code == "already_registered"
    assert not Organisation.objects.filter(name="Never Created Ltd").exists()


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"registration_open": False}, "registration_closed"),
        ({"status": Event.Status.CANCELLED}, "registration_closed"),
        ({"status": Event.Status.POSTPONED}, "registration_closed"),
        ({"status": Event.Status.DRAFT}, "event_not_public"),
        (
            {
                "starts_on": dt.date(2022, 11, 7),
                "ends_on": dt.date(2022, 11, 8),
            },
            "registration_closed",
        ),
    ],
)
def test_closed_registration_is_refused(fields, code):
    event = EventFactory(**{"registration_open": True, **fields})
    with pytest.raises(services.RegistrationError) as error:
        sign_up(event)
    assert error.value.code == code
    assert not Registration.objects.exists()


def test_registering_twice_is_refused():
    event = open_event()
    user = UserFactory()
    sign_up(event, user)
    with pytest.raises(services.RegistrationError) as error:
        sign_up(event, user)
    assert error.value.code == "already_registered"


def test_anonymous_user_cannot_register():
    with pytest.raises(services.RegistrationPermissionError) as error:
        sign_up(open_event(), AnonymousUser())
    assert error.value.code == "not_signed_in"


def test_cancelling_a_confirmed_place_promotes_the_earliest_waitlisted(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = open_event(capacity=1)
    first = sign_up(event)
    second = sign_up(event)
    third = sign_up(event)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(first, actor=first.user)
    statuses = dict(Registration.objects.values_list("pk", "status"))
    assert statuses == {first.pk: CANCELLED, second.pk: CONFIRMED, third.pk: WAITLISTED}
    assert [m.to for m in mailoutbox] == [[second.user.email]]
    assert "is now yours" in mailoutbox[0].subject


def test_cancelling_a_waitlisted_place_promotes_nobody():
    event = open_event(capacity=1)
    sign_up(event)
    second = sign_up(event)
    third = sign_up(event)
    services.cancel_registration(second)
    third.refresh_from_db()
    assert third.status == WAITLISTED
    assert selectors.waiting_list_position(third) == 1


def test_cancelling_twice_is_refused():
    registration = sign_up(open_event())
    services.cancel_registration(registration)
    with pytest.raises(services.RegistrationError) as error:
        services.cancel_registration(registration)
    assert error.value.code == "already_cancelled"


def test_someone_else_cannot_cancel():
    registration = sign_up(open_event())
    with pytest.raises(services.RegistrationPermissionError) as error:
        services.cancel_registration(registration, actor=UserFactory())
    assert error.value.code == "not_allowed"


def test_re_registration_after_cancelling_reuses_the_row_at_the_end_of_the_queue():
    event = open_event(capacity=1)
    user = UserFactory()
    first = sign_up(event, user)
    services.cancel_registration(first)
    taker = sign_up(event)  # takes the freed place
    again = sign_up(event, user)
    assert again.pk == first.pk
    assert again.status == WAITLISTED
    assert again.created_at > taker.created_at
    assert Registration.objects.filter(event=event, user=user).count() == 1


def test_promote_from_waiting_list_fills_a_raised_capacity(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = open_event(capacity=1)
    sign_up(event)
    waiting = [sign_up(event) for _ in range(3)]
    Event.objects.filter(pk=event.pk).update(capacity=3)
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.promote_from_waiting_list(event)
    assert [r.pk for r in promoted] == [waiting[0].pk, waiting[1].pk]
    assert Registration.objects.filter(event=event, status=CONFIRMED).count() == 3
    assert [m.to for m in mailoutbox] == [[waiting[0].user.email], [waiting[1].user.email]]


def test_check_in_by_organiser():
    event = open_event()
    organiser = MembershipFactory().user
    EventOrganiserFactory(event=event, organisation=organiser.memberships.get().organisation)
    registration = sign_up(event)
    services.check_in(registration, actor=organiser)
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    with pytest.raises(services.RegistrationError) as error:
        services.check_in(registration, actor=organiser)
    assert error.value.code == "already_checked_in"


def test_check_in_refuses_other_events_organisers_and_unconfirmed_people():
    event = open_event(capacity=1)
    sign_up(event)
    waiting = sign_up(event)
    outsider = MembershipFactory().user
    EventOrganiserFactory(organisation=outsider.memberships.get().organisation)  # another event
    with pytest.raises(services.RegistrationPermissionError) as error:
        services.check_in(waiting, actor=outsider)
    assert error.value.code == "not_staff_of_event"
    staff = UserFactory(is_staff=True)
    with pytest.raises(services.RegistrationError) as error:
        services.check_in(waiting, actor=staff)
    assert error.value.code == "not_confirmed"


def test_factory_registration_counts_towards_capacity():
    event = open_event(capacity=1)
    RegistrationFactory(event=event)
    assert sign_up(event).status == WAITLISTED


def test_mails_go_only_when_the_transaction_commits(mailoutbox, django_capture_on_commit_callbacks):
    event = open_event(capacity=1)
    with django_capture_on_commit_callbacks() as callbacks:
        sign_up(event)
        sign_up(event)
    assert mailoutbox == []  # not yet committed
    for callback in callbacks:
        callback()
    assert len(mailoutbox) == 2


# The event's history -----------------------------------------------------------------------------


def history(event):
    return [(e.action, e.actor, e.data) for e in actions_on(event).order_by("pk")]


def test_registrations_are_logged_on_the_event_by_their_id():
    event = open_event(capacity=1)
    organiser = MembershipFactory().user
    EventOrganiserFactory(event=event, organisation=organiser.memberships.get().organisation)
    first, second = sign_up(event), sign_up(event)
    services.check_in(first, actor=organiser)
    services.cancel_registration(first)  # by the link the participant was mailed
    services.cancel_registration(second, actor=organiser)
    assert history(event) == [
        (actions.REGISTERED, first.user, {"registration": first.pk}),
        (actions.WAITLISTED, second.user, {"registration": second.pk}),
        (actions.CHECKED_IN, organiser, {"registration": first.pk}),
        (actions.CANCELLED, first.user, {"registration": first.pk, "by_link": True}),
        (actions.PROMOTED, None, {"registration": second.pk}),
        (actions.CANCELLED, organiser, {"registration": second.pk}),
    ]


def test_a_refused_change_is_not_logged():
    event = open_event()
    registration = sign_up(event)
    staff = UserFactory(is_staff=True)
    services.check_in(registration, actor=staff)
    with pytest.raises(services.RegistrationError):
        services.check_in(registration, actor=staff)  # already checked in
    with pytest.raises(services.RegistrationPermissionError):
        services.cancel_registration(registration, actor=UserFactory())
    assert [action for action, _actor, _data in history(event)] == [
        actions.REGISTERED,
        actions.CHECKED_IN,
    ]


def test_an_erased_person_leaves_no_name_in_the_history():
    event = open_event()
    user = UserFactory(full_name="Zdzisława Przybylska", email="zdzislawa@example.org")
    user.set_password("secret-words-1")
    user.save()
    sign_up(event, user)
    erase_user(user, password="secret-words-1")
    entries = list(actions_on(event))  # registered, then cancelled by the erasure (its place freed)
    assert len(entries) == 2
    for entry in entries:
        assert entry.actor is None
        stored = f"{entry.note} {entry.data}"
        assert "Przybylska" not in stored and "zdzislawa" not in stored
