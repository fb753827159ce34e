"""The event page's link into matchmaking."""

import pytest
from django.urls import reverse

from tests.factories import (
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _url(name, event):
    return reverse(f"matchmaking:{name}", kwargs={"slug": event.slug})


def test_event_page_links_participants_and_organisers_to_matchmaking(
    client, event, alice, cohost, mm_settings
):
    url = event.get_absolute_url()
    marketplace = _url("marketplace", event)
    assert marketplace not in client.get(url).content.decode()
    client.force_login(alice.user)
    assert marketplace in client.get(url).content.decode()
    client.force_login(cohost)
    assert _url("schedule", event) in client.get(url).content.decode()
    client.force_login(UserFactory())
    assert marketplace not in client.get(url).content.decode()
    mm_settings.enabled = False
    mm_settings.save()
    client.force_login(alice.user)
    assert marketplace not in client.get(url).content.decode()
