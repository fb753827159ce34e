import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from modus.events import services
from modus.events.models import Event, Registration
from modus.events.tokens import cancellation_token, check_in_code
from tests.factories import (
    EventFactory,
    EventOrganiserFactory,
    MembershipFactory,
    OrganisationFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory(registration_open=True, capacity=1, name="Clusters meet Regions: Katowice")


@pytest.fixture
def organiser(event):
    membership = MembershipFactory()
    EventOrganiserFactory(event=event, organisation=membership.organisation)
    return membership.user


def register_url(event):
    return reverse("events:register", kwargs={"slug": event.slug})


def registration_post(**overrides):
    data = {
        "organisation_query": "",
        "new_organisation_name": "",
        "participant_role": Registration.ParticipantRole.COMPANY,
    }
    data.update(overrides)
    return data


def register(event, user=None, **fields):
    return services.register(
        event=event,
        user=user or UserFactory(),
        organisation=fields.pop("organisation", None) or OrganisationFactory(),
        participant_role=fields.pop("participant_role", Registration.ParticipantRole.COMPANY),
        consent_attendee_list=fields.pop("consent_attendee_list", True),
        consent_media=fields.pop("consent_media", False),
    )


# Registering -------------------------------------------------------------------------------


def test_register_needs_login(client, event):
    response = client.get(register_url(event))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_register_form_offers_memberships_and_unticked_consents(client, event):
    membership = MembershipFactory(organisation__name="Silesian Aviation Cluster")
    client.force_login(membership.user)
    content = client.get(register_url(event)).content.decode()
    assert "Silesian Aviation Cluster" in content
    assert 'name="consent_attendee_list"' in content
    assert "checked" not in content
    assert "photos and recordings" in content


def test_a_new_organisation_name_over_200_characters_is_a_field_error(client, event):
    client.force_login(UserFactory())
    response = client.post(register_url(event), registration_post(new_organisation_name="N" * 201))
    assert response.status_code == 200
    assert "at most 200 characters" in response.context["form"].errors["new_organisation_name"][0]
    assert not Registration.objects.exists()


def test_register_with_a_membership(client, event, mailoutbox, django_capture_on_commit_callbacks):
    membership = MembershipFactory()
    client.force_login(membership.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            register_url(event),
            registration_post(organisation=membership.organisation.pk, consent_media="on"),
        )
    assert response.status_code == 302
    assert response["Location"] == reverse("events:my-registration", kwargs={"slug": event.slug})
    registration = Registration.objects.get(user=membership.user)
    assert registration.organisation == membership.organisation
    assert (registration.consent_attendee_list, registration.consent_media) == (False, True)
    assert registration.status == Registration.Status.CONFIRMED
    assert len(mailoutbox) == 1 and "confirmed" in mailoutbox[0].subject


def test_register_with_an_organisation_found_by_exact_name(client, event):
    organisation = OrganisationFactory(name="Moravian-Silesian Aviation Cluster")
    user = UserFactory()
    client.force_login(user)
    client.post(
        register_url(event),
        registration_post(organisation_query="moravian-silesian aviation cluster"),
    )
    assert Registration.objects.get(user=user).organisation == organisation


def test_search_with_several_matches_lists_them_next_to_the_field(client, event):
    first = OrganisationFactory(name="Aviation Valley", search_text="Aviation Valley")
    OrganisationFactory(name="Aviation Cluster East", search_text="Aviation Cluster East")
    user = UserFactory()
    client.force_login(user)
    response = client.post(register_url(event), registration_post(organisation_query="Aviation"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Choose your organisation from the list below" in content
    assert "Aviation Valley" in content and "Aviation Cluster East" in content
    assert 'name="organisation_found"' in content
    client.post(
        register_url(event),
        registration_post(organisation_query="Aviation", organisation_found=first.pk),
    )
    assert Registration.objects.get(user=user).organisation == first


def test_register_with_a_new_organisation(client, event):
    user = UserFactory()
    client.force_login(user)
    client.post(
        register_url(event),
        registration_post(new_organisation_name="Brand New Robotics sp. z o.o."),
    )
    organisation = Registration.objects.get(user=user).organisation
    assert organisation.name == "Brand New Robotics sp. z o.o."
    assert organisation.memberships.get().user == user


def test_new_organisation_with_a_taken_address_shows_the_error_next_to_the_field(client, event):
    OrganisationFactory(name="Other name", slug="same-address")
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        register_url(event), registration_post(new_organisation_name="Same Address")
    )
    form = response.context["form"]
    assert form.errors["new_organisation_name"]
    assert not Registration.objects.exists()


def test_missing_organisation_and_role_are_shown_next_to_their_fields(client, event):
    client.force_login(UserFactory())
    response = client.post(register_url(event), {"participant_role": ""})
    form = response.context["form"]
    assert set(form.errors) == {"organisation_query", "participant_role"}
    assert 'class="form-row field-error"' in response.content.decode()
    assert not Registration.objects.exists()


def test_full_event_puts_people_on_the_waiting_list(
    client, event, mailoutbox, django_capture_on_commit_callbacks
):
    register(event)
    user = UserFactory()
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register_url(event), registration_post(new_organisation_name="Late Comers"))
    registration = Registration.objects.get(user=user)
    assert registration.status == Registration.Status.WAITLISTED
    assert "waiting list" in mailoutbox[-1].subject
    page = client.get(reverse("events:my-registration", kwargs={"slug": event.slug}))
    assert "number 1 on the waiting list" in page.content.decode()


def test_closed_registration_shows_no_form(client):
    event = EventFactory(registration_open=False)
    client.force_login(UserFactory())
    response = client.get(register_url(event))
    assert "Registration for this event is closed." in response.content.decode()
    assert "form" not in response.context
    response = client.post(register_url(event), registration_post(new_organisation_name="X"))
    assert not Registration.objects.exists()


def test_draft_event_cannot_be_registered_for(client):
    event = EventFactory(status=Event.Status.DRAFT, registration_open=True)
    client.force_login(UserFactory())
    assert client.get(register_url(event)).status_code == 404


def test_registered_person_is_sent_to_their_registration(client, event):
    registration = register(event)
    client.force_login(registration.user)
    response = client.get(register_url(event))
    assert response["Location"] == reverse("events:my-registration", kwargs={"slug": event.slug})


def test_my_registration_shows_status_qr_code_and_cancel_link(client, event):
    registration = register(event)
    client.force_login(registration.user)
    content = client.get(
        reverse("events:my-registration", kwargs={"slug": event.slug})
    ).content.decode()
    code = check_in_code(registration)
    assert reverse("events:registration-qr", kwargs={"token": code}) in content
    assert "Confirmed" in content
    assert "/events/registrations/cancel/" in content


def test_qr_code_is_an_svg_of_the_check_in_code(client, event):
    code = check_in_code(register(event))
    response = client.get(reverse("events:registration-qr", kwargs={"token": code}))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.lstrip().startswith(b"<svg")
    forged = code[:-1] + ("1" if code[-1] == "0" else "0")
    bad = client.get(reverse("events:registration-qr", kwargs={"token": forged}))
    assert bad.status_code == 404


# Cancelling --------------------------------------------------------------------------------


def test_cancel_link_works_without_login_and_promotes_the_next_person(
    client, event, mailoutbox, django_capture_on_commit_callbacks
):
    first = register(event)
    second = register(event)
    url = reverse("events:cancel-registration", kwargs={"token": cancellation_token(first)})
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "Yes, cancel my registration" in confirm.content.decode()
    first.refresh_from_db()
    assert first.status == Registration.Status.CONFIRMED  # GET changes nothing
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url)
    assert done.status_code == 200
    assert "Your registration is cancelled" in done.content.decode()
    second.refresh_from_db()
    assert second.status == Registration.Status.CONFIRMED
    assert [m.to for m in mailoutbox] == [[second.user.email]]
    again = client.post(url)
    assert "already cancelled" in again.content.decode()


@pytest.mark.parametrize("token", ["garbage", "MQ:1xWtri:Y3xNbXdIrqZWx3BozdTckXEQwDEs8jmB9IEuUz"])
def test_bad_cancel_link_is_a_friendly_400(client, token):
    response = client.get(reverse("events:cancel-registration", kwargs={"token": token}))
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()


# Organisers: participant list, exports, check-in ---------------------------------------------


def participants_url(event):
    return reverse("events:participants", kwargs={"slug": event.slug})


def test_participant_list_for_the_organiser(client, event, organiser):
    register(event, UserFactory(full_name="Anna Nowak"), consent_attendee_list=False)
    register(event, UserFactory(full_name="Jan Kowalski"))
    client.force_login(organiser)
    response = client.get(participants_url(event))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Anna Nowak" in content and "Jan Kowalski" in content
    assert "On the waiting list" in content
    waiting = client.get(participants_url(event), {"status": "waitlisted"}).content.decode()
    assert "Jan Kowalski" in waiting and "Anna Nowak" not in waiting


def test_participant_list_is_out_of_reach_of_other_events_organisers(client, event):
    register(event)
    other = MembershipFactory()
    EventOrganiserFactory(organisation=other.organisation)  # organises another event
    client.force_login(other.user)
    for url in [
        participants_url(event),
        reverse("events:participants-export", kwargs={"slug": event.slug, "fmt": "csv"}),
        reverse("events:participants-export", kwargs={"slug": event.slug, "fmt": "xlsx"}),
        reverse("events:check-in", kwargs={"slug": event.slug}),
    ]:
        assert client.get(url).status_code == 403
    registration = Registration.objects.get()
    response = client.post(
        reverse("events:check-in", kwargs={"slug": event.slug}),
        {"code": check_in_code(registration)},
    )
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_participant_list_sends_anonymous_people_to_log_in(client, event):
    response = client.get(participants_url(event))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_partner_organisation_member_is_not_an_organiser(client, event):
    membership = MembershipFactory()
    EventOrganiserFactory(event=event, organisation=membership.organisation, role="partner")
    client.force_login(membership.user)
    assert client.get(participants_url(event)).status_code == 403


@pytest.mark.parametrize("count", [1, 3])
def test_participant_list_query_count(client, event, organiser, django_assert_num_queries, count):
    event.capacity = None
    event.save()
    RegistrationFactory.create_batch(count, event=event, organisation=OrganisationFactory())
    client.force_login(organiser)
    # session, user, event, organiser check, page count, page, counts
    with django_assert_num_queries(7):
        response = client.get(participants_url(event))
    assert response.status_code == 200


def test_csv_export(client, event, organiser):
    register(
        event,
        UserFactory(full_name="Anna Nowak", email="anna@example.org"),
        organisation=OrganisationFactory(name="=HYPERLINK(evil)"),
        participant_role=Registration.ParticipantRole.RESEARCHER,
    )
    client.force_login(organiser)
    response = client.get(
        reverse("events:participants-export", kwargs={"slug": event.slug, "fmt": "csv"})
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:5] == ["Name", "E-mail", "Organisation", "Role", "Status"]
    assert rows[1][:7] == [
        "Anna Nowak",
        "anna@example.org",
        "'=HYPERLINK(evil)",
        "Researcher",
        "Confirmed",
        "yes",
        "no",
    ]


def test_xlsx_export(client, event, organiser):
    register(event, UserFactory(full_name="Anna Nowak"))
    register(event, UserFactory(full_name="Jan Kowalski"))
    client.force_login(organiser)
    response = client.get(
        reverse("events:participants-export", kwargs={"slug": event.slug, "fmt": "xlsx"})
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "Name"
    assert [row[0] for row in rows[1:]] == ["Anna Nowak", "Jan Kowalski"]
    assert [row[4] for row in rows[1:]] == ["Confirmed", "On the waiting list"]


def test_export_in_another_format_is_404(client, event, organiser):
    client.force_login(organiser)
    url = reverse("events:participants-export", kwargs={"slug": event.slug, "fmt": "pdf"})
    assert client.get(url).status_code == 404


def test_check_in_by_code(client, event, organiser):
    registration = register(event, UserFactory(full_name="Anna Nowak"))
    client.force_login(organiser)
    url = reverse("events:check-in", kwargs={"slug": event.slug})
    assert client.get(url).status_code == 200
    response = client.post(url, {"code": check_in_code(registration)})
    content = response.content.decode()
    assert "Checked in" in content and "Anna Nowak" in content
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    again = client.post(url, {"code": check_in_code(registration)}).content.decode()
    assert "Not checked in" in again and "Already checked in" in again


def test_check_in_with_a_bad_code_shows_the_error_next_to_the_field(client, event, organiser):
    client.force_login(organiser)
    response = client.post(
        reverse("events:check-in", kwargs={"slug": event.slug}), {"code": "12-nonsense"}
    )
    assert response.context["code_form"].errors["code"] == ["This is not a check-in code."]


def test_check_in_by_name_search(client, event, organiser):
    registration = register(event, UserFactory(full_name="Anna Nowak"))
    register(event, UserFactory(full_name="Anna Waiting"))  # waitlisted: not listed
    client.force_login(organiser)
    url = reverse("events:check-in", kwargs={"slug": event.slug})
    content = client.get(url, {"q": "anna"}).content.decode()
    assert "Check in Anna Nowak" in content
    assert "Anna Waiting" not in content
    client.post(url, {"registration": registration.pk})
    registration.refresh_from_db()
    assert registration.checked_in_at is not None


def test_check_in_of_another_events_registration_is_404(client, event, organiser):
    other = register(EventFactory(registration_open=True))
    client.force_login(organiser)
    response = client.post(
        reverse("events:check-in", kwargs={"slug": event.slug}), {"registration": other.pk}
    )
    assert response.status_code == 404
