"""The feedback and follow-up e-mails: who is asked when, each e-mail once, one reminder.

``send_follow_ups`` is the one job (Celery beat with a broker, ``modus send-follow-ups`` from
cron without one). Safe to run as often as you like: an invitation row is the record that its
e-mail went, a reminder is stamped by a conditional update, so two runs never mail anyone twice.
"""

import calendar
import datetime as dt
from urllib.parse import urlencode

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from modus.accounts.models import User
from modus.activity.services import log_action
from modus.events import selectors as events
from modus.matchmaking import selectors as matchmaking
from modus.web.links import absolute_url
from modus.web.tasks import send_email

from ..actions import EXTRA_REMINDER, PLAN_CHANGED
from ..cooperation import promising_meetings
from ..errors import FeedbackError
from ..models import FollowUpPlan, Invitation
from ..tokens import invitation_token

Kind = Invitation.Kind
DEFAULT_MONTHS = 6


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def follow_up_months(event) -> int:
    """The edition's own plan, else its programme's, else six months."""
    plans = FollowUpPlan.objects.filter(event=event)
    if event.programme_id:
        plans = plans | FollowUpPlan.objects.filter(programme_id=event.programme_id)
    by_owner = {("event" if p.event_id else "programme"): p.months for p in plans}
    return by_owner.get("event") or by_owner.get("programme") or DEFAULT_MONTHS


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _local_midnight(event, day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=event.zone)


def follow_up_opens(event) -> dt.datetime:
    """The follow-up goes out ``months`` after the event's last day."""
    return _local_midnight(event, add_months(event.ends_on, follow_up_months(event)))


def closes(event) -> dt.datetime:
    """Answers (feedback and follow-up) may change until the follow-up closes."""
    days = _setting("MODUS_FOLLOW_UP_OPEN_DAYS", 60)
    return follow_up_opens(event) + dt.timedelta(days=days)


def link(invitation, language: str = "") -> str:
    """The absolute link of the invitation's form (``?lang=``: the page in the person's
    language, whatever the browser says)."""
    name = "results:feedback" if invitation.kind == Kind.FEEDBACK else "results:follow-up"
    url = absolute_url(reverse(name, kwargs={"token": invitation_token(invitation)}))
    return f"{url}?{urlencode({'lang': language})}" if language else url


def mail(invitation, *, reminder: bool = False) -> None:
    """The invitation's e-mail (or its reminder) in the person's language, with a fresh link."""
    user = invitation.user
    language = user.preferred_language or settings.LANGUAGE_CODE
    context = {
        "user": user,
        "event": invitation.event,
        "invitation": invitation,
        "reminder": reminder,
        "url": link(invitation, language),
    }
    with translation.override(language):
        subject = render_to_string(f"results/email/{invitation.kind}_subject.txt", context)
        body = render_to_string(f"results/email/{invitation.kind}.txt", context)
    send_email.delay(to=[user.email], subject=" ".join(subject.split()), body=body)


def feedback_recipients(event) -> set[int]:
    """Everyone confirmed for the edition, and everyone with a published meeting there."""
    users = {row["user"] for row in events.registration_facts(event)}
    for fact in matchmaking.meeting_facts(event):
        if not fact["cancelled"]:
            users.update(side["user"] for side in fact["sides"] if side["user"])
    return users


def follow_up_recipients(event) -> set[int]:
    """Both sides of every promising meeting."""
    return {
        side["user"] for fact in promising_meetings(event) for side in fact["sides"] if side["user"]
    }


def _invite(event, kind: str, user_ids: set[int], closes_at) -> int:
    """One invitation (and its e-mail) per person who has none yet; returns how many went."""
    known = set(
        Invitation.objects.filter(event=event, kind=kind, user_id__in=user_ids).values_list(
            "user_id", flat=True
        )
    )
    sent = 0
    for user in User.objects.filter(pk__in=user_ids - known, is_active=True).order_by("pk"):
        try:
            with transaction.atomic():
                invitation = Invitation.objects.create(
                    event=event, kind=kind, user=user, closes_at=closes_at
                )
        except IntegrityError:  # another run got there first: its e-mail went
            continue
        mail(invitation)
        sent += 1
    return sent


def reminder_days() -> int:
    """How many days after an invitation its one reminder goes (default 7)."""
    return _setting("MODUS_FEEDBACK_REMINDER_DAYS", 7)


def _remind(now) -> int:
    """One reminder to each open, unanswered invitation sent a while ago."""
    after = dt.timedelta(days=reminder_days())
    due = Invitation.objects.filter(
        answered_at__isnull=True,
        reminded_at__isnull=True,
        closes_at__gt=now,
        sent_at__lte=now - after,
    ).select_related("user", "event")
    sent = 0
    for invitation in due:
        stamped = Invitation.objects.filter(pk=invitation.pk, reminded_at__isnull=True).update(
            reminded_at=now
        )
        if stamped:
            mail(invitation, reminder=True)
            sent += 1
    return sent


def candidate_editions(today: dt.date):
    """Published editions over by ``today`` whose follow-up may still be open (three years)."""
    return (
        events.public_events()
        .filter(status="published", ends_on__lt=today, ends_on__gte=today - dt.timedelta(days=1200))
        .select_related("programme")
    )


def send_follow_ups(now=None) -> dict:
    """Feedback e-mails for editions that ended in the last ``MODUS_FEEDBACK_SEND_DAYS`` (21),
    follow-ups once an edition's interval has passed (to both sides of each promising meeting,
    until it closes), then the reminders. Each e-mail goes once."""
    now = now or timezone.now()
    sent = {"feedback": 0, "follow_up": 0, "reminders": 0}
    window = dt.timedelta(days=_setting("MODUS_FEEDBACK_SEND_DAYS", 21))
    for event in candidate_editions(now.date() + dt.timedelta(days=1)):
        today = timezone.localtime(now, event.zone).date()
        if event.ends_on >= today:
            continue
        opens, closes_at = follow_up_opens(event), closes(event)
        if now >= closes_at:
            continue
        if today - event.ends_on <= window and now < opens:
            sent["feedback"] += _invite(event, Kind.FEEDBACK, feedback_recipients(event), closes_at)
        if opens <= now:
            recipients = follow_up_recipients(event)
            sent["follow_up"] += _invite(event, Kind.FOLLOW_UP, recipients, closes_at)
    sent["reminders"] = _remind(now)
    return sent


def send_extra_reminder(event, kind: str, *, actor, now=None) -> int:
    """The organisers' one more reminder to everyone who has not answered yet (once each)."""
    now = now or timezone.now()
    waiting = Invitation.objects.filter(
        event=event,
        kind=kind,
        answered_at__isnull=True,
        extra_reminded_at__isnull=True,
        closes_at__gt=now,
    ).select_related("user", "event")
    sent = 0
    for invitation in waiting:
        stamped = Invitation.objects.filter(
            pk=invitation.pk, extra_reminded_at__isnull=True
        ).update(extra_reminded_at=now)
        if stamped:
            mail(invitation, reminder=True)
            sent += 1
    if not sent:
        raise FeedbackError(
            _("Everyone has answered or has had one more reminder already."),
            code="nothing_to_remind",
        )
    log_action(event, EXTRA_REMINDER, actor=actor, data={"kind": kind, "sent": sent})
    return sent


def resend_link(invitation) -> None:
    """A fresh link to the invitation's own address (the one in hand was spent by an answer)."""
    mail(invitation)


def plan_follow_up(event, months: int, *, actor) -> FollowUpPlan:
    """The edition's own interval between the event and its follow-up; the invitations already
    out close with the new plan."""
    plan, _created = FollowUpPlan.objects.update_or_create(event=event, defaults={"months": months})
    Invitation.objects.filter(event=event).update(closes_at=closes(event))
    log_action(event, PLAN_CHANGED, actor=actor, data={"months": months})
    return plan
