import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from modus.activity.models import ActionLogEntry
from modus.results import services
from modus.results.errors import FeedbackError
from modus.results.models import FollowUpPlan, Invitation, MeetingRating
from tests.factories import RegistrationFactory

from .conftest import ended_edition, record, sides


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_each_participant_gets_one_feedback_email_after_the_event(db, clock):
    event, meetings = ended_edition(pairs=2)
    listener = RegistrationFactory(event=event).user
    sent = services.send_follow_ups()
    people = {user.email for meeting in meetings for user in sides(meeting)} | {listener.email}
    assert sent == {"feedback": 5, "follow_up": 0, "reminders": 0}
    assert recipients() == sorted(people)
    message = mail.outbox[0]
    assert event.name in message.subject
    assert "/results/feedback/" in message.body
    # The job runs again (cron, beat): nobody is mailed twice.
    assert services.send_follow_ups() == {"feedback": 0, "follow_up": 0, "reminders": 0}
    assert len(mail.outbox) == 5


def test_no_feedback_before_the_event_is_over_nor_long_after(db, clock):
    event, _meetings = ended_edition(pairs=1)
    clock.move_to(dt.datetime(2026, 3, 6, 12, 0, tzinfo=dt.UTC))
    assert services.send_follow_ups()["feedback"] == 0
    clock.move_to(dt.datetime(2026, 4, 20, 12, 0, tzinfo=dt.UTC))
    assert services.send_follow_ups()["feedback"] == 0
    assert not Invitation.objects.filter(event=event).exists()


def test_the_command_sends_them_without_a_broker(db, clock, capsys):
    ended_edition(pairs=1)
    call_command("send_follow_ups")
    assert "Sent: 2 feedback, 0 follow-up, 0 reminders." in capsys.readouterr().out
    assert len(mail.outbox) == 2


def test_one_reminder_a_week_later_to_those_who_have_not_answered(db, clock):
    _event, meetings = ended_edition(pairs=1)
    services.send_follow_ups()
    first, second = sides(meetings[0])
    Invitation.objects.filter(user=first).update(answered_at=dt.datetime.now(dt.UTC))
    mail.outbox.clear()
    clock.shift(dt.timedelta(days=6))
    assert services.send_follow_ups()["reminders"] == 0
    clock.shift(dt.timedelta(days=2))
    assert services.send_follow_ups()["reminders"] == 1
    assert recipients() == [second.email]
    assert mail.outbox[0].subject.startswith("Reminder")
    clock.shift(dt.timedelta(days=10))
    assert services.send_follow_ups()["reminders"] == 0
    assert len(mail.outbox) == 1


def test_follow_up_goes_six_months_later_to_both_sides_of_promising_meetings(db, clock):
    event, meetings = ended_edition(pairs=4)
    services.send_follow_ups()
    rated, outcome, informative, silent = meetings
    MeetingRating.objects.create(meeting=rated, user=sides(rated)[0], rating="cooperation")
    MeetingRating.objects.create(
        meeting=informative, user=sides(informative)[0], rating="informative"
    )
    record(outcome, "letter_of_intent", side=1)
    mail.outbox.clear()
    clock.move_to(dt.datetime(2026, 9, 4, 12, 0, tzinfo=dt.UTC))
    assert services.send_follow_ups()["follow_up"] == 0
    clock.move_to(dt.datetime(2026, 9, 6, 12, 0, tzinfo=dt.UTC))
    sent = services.send_follow_ups()
    assert sent["follow_up"] == 4
    expected = {user.email for meeting in (rated, outcome) for user in sides(meeting)}
    follow_ups = [m for m in mail.outbox if "/results/follow-up/" in m.body]
    assert sorted(a for m in follow_ups for a in m.to) == sorted(expected)
    assert services.send_follow_ups()["follow_up"] == 0
    invitation = Invitation.objects.filter(event=event, kind="follow_up").first()
    assert invitation.closes_at == services.closes(event)


def test_the_interval_is_set_per_edition_or_per_programme(db, clock):
    event, _meetings = ended_edition(pairs=1)
    assert services.follow_up_months(event) == 6
    FollowUpPlan.objects.create(programme=event.programme, months=12)
    assert services.follow_up_months(event) == 12
    services.send_follow_ups()
    services.plan_follow_up(event, 3, actor=None)
    assert services.follow_up_months(event) == 3
    assert services.follow_up_opens(event).date() == dt.date(2026, 6, 6)
    closes = {invitation.closes_at for invitation in Invitation.objects.filter(event=event)}
    assert closes == {services.closes(event)}
    assert services.closes(event).date() == dt.date(2026, 8, 5)
    assert ActionLogEntry.objects.filter(action="results.follow_up.planned").exists()


def test_organisers_send_one_more_reminder_once(db, clock, django_user_model):
    event, meetings = ended_edition(pairs=1)
    services.send_follow_ups()
    first, second = sides(meetings[0])
    Invitation.objects.filter(user=first).update(answered_at=dt.datetime.now(dt.UTC))
    mail.outbox.clear()
    organiser = django_user_model.objects.create_user(email="o@example.org", password="x")
    assert services.send_extra_reminder(event, "feedback", actor=organiser) == 1
    assert recipients() == [second.email]
    with pytest.raises(FeedbackError) as caught:
        services.send_extra_reminder(event, "feedback", actor=organiser)
    assert caught.value.code == "nothing_to_remind"
    assert len(mail.outbox) == 1
    entry = ActionLogEntry.objects.get(action="results.feedback.reminded")
    assert entry.data == {"kind": "feedback", "sent": 1}
