import datetime as dt
import re

import pytest

from modus.events import selectors
from modus.events.tokens import check_in_code
from tests.events.registration_support import open_event, sign_up
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_mails_for_confirmation_and_waiting_list(
    mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://modus.example.org"
    event = open_event(capacity=1, name="Clusters meet Regions: Katowice")
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = sign_up(event)
        sign_up(event)
    confirmation, waiting = mailoutbox
    assert "confirmed" in confirmation.subject
    assert "Katowice" in confirmation.subject
    assert check_in_code(confirmed) in confirmation.body
    assert "https://modus.example.org/" in confirmation.body
    token = re.search(
        r"https://modus\.example\.org/events/registrations/cancel/([^/]+)/", confirmation.body
    )
    assert selectors.registration_for_cancellation_token(token.group(1)) == confirmed
    assert "waiting list" in waiting.subject


def test_mail_is_written_in_the_participants_language(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = open_event(starts_on=dt.date(2031, 11, 7), ends_on=dt.date(2031, 11, 8))
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(event, UserFactory(preferred_language="pl"))
    assert "listopada 2031" in mailoutbox[0].body
