"""The agenda pages, the organisers' printout and outcome pages."""

import pytest
from django.urls import reverse

from modus.matchmaking import services
from tests.factories import (
    MarketplaceProfileFactory,
    UserFactory,
)

from .support import make_version, past

pytestmark = pytest.mark.django_db


def _url(name, event):
    return reverse(f"matchmaking:{name}", kwargs={"slug": event.slug})


def test_agenda_page_shows_table_other_side_and_organisation(client, event, alice, bob):
    make_version(event, [(alice, bob)])
    client.force_login(alice.user)
    response = client.get(reverse("web:my-agenda"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Table 1" in html
    assert "Bořivoj Dvořák" in html
    assert bob.organisation.get_absolute_url() in html
    assert reverse("matchmaking:profile", kwargs={"slug": event.slug, "pk": bob.pk}) in html


def test_virtual_meetings_show_the_video_link(client, event, mm_settings, alice, bob):
    mm_settings.virtual = True
    mm_settings.tables = None
    mm_settings.video_link = "https://video.example.org/room"
    mm_settings.save()
    version = make_version(event, [(alice, bob)])
    version.meetings.update(table=None)
    client.force_login(bob.user)
    assert "https://video.example.org/room" in client.get(reverse("web:my-agenda")).content.decode()


def test_nobody_sees_another_participants_agenda(client, event, alice, bob):
    carol = MarketplaceProfileFactory(event=event, user__full_name="Carol Outsider")
    make_version(event, [(alice, bob)])
    client.force_login(carol.user)
    for name in ("agenda-ics", "agenda-pdf"):
        body = client.get(_url(name, event)).content
        assert b"Dvo" not in body and b"ukasiewicz" not in body, name
    client.force_login(UserFactory())
    for name in ("agenda-ics", "agenda-pdf", "agendas-pdf", "outcomes"):
        assert client.get(_url(name, event)).status_code == 403, name
    client.logout()
    for name in ("agenda-ics", "agenda-pdf", "agendas-pdf", "outcomes"):
        response = client.get(_url(name, event))
        assert response.status_code == 302 and "login" in response.url


def test_participants_do_not_get_the_organisers_printout(client, event, alice, bob):
    make_version(event, [(alice, bob)])
    client.force_login(alice.user)
    assert client.get(_url("agendas-pdf", event)).status_code == 403
    assert client.get(_url("outcomes", event)).status_code == 403


def test_my_meetings_and_schedule_pages_link_the_agendas(client, event, alice, bob, cohost):
    make_version(event, [(alice, bob)])
    client.force_login(alice.user)
    html = client.get(_url("meetings", event)).content.decode()
    assert _url("agenda-ics", event) in html and _url("agenda-pdf", event) in html
    client.force_login(cohost)
    assert _url("agendas-pdf", event) in client.get(_url("schedule", event)).content.decode()


@pytest.fixture
def trio(event):
    return [MarketplaceProfileFactory(event=event) for _ in range(3)]


def _outcome_url(event, meeting):
    return reverse("matchmaking:outcome", kwargs={"slug": event.slug, "pk": meeting.pk})


def test_unknown_outcome_through_the_page_is_a_message_not_an_error(client, event, trio):
    alice, bob, _carol = trio
    meeting = past(make_version(event, [(alice, bob)])).meetings.get()
    client.force_login(alice.user)
    response = client.post(_outcome_url(event, meeting), {"outcome": "x"}, follow=True)
    assert response.status_code == 200
    assert "Unknown outcome." in response.content.decode()


def test_future_meetings_have_no_outcome_form(client, event, trio):
    alice, bob, _carol = trio
    meeting = make_version(event, [(alice, bob)]).meetings.get()
    client.force_login(alice.user)
    html = client.get(reverse("web:my-agenda")).content
    assert _outcome_url(event, meeting) not in html.decode()


def test_organiser_outcomes_page(client, event, trio, cohost):
    alice, bob, _carol = trio
    meeting = past(make_version(event, [(alice, bob)])).meetings.get()
    services.record_outcome(meeting, actor=bob.user, outcome="letter_of_intent")
    client.force_login(cohost)
    response = client.get(reverse("matchmaking:outcomes", kwargs={"slug": event.slug}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<td>Letter of intent</td><td>1</td>" in html
    assert reverse("matchmaking:agendas-pdf", kwargs={"slug": event.slug}) in html
