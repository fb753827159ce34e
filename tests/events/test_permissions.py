"""Who manages an event: co-hosts and organisers, and the office of the event's programme."""

import pytest
from django.urls import reverse

from modus.events.models import Event
from modus.events.permissions import is_cohost, managed_events
from tests.factories import EventFactory, EventOrganiserFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_programme_office_manages_the_programmes_events():
    office, outsider = UserFactory(), UserFactory()
    draft = EventFactory(status=Event.Status.DRAFT, name="Draft edition")
    draft.programme.team.add(office)
    other = EventFactory()
    assert is_cohost(office, draft) and not is_cohost(office, other)
    assert not is_cohost(outsider, draft)
    assert list(managed_events(office)) == [draft]
    assert list(managed_events(outsider)) == []


def test_a_cohost_in_two_roles_is_listed_once():
    cohost = UserFactory()
    event = EventFactory()
    organisation = EventOrganiserFactory(event=event).organisation
    EventOrganiserFactory(event=event, organisation=organisation, role="organiser")
    MembershipFactory(user=cohost, organisation=organisation)
    event.programme.team.add(cohost)
    assert list(managed_events(cohost)) == [event]


def test_the_office_opens_the_draft_event_it_created(client):
    office = UserFactory()
    draft = EventFactory(status=Event.Status.DRAFT)
    draft.programme.team.add(office)
    client.force_login(office)
    assert client.get(reverse("events:manage", kwargs={"slug": draft.slug})).status_code == 200
    client.force_login(UserFactory())
    assert client.get(reverse("events:manage", kwargs={"slug": draft.slug})).status_code == 403
