import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from modus.results import services
from modus.results.models import FollowUpPlan, Invitation
from tests.factories import EventOrganiserFactory, MembershipFactory, UserFactory

from .conftest import ended_edition, sides


@pytest.fixture
def edition_with_invitations(db, clock):
    event, meetings = ended_edition(pairs=3)
    services.send_follow_ups()
    Invitation.objects.filter(user=sides(meetings[0])[0]).update(answered_at=timezone.now())
    mail.outbox.clear()
    cohost = MembershipFactory().user
    EventOrganiserFactory(event=event, organisation=cohost.memberships.get().organisation)
    return event, cohost


def test_cohosts_see_the_response_rate(client, edition_with_invitations):
    event, cohost = edition_with_invitations
    client.force_login(cohost)
    response = client.get(reverse("results:responses", kwargs={"slug": event.slug}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<td>6</td><td>1</td><td>17 %</td>" in html
    assert "Remind 5 people" in html


def test_others_are_kept_out(client, edition_with_invitations):
    event, _cohost = edition_with_invitations
    url = reverse("results:responses", kwargs={"slug": event.slug})
    remind = reverse("results:remind", kwargs={"slug": event.slug})
    assert client.get(url).status_code == 302
    participant = Invitation.objects.filter(event=event).first().user
    client.force_login(participant)
    assert client.get(url).status_code == 403
    assert client.post(remind, {"kind": "feedback"}).status_code == 403
    plan = reverse("results:plan", kwargs={"slug": event.slug})
    assert client.post(plan, {"months": "2"}).status_code == 403
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    assert not mail.outbox and not FollowUpPlan.objects.exists()


def test_cohosts_send_one_more_reminder_once(client, edition_with_invitations):
    event, cohost = edition_with_invitations
    client.force_login(cohost)
    remind = reverse("results:remind", kwargs={"slug": event.slug})
    response = client.post(remind, {"kind": "feedback"}, follow=True)
    assert "Reminders sent: 5." in response.content.decode()
    assert len(mail.outbox) == 5
    response = client.post(remind, {"kind": "feedback"}, follow=True)
    assert "Everyone has answered or has had one more reminder already." in (
        response.content.decode()
    )
    assert len(mail.outbox) == 5
    assert client.post(remind, {"kind": "gossip"}).status_code == 302
    assert len(mail.outbox) == 5


def test_cohosts_set_when_the_follow_up_goes(client, edition_with_invitations):
    event, cohost = edition_with_invitations
    client.force_login(cohost)
    plan = reverse("results:plan", kwargs={"slug": event.slug})
    assert client.post(plan, {"months": "0"}).status_code == 400
    assert client.post(plan, {"months": "abc"}).status_code == 400
    assert client.post(plan, {"months": "9"}).status_code == 302
    assert FollowUpPlan.objects.get(event=event).months == 9


@pytest.mark.parametrize("invitations", [1, 3])
def test_the_responses_page_takes_a_fixed_number_of_queries(
    client, db, clock, django_assert_max_num_queries, invitations
):
    event, _meetings = ended_edition(pairs=invitations)
    services.send_follow_ups()
    cohost = MembershipFactory().user
    EventOrganiserFactory(event=event, organisation=cohost.memberships.get().organisation)
    client.force_login(cohost)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("results:responses", kwargs={"slug": event.slug}))
    assert response.status_code == 200


def test_the_event_manage_menu_leads_cohosts_to_results_and_feedback(
    client, edition_with_invitations
):
    event, cohost = edition_with_invitations
    client.force_login(cohost)
    html = client.get(reverse("events:manage", kwargs={"slug": event.slug})).content.decode()
    assert reverse("results:edition-full", kwargs={"slug": event.slug}) in html
    assert reverse("results:responses", kwargs={"slug": event.slug}) in html
    page = client.get(reverse("results:responses", kwargs={"slug": event.slug})).content.decode()
    assert 'aria-current="page">Feedback</a>' in page
