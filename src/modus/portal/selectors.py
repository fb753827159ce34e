"""The reads of the personal dashboard: one person's part of every app, through each app's own
selectors and permissions. A fixed number of queries, however much the person has."""

import dataclasses

from django.urls import reverse
from django.utils import timezone

from modus.events.permissions import managed_events
from modus.events.selectors import registrations_of_user
from modus.events.tokens import cancellation_token, check_in_code
from modus.matchmaking.selectors import meetings_to_record, upcoming_meetings
from modus.selection.selectors import applications_of_member, jury_calls, reviews_to_do

LIST_LIMIT = 10


@dataclasses.dataclass
class Dashboard:
    registrations: list
    meetings_today: list
    meetings_next: list
    to_record: list
    applications: list
    reviews: list
    jury: list
    managed: list

    @property
    def is_empty(self) -> bool:
        return not any(dataclasses.astuple(self))


def _with_links(registration):
    """A registration with its QR code, cancellation link and waiting-list place."""
    code = check_in_code(registration)
    registration.qr_url = reverse("events:registration-qr", kwargs={"token": code})
    registration.check_in_code = code
    registration.cancel_url = reverse(
        "events:cancel-registration", kwargs={"token": cancellation_token(registration)}
    )
    registration.waiting_position = registration.waiting_ahead + 1
    return registration


def dashboard_of(user, *, now=None) -> Dashboard:
    """Everything a person has to do or attend: 11 queries."""
    now = now or timezone.now()
    meetings = upcoming_meetings(user, now=now)
    return Dashboard(
        registrations=[_with_links(r) for r in registrations_of_user(user)],
        meetings_today=[m for m in meetings if m.today],
        meetings_next=[m for m in meetings if not m.today],
        to_record=meetings_to_record(user, now=now),
        applications=list(applications_of_member(user)[:LIST_LIMIT]),
        reviews=reviews_to_do(user),
        jury=jury_calls(user),
        managed=list(
            managed_events(user)
            .select_related("programme")
            .order_by("-starts_on", "-pk")[:LIST_LIMIT]
        ),
    )
