"""The personal dashboard and the one "My agenda"."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from modus.events.models import AgendaMark, Registration
from modus.matchmaking import services as mm_services
from modus.matchmaking.models import MeetingOutcome
from modus.selection import services as selection_services
from tests.factories import (
    EventFactory,
    EventOrganiserFactory,
    MarketplaceProfileFactory,
    MembershipFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
    SessionRoleFactory,
    UserFactory,
)
from tests.matchmaking.support import make_version, past
from tests.selection.conftest import make_reviewer, submit_complete

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("web:dashboard")
MY_AGENDA = reverse("web:my-agenda")


def _at(version, start):
    """Move a version's meetings to ``start``, half an hour apart."""
    for n, meeting in enumerate(version.meetings.order_by("pk")):
        meeting.starts_at = start + dt.timedelta(minutes=30 * n)
        meeting.ends_at = meeting.starts_at + dt.timedelta(minutes=30)
        meeting.save()
    return version


# The dashboard ------------------------------------------------------------------------------


def test_the_personal_pages_need_a_login(client):
    for url in (DASHBOARD, MY_AGENDA):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response.url


def test_logging_in_lands_on_the_dashboard(client):
    user = UserFactory(email="lands@example.org")
    response = client.post(
        reverse("accounts:login"),
        {"username": "lands@example.org", "password": "correct-horse-battery-staple"},
    )
    assert response.status_code == 302 and response.url == DASHBOARD
    client.force_login(user)
    assert "Nothing here yet" in client.get(DASHBOARD).content.decode()


def test_dashboard_shows_registrations_with_qr_code_cancel_link_and_waiting_place(client):
    user = UserFactory()
    confirmed = RegistrationFactory(user=user, event__name="Katowice edition")
    full = EventFactory(name="Vaasa edition", capacity=1)
    RegistrationFactory(event=full, status=Registration.Status.WAITLISTED)
    RegistrationFactory(event=full, user=user, status=Registration.Status.WAITLISTED)
    RegistrationFactory(event__name="Someone else's", status=Registration.Status.CONFIRMED)
    RegistrationFactory(user=user, event__name="Left", status=Registration.Status.CANCELLED)
    client.force_login(user)
    html = client.get(DASHBOARD).content.decode()
    assert "Katowice edition" in html and "Vaasa edition" in html
    assert "Someone else" not in html and "Left" not in html
    assert reverse("events:my-registration", kwargs={"slug": confirmed.event.slug}) in html
    assert "/qr.svg" in html and "/registrations/cancel/" in html
    assert "You are number 2 on the waiting list." in html


def test_dashboard_shows_meetings_today_and_next(client, event, alice, bob):
    carol = MarketplaceProfileFactory(event=event, user__full_name="Carol Cieślak")
    version = make_version(event, [(alice, bob), (alice, carol)])
    now = timezone.now()
    today, later = version.meetings.order_by("pk")
    today.starts_at, today.ends_at = now + dt.timedelta(minutes=5), now + dt.timedelta(minutes=35)
    today.save()
    later.starts_at = now + dt.timedelta(days=3)
    later.ends_at = later.starts_at + dt.timedelta(minutes=30)
    later.save()
    client.force_login(alice.user)
    response = client.get(DASHBOARD)
    dashboard = response.context["dashboard"]
    assert [m.pk for m in dashboard.meetings_today] == [today.pk]
    assert [m.pk for m in dashboard.meetings_next] == [later.pk]
    html = response.content.decode()
    assert "Bořivoj Dvořák" in html and "Carol Cieślak" in html
    client.force_login(UserFactory())
    assert "Dvořák" not in client.get(DASHBOARD).content.decode()


def test_dashboard_lists_outcomes_still_to_record(client, event, alice, bob):
    meeting = past(make_version(event, [(alice, bob)])).meetings.get()
    client.force_login(alice.user)
    assert client.get(DASHBOARD).context["dashboard"].to_record == [meeting]
    assert "Outcomes still to record" in client.get(DASHBOARD).content.decode()
    mm_services.record_outcome(meeting, actor=alice.user, outcome="follow_up")
    assert client.get(DASHBOARD).context["dashboard"].to_record == []
    client.force_login(bob.user)  # Bob has not recorded his side yet
    assert client.get(DASHBOARD).context["dashboard"].to_record == [meeting]


def test_dashboard_shows_applications_reviews_and_managed_events(client, host_call):
    application, applicant = submit_complete(host_call)
    reviewer = make_reviewer()
    selection_services.assign_reviewer(application, reviewer=reviewer, actor=host_call.office)
    client.force_login(applicant)
    html = client.get(DASHBOARD).content.decode()
    assert "Your applications" in html
    assert reverse("selection:application", kwargs={"pk": application.pk}) in html
    client.force_login(reviewer)
    html = client.get(DASHBOARD).content.decode()
    assert "Reviews to do" in html and "Your applications" not in html
    cohost = MembershipFactory(
        organisation=EventOrganiserFactory(event__name="Co-hosted edition").organisation
    ).user
    client.force_login(cohost)
    html = client.get(DASHBOARD).content.decode()
    assert "Events you manage" in html and "Co-hosted edition" in html
    assert "Reviews to do" not in html


def test_dashboard_shows_jury_sheets(client, jury_setup):
    pitch_call, _pitches, juror = jury_setup
    client.force_login(juror)
    html = client.get(DASHBOARD).content.decode()
    assert "Your jury sheets" in html
    assert reverse("selection:jury", kwargs={"slug": pitch_call.call.slug}) in html


@pytest.mark.parametrize("count", [1, 3])
def test_dashboard_query_count(client, event, alice, django_assert_num_queries, count):
    MembershipFactory(user=alice.user, organisation=alice.organisation)
    for _ in range(count):
        RegistrationFactory(user=alice.user)
        EventOrganiserFactory(organisation=alice.organisation)
    others = [MarketplaceProfileFactory(event=event) for _ in range(2 * count)]
    version = make_version(event, [(alice, other) for other in others])
    # every meeting but the last is over; the last has begun
    _at(version, timezone.now() - dt.timedelta(minutes=30 * (2 * count - 1) + 10))
    client.force_login(alice.user)
    # session and user, registrations, upcoming meetings (+ their people), meetings to record
    # (+ their people), applications, reviews (+ the reviewer's memberships and person: the
    # conflicts of interest), jury calls, managed events
    with django_assert_num_queries(13):
        response = client.get(DASHBOARD)
    dashboard = response.context["dashboard"]
    assert len(dashboard.registrations) == count + 1
    assert len(dashboard.managed) == count
    assert dashboard.to_record and dashboard.meetings_today


# My agenda ----------------------------------------------------------------------------------


def test_my_agenda_shows_sessions_and_meetings_together(client, event, alice, bob):
    talk = SessionRoleFactory(
        person=PersonFactory(user=alice.user), session__event=event, session__title="My own talk"
    ).session
    marked = SessionFactory(event=event, title="Marked keynote")
    AgendaMark.objects.create(user=alice.user, session=marked)
    SessionFactory(event=event, title="Unmarked session")
    make_version(event, [(alice, bob)])
    client.force_login(alice.user)
    html = client.get(MY_AGENDA).content.decode()
    assert talk.title in html and "Marked keynote" in html and "You speak" in html
    assert "Unmarked session" not in html
    assert "Bořivoj Dvořák" in html and "Table 1" in html
    assert reverse("matchmaking:agenda-ics", kwargs={"slug": event.slug}) in html


def test_five_meetings_are_not_an_empty_agenda(client, event, alice):
    others = [MarketplaceProfileFactory(event=event) for _ in range(5)]
    make_version(event, [(alice, other) for other in others])
    client.force_login(alice.user)
    html = client.get(MY_AGENDA).content.decode()
    assert "Your agenda is empty" not in html
    assert len(re.findall(r'class="card mm-agenda-item"', html)) == 5


def test_nobody_sees_another_persons_agenda(client, event, alice, bob):
    make_version(event, [(alice, bob)])
    AgendaMark.objects.create(user=alice.user, session=SessionFactory(title="Alicja's pick"))
    client.force_login(MarketplaceProfileFactory(event=event).user)
    html = client.get(MY_AGENDA).content.decode()
    assert "Dvořák" not in html and "Łukasiewicz" not in html and "Alicja's pick" not in html
    assert "Your agenda is empty" in html


def test_the_old_agenda_addresses_lead_to_the_one_agenda(client, event, alice):
    client.force_login(alice.user)
    response = client.get(reverse("events:my-agenda"))
    assert response.status_code == 301 and response.url == MY_AGENDA
    response = client.get(reverse("matchmaking:agenda", kwargs={"slug": event.slug}))
    assert response.status_code == 301 and response.url == f"{MY_AGENDA}#event-{event.slug}"


def test_recording_an_outcome_returns_to_the_agenda(client, event, alice, bob):
    meeting = past(make_version(event, [(alice, bob)])).meetings.get()
    future = MarketplaceProfileFactory(event=event)
    client.force_login(alice.user)
    url = reverse("matchmaking:outcome", kwargs={"slug": event.slug, "pk": meeting.pk})
    assert url in client.get(MY_AGENDA).content.decode()
    response = client.post(url, {"outcome": "joint_project"}, follow=True)
    assert response.redirect_chain[-1][0] == f"{MY_AGENDA}#event-{event.slug}"
    assert 'value="joint_project" selected' in response.content.decode()
    assert MeetingOutcome.objects.get().outcome == "joint_project"
    upcoming = make_version(event, [(future, bob)]).meetings.get()
    client.force_login(future.user)
    html = client.get(MY_AGENDA).content.decode()
    assert (
        reverse("matchmaking:outcome", kwargs={"slug": event.slug, "pk": upcoming.pk}) not in html
    )


@pytest.mark.parametrize("count", [1, 3])
def test_my_agenda_query_count(client, alice, django_assert_num_queries, count):
    for _ in range(count):
        other_event = MarketplaceProfileFactory(user=alice.user).event
        AgendaMark.objects.create(user=alice.user, session=SessionFactory(event=other_event))
        pair = MarketplaceProfileFactory(event=other_event)
        make_version(other_event, [(pair, alice.user.marketplace_profiles.get(event=other_event))])
    client.force_login(alice.user)
    # session and user, sessions, meetings (+ people), settings, halls, outcomes
    with django_assert_num_queries(8):
        response = client.get(MY_AGENDA)
    assert len(response.context["agendas"]) == count
    html = response.content.decode()
    assert len(re.findall(r'class="card mm-agenda-item"', html)) == 2 * count


def test_the_new_link_button_replaces_the_calendar_link(client):
    user, other = UserFactory(), UserFactory()
    client.force_login(user)
    old = re.search(r'value="(http[^"]+\.ics)"', client.get(MY_AGENDA).content.decode())[1]
    others = other.calendar_secret
    assert client.get(reverse("web:new-calendar-link")).status_code == 405
    response = client.post(reverse("web:new-calendar-link"))
    assert response.status_code == 302
    page = client.get(MY_AGENDA).content.decode()
    new = re.search(r'value="(http[^"]+\.ics)"', page)[1]
    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    other.refresh_from_db()
    assert other.calendar_secret == others  # only one's own link is replaced
    client.logout()
    response = client.post(reverse("web:new-calendar-link"))
    assert response.status_code == 302 and "login" in response["Location"]
