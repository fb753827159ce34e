import datetime as dt
import re
import time

import pytest
from django.core import signing

from modus.accounts.models import Membership
from modus.directory.models import Organisation
from modus.events import services
from modus.events.models import Event, Registration
from modus.events.services.registrations import CANCEL_SALT
from tests.factories import (
    EventFactory,
    EventOrganiserFactory,
    MembershipFactory,
    OrganisationFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED


def open_event(**fields):
    return EventFactory(registration_open=True, **fields)


def sign_up(event, user=None, **fields):
    values = {
        "event": event,
        "user": user or UserFactory(),
        "organisation": fields.pop("organisation", None) or OrganisationFactory(),
        "participant_role": Registration.ParticipantRole.CLUSTER_MANAGER,
        "consent_attendee_list": True,
        "consent_media": False,
    }
    values.update(fields)
    return services.register(**values)


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
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(services.RegistrationPermissionError) as error:
        sign_up(open_event(), AnonymousUser())
    assert error.value.code == "not_signed_in"


def test_waiting_list_position_follows_registration_order():
    event = open_event(capacity=1)
    sign_up(event)
    waiting = [sign_up(event) for _ in range(3)]
    assert [services.waiting_list_position(r) for r in waiting] == [1, 2, 3]


def test_cancelling_a_confirmed_place_promotes_the_earliest_waitlisted(mailoutbox):
    event = open_event(capacity=1)
    first = sign_up(event)
    second = sign_up(event)
    third = sign_up(event)
    mailoutbox.clear()
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
    assert services.waiting_list_position(third) == 1


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


def test_promote_from_waiting_list_fills_a_raised_capacity(mailoutbox):
    event = open_event(capacity=1)
    sign_up(event)
    waiting = [sign_up(event) for _ in range(3)]
    Event.objects.filter(pk=event.pk).update(capacity=3)
    promoted = services.promote_from_waiting_list(event)
    assert [r.pk for r in promoted] == [waiting[0].pk, waiting[1].pk]
    assert Registration.objects.filter(event=event, status=CONFIRMED).count() == 3


def test_mails_for_confirmation_and_waiting_list(mailoutbox, settings):
    settings.SITE_URL = "https://modus.example.org"
    event = open_event(capacity=1, name="Clusters meet Regions: Katowice")
    confirmed = sign_up(event)
    sign_up(event)
    confirmation, waiting = mailoutbox
    assert "confirmed" in confirmation.subject
    assert "Katowice" in confirmation.subject
    assert services.check_in_code(confirmed) in confirmation.body
    assert "https://modus.example.org/" in confirmation.body
    token = re.search(
        r"https://modus\.example\.org/events/registrations/cancel/([^/]+)/", confirmation.body
    )
    assert services.registration_for_cancellation_token(token.group(1)) == confirmed
    assert "waiting list" in waiting.subject


def test_mail_is_written_in_the_participants_language(mailoutbox):
    event = open_event(starts_on=dt.date(2031, 11, 7), ends_on=dt.date(2031, 11, 8))
    sign_up(event, UserFactory(preferred_language="pl"))
    assert "listopada 2031" in mailoutbox[0].body


def test_cancellation_token_round_trip_and_tampering():
    registration = sign_up(open_event())
    token = services.cancellation_token(registration)
    assert services.registration_for_cancellation_token(token) == registration
    for bad in [token[:-1] + ("A" if token[-1] != "A" else "B"), "nonsense", ""]:
        with pytest.raises(services.RegistrationError) as error:
            services.registration_for_cancellation_token(bad)
        assert error.value.code == "bad_token"
    # Signed with another salt (a check-in code's or someone else's purpose): refused.
    foreign = signing.dumps(registration.pk, salt="another.purpose")
    with pytest.raises(services.RegistrationError):
        services.registration_for_cancellation_token(foreign)


class SignedTwoYearsAgo(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 2 * 366 * 24 * 3600)


def test_expired_cancellation_token():
    registration = sign_up(open_event())
    stale = SignedTwoYearsAgo(salt=CANCEL_SALT).sign_object(registration.pk)
    with pytest.raises(services.RegistrationError) as error:
        services.registration_for_cancellation_token(stale)
    assert error.value.code == "expired_token"


def test_check_in_code_is_tamper_proof_and_bound_to_its_event():
    event = open_event()
    registration = sign_up(event)
    code = services.check_in_code(registration)
    assert services.registration_for_check_in_code(code, event=event) == registration
    assert services.registration_for_check_in_code(f"  {code.upper()} ") == registration
    pk, signature = code.split("-")
    other = sign_up(event)
    forged = f"{other.pk}-{signature}"
    for bad in [forged, f"{pk}-000000000000", "hello", ""]:
        with pytest.raises(services.RegistrationError) as error:
            services.registration_for_check_in_code(bad, event=event)
        assert error.value.code == "bad_code"
    with pytest.raises(services.RegistrationError) as error:
        services.registration_for_check_in_code(code, event=open_event())
    assert error.value.code == "other_event"


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
