"""The demo's upcoming edition: something to register for, request meetings at and score."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from modus.demo import upcoming_edition
from modus.demo.loader import load_demo
from modus.events.models import Event, Registration
from modus.matchmaking.models import MeetingRequest
from modus.matchmaking.selectors import deadline_passed
from modus.selection.models import Application, Call
from modus.selection.selectors import jury_calls
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_demo(organisations=10, log=lambda line: None)
    return Event.objects.get(slug=upcoming_edition.SLUG)


def user(local_part):
    return get_user_model().objects.get(email=f"{local_part}@demo.modus.invalid")


def test_one_edition_lies_30_days_ahead_with_registration_open(demo, client):
    today = timezone.localdate()
    assert demo.starts_on == today + dt.timedelta(days=30)
    assert demo.status == Event.Status.PUBLISHED and demo.registration_open
    assert demo.programme.slug == "clusters-meet-regions" and demo.edition_number == 22
    assert demo.region_id == "PL51" and "Invented for the demo" in demo.description
    assert all(s.starts_at.date() >= demo.starts_on for s in demo.sessions.all())
    # the historical editions stay as they were: every other one is over
    others = Event.objects.exclude(pk=demo.pk).exclude(co_located_with__isnull=False)
    assert not others.filter(ends_on__gte=today).exists()

    newcomer = UserFactory()
    client.force_login(newcomer)
    page = client.get(reverse("events:register", kwargs={"slug": demo.slug}))
    assert page.status_code == 200 and 'name="participant_role"' in page.content.decode()
    assert demo.registrations.filter(status=Registration.Status.CONFIRMED).count() == 40
    assert demo.registrations.filter(user=user("participant-001")).exists()


def test_the_marketplace_is_open_with_requests_pending(demo):
    assert demo.matchmaking_settings.enabled
    assert not deadline_passed(demo.matchmaking_settings)
    requests = MeetingRequest.objects.filter(event=demo)
    assert requests.filter(status=MeetingRequest.Status.PENDING).count() >= 20
    assert requests.filter(status=MeetingRequest.Status.ACCEPTED).exists()
    waiting = requests.filter(
        to_profile__user=user("participant-001"), status=MeetingRequest.Status.PENDING
    )
    assert waiting.count() >= 2


def test_a_call_for_pitches_closes_soon_and_a_juror_has_sheets_to_fill_in(demo):
    call = Call.objects.get(slug=upcoming_edition.PITCH_CALL_SLUG)
    assert call.status == Call.Status.OPEN and call.session.event == demo
    deadline = call.cut_offs.get().deadline
    assert timezone.now() < deadline < timezone.now() + dt.timedelta(days=7)
    statuses = sorted(call.applications.values_list("status", flat=True))
    assert statuses == [Application.Status.ACCEPTED] * 2 + [Application.Status.SUBMITTED]
    juror_calls = {c.slug: c.open_sheets for c in jury_calls(user("jury-1"))}
    assert juror_calls[upcoming_edition.PITCH_CALL_SLUG] == 2


def test_an_edition_whose_day_has_come_moves_30_days_ahead_again(demo):
    today = timezone.localdate()
    upcoming_edition._move(demo, today - dt.timedelta(days=3))
    load_demo(organisations=10, log=lambda line: None)
    demo.refresh_from_db()
    assert demo.starts_on == today + dt.timedelta(days=30)
    assert demo.ends_on == demo.starts_on + dt.timedelta(days=1)
    days = {s.starts_at.astimezone(upcoming_edition.WARSAW).date() for s in demo.sessions.all()}
    assert days == {demo.starts_on, demo.ends_on}
    window = demo.matchmaking_settings.windows[0]
    assert window["day"] == demo.ends_on.isoformat()
    assert not deadline_passed(demo.matchmaking_settings)
    deadline = Call.objects.get(slug=upcoming_edition.PITCH_CALL_SLUG).cut_offs.get().deadline
    assert deadline > timezone.now()
