import datetime as dt

import icalendar
import pytest
from django.core import signing
from django.core.cache import cache
from django.urls import reverse

from modus.events.calendars import personal_agenda_token, user_for_personal_agenda_token
from modus.events.models import AgendaMark, Event
from tests.events.exports_support import agenda_event
from tests.factories import (
    PASSWORD,
    EventFactory,
    PersonFactory,
    SessionFactory,
    SessionRoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("inline; filename=")
    return icalendar.Calendar.from_ical(response.content)


def test_event_calendar_has_the_event_over_its_days_and_every_session(client):
    event = agenda_event(sessions=3)
    calendar = parse(client.get(reverse("events:event-ics", kwargs={"slug": event.slug})))
    assert str(calendar["version"]) == "2.0"
    entries = list(calendar.walk("VEVENT"))
    assert len(entries) == 4

    whole = entries[0]
    assert whole["uid"] == f"event-{event.pk}@127.0.0.1"
    assert whole.decoded("dtstart") == dt.date(2022, 11, 7)
    assert whole.decoded("dtend") == dt.date(2022, 11, 9)  # exclusive: the day after the last
    assert "Congress Centre" in whole["location"]

    talk = next(entry for entry in entries if entry["summary"].startswith("Talk 1"))
    session = event.sessions.get(slug="talk-1")
    assert talk["uid"] == f"session-{session.pk}@127.0.0.1"
    assert talk.decoded("dtstart") == session.starts_at
    assert talk.decoded("dtend") == session.ends_at
    assert talk["location"].startswith("Room B, Congress Centre")
    assert "Speaker: Speaker 1" in talk["description"]
    assert talk["url"].endswith(session.get_absolute_url())
    for entry in entries:
        assert "dtstamp" in entry


def test_cancelled_event_says_so(client):
    event = agenda_event(sessions=1, status=Event.Status.CANCELLED)
    calendar = parse(client.get(reverse("events:event-ics", kwargs={"slug": event.slug})))
    assert {str(entry["status"]) for entry in calendar.walk("VEVENT")} == {"CANCELLED"}


def test_session_calendar_has_one_session(client):
    event = agenda_event(sessions=2)
    url = reverse("events:session-ics", kwargs={"slug": event.slug, "session_slug": "talk-0"})
    calendar = parse(client.get(url))
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["summary"]).startswith("Talk 0")
    assert "Recording: https://media.example.org/talk.mp4" in entry["description"]


@pytest.mark.parametrize("name", ["events:event-ics", "events:session-ics"])
def test_drafts_have_no_calendar(client, name):
    session = SessionFactory(event=EventFactory(status=Event.Status.DRAFT))
    kwargs = {"slug": session.event.slug}
    if name == "events:session-ics":
        kwargs["session_slug"] = session.slug
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 404


def test_unknown_session_is_404(client):
    event = EventFactory()
    url = reverse("events:session-ics", kwargs={"slug": event.slug, "session_slug": "nope"})
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("sessions", [1, 3])
def test_event_calendar_query_count(client, django_assert_num_queries, sessions):
    event = agenda_event(sessions=sessions)
    with django_assert_num_queries(3):  # event, sessions with rooms, their people
        client.get(reverse("events:event-ics", kwargs={"slug": event.slug}))


# --- the personal agenda -------------------------------------------------------------------


def agenda_url(user) -> str:
    return reverse("events:my-agenda-ics", kwargs={"token": personal_agenda_token(user)})


def test_personal_agenda_has_spoken_and_marked_sessions_only(client):
    user = UserFactory()
    event = agenda_event(sessions=3)
    spoken, marked, other = event.sessions.order_by("slug")
    SessionRoleFactory(session=spoken, person=PersonFactory(user=user))
    AgendaMark.objects.create(user=user, session=marked)
    AgendaMark.objects.create(user=UserFactory(), session=other)  # someone else's mark
    draft_session = SessionFactory(event=EventFactory(status=Event.Status.DRAFT))
    AgendaMark.objects.create(user=user, session=draft_session)

    calendar = parse(client.get(agenda_url(user)))
    uids = {str(entry["uid"]).split("@")[0] for entry in calendar.walk("VEVENT")}
    assert uids == {f"session-{spoken.pk}", f"session-{marked.pk}"}


def test_a_session_both_spoken_and_marked_appears_once(client):
    user = UserFactory()
    session = SessionFactory()
    SessionRoleFactory(session=session, person=PersonFactory(user=user))
    AgendaMark.objects.create(user=user, session=session)
    assert len(parse(client.get(agenda_url(user))).walk("VEVENT")) == 1


def test_the_link_is_a_random_secret_not_the_user_id(client):
    user, other = UserFactory(), UserFactory()
    token = personal_agenda_token(user)
    assert len(token) >= 40 and token != personal_agenda_token(other)
    with pytest.raises(signing.BadSignature):
        signing.loads(token, salt="modus.events.personal-agenda")
    assert user_for_personal_agenda_token(token) == user
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert user_for_personal_agenda_token(tampered) is None
    assert (
        client.get(reverse("events:my-agenda-ics", kwargs={"token": tampered})).status_code == 404
    )
    assert client.get(reverse("events:my-agenda-ics", kwargs={"token": "x"})).status_code == 404


def test_a_password_change_replaces_the_link(client):
    user = UserFactory()
    old = agenda_url(user)
    assert client.get(old).status_code == 200
    user.set_password("a new and long passphrase")
    user.save()
    assert client.get(old).status_code == 404
    assert client.get(agenda_url(user)).status_code == 200


def test_checking_the_password_keeps_the_link(settings):
    """A login may rehash the password (a stronger hasher): the link stays."""
    user = UserFactory()
    old = agenda_url(user)
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    assert user.check_password(PASSWORD)
    user.save()
    user.refresh_from_db()
    assert user.password.startswith("pbkdf2") and agenda_url(user) == old


def test_an_inactive_user_has_no_calendar(client):
    user = UserFactory()
    user.is_active = False
    user.save()
    assert client.get(agenda_url(user)).status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_personal_agenda_query_count(client, django_assert_num_queries, count):
    user = UserFactory()
    for session in agenda_event(sessions=count).sessions.all():
        AgendaMark.objects.create(user=user, session=session)
    with django_assert_num_queries(3):  # the user, sessions with events, their people
        response = client.get(agenda_url(user))
    assert len(parse(response).walk("VEVENT")) == count
