"""The audience vote and the results."""

import pytest
from django.test import Client
from django.urls import reverse

from modus.events.models import Registration
from modus.selection import services
from modus.selection.models import (
    Application,
    AudienceVote,
)
from tests.factories import (
    OrganisationFactory,
    RegistrationFactory,
    UserFactory,
)

from .conftest import call_url, login, score_live, selected_pitch, vote_as

pytestmark = pytest.mark.django_db


def test_registered_participant_votes_once(client, voting):
    pc, pitches, voter = voting
    login(client, voter)
    page = client.get(call_url("vote", pc.call))
    assert page.status_code == 200
    assert 'type="radio"' in page.content.decode()
    response = client.post(call_url("vote", pc.call), {"pitch": pitches[1].pk})
    assert response.status_code == 302
    html = client.get(call_url("vote", pc.call)).content.decode()
    assert "You voted for “Idea 1”" in html
    assert 'type="radio"' not in html
    # The same POST again, and a vote for another pitch: still one vote, for the first choice.
    client.post(call_url("vote", pc.call), {"pitch": pitches[1].pk})
    response = client.post(call_url("vote", pc.call), {"pitch": pitches[0].pk}, follow=True)
    assert "already voted" in response.content.decode()
    assert AudienceVote.objects.filter(call=pc.call).count() == 1
    assert AudienceVote.objects.get(call=pc.call).application == pitches[1]


def test_second_browser_with_the_same_account_cannot_vote_again(voting):
    pc, pitches, voter = voting
    phone, laptop = Client(), Client()
    phone.force_login(voter)
    laptop.force_login(voter)
    # Both pages are loaded before either votes.
    assert phone.get(call_url("vote", pc.call)).status_code == 200
    assert laptop.get(call_url("vote", pc.call)).status_code == 200
    phone.post(call_url("vote", pc.call), {"pitch": pitches[0].pk})
    laptop.post(call_url("vote", pc.call), {"pitch": pitches[1].pk})
    assert list(AudienceVote.objects.values_list("application", flat=True)) == [pitches[0].pk]


def test_vote_for_something_else_is_an_error_next_to_the_field(client, voting):
    pc, pitches, voter = voting
    login(client, voter)
    outsider_app = Application.objects.create(
        call=pc.call, organisation=OrganisationFactory(), title="Not selected"
    )
    for data in ({}, {"pitch": "abc"}, {"pitch": outsider_app.pk}):
        response = client.post(call_url("vote", pc.call), data)
        assert response.status_code == 200
        assert response.context["form"].errors["pitch"]
    assert not AudienceVote.objects.exists()


def test_people_without_a_confirmed_registration_are_told_why(client, voting):
    pc, pitches, voter = voting
    waitlisted = UserFactory()
    RegistrationFactory(event=pc.event, user=waitlisted, status=Registration.Status.WAITLISTED)
    for user in (UserFactory(), waitlisted, pc.cohost):
        login(client, user)
        page = client.get(call_url("vote", pc.call))
        assert page.status_code == 200
        assert "Only registered participants of this event can vote." in page.content.decode()
        response = client.post(call_url("vote", pc.call), {"pitch": pitches[0].pk})
        assert response.status_code == 403
        assert "Only registered participants" in response.content.decode()
    assert not AudienceVote.objects.exists()


def test_no_vote_while_voting_is_closed(client, voting):
    pc, pitches, voter = voting
    services.set_voting(pc.call, actor=pc.cohost, open=False)
    login(client, voter)
    assert "Voting is not open." in client.get(call_url("vote", pc.call)).content.decode()
    response = client.post(call_url("vote", pc.call), {"pitch": pitches[0].pk})
    assert response.status_code == 200
    assert response.context["form"].errors["pitch"] == ["Voting is not open."]
    assert not AudienceVote.objects.exists()


def test_vote_page_needs_a_login_and_a_pitch_call(client, voting, host_call):
    pc, pitches, voter = voting
    response = client.get(call_url("vote", pc.call))
    assert response.status_code == 302 and "login" in response["Location"]
    response = client.post(call_url("vote", pc.call), {"pitch": pitches[0].pk})
    assert response.status_code == 302
    login(client, voter)
    assert client.get(call_url("vote", host_call.call)).status_code == 404
    assert not AudienceVote.objects.exists()


@pytest.fixture
def scored(jury_setup):
    pc, pitches, juror = jury_setup
    services.assign_jury(pc.call, actor=pc.cohost)
    score_live(pc, juror, pitches[0], [2, 3])
    score_live(pc, juror, pitches[1], [5, 4])
    services.set_voting(pc.call, actor=pc.cohost, open=True)
    vote_as(pc, pitches[0], 3)
    vote_as(pc, pitches[1], 1)
    return pc, pitches


def test_results_show_jury_ranking_and_audience_favourite(client, scored):
    pc, pitches = scored
    services.publish_results(pc.call, actor=pc.cohost)
    response = client.get(call_url("results", pc.call))
    assert response.status_code == 200
    assert [row.application for row in response.context["jury"]] == [pitches[1], pitches[0]]
    html = response.content.decode()
    assert "4.50" in html and "2.50" in html
    assert '<tr class="favourite">' in html
    favourite_row = html[html.index('<tr class="favourite">') :]
    assert favourite_row.index("Pitch 0") < favourite_row.index("Audience favourite")
    assert "Preview" not in html


def test_results_stay_hidden_until_published_except_for_cohosts(client, scored):
    pc, pitches = scored
    assert client.get(call_url("results", pc.call)).status_code == 404
    login(client, UserFactory())
    assert client.get(call_url("results", pc.call)).status_code == 404
    juror = pc.call.panel.get()
    login(client, juror)
    assert client.get(call_url("results", pc.call)).status_code == 404
    login(client, pc.cohost)
    response = client.get(call_url("results", pc.call))
    assert response.status_code == 200
    assert "Preview" in response.content.decode()


def test_results_without_scores_or_votes(client, pitch_call):
    services.publish_results(pitch_call.call, actor=pitch_call.cohost)
    html = client.get(call_url("results", pitch_call.call)).content.decode()
    assert "No audience votes were cast." in html


@pytest.mark.parametrize("count", [1, 3])
def test_results_query_count(client, pitch_call, django_assert_num_queries, count):
    juror = UserFactory()
    pitch_call.call.panel.add(juror)
    pitches = [selected_pitch(pitch_call, f"rq{n}@example.org") for n in range(count)]
    services.assign_jury(pitch_call.call, actor=pitch_call.cohost)
    services.set_voting(pitch_call.call, actor=pitch_call.cohost, open=True)
    for pitch in pitches:
        score_live(pitch_call, juror, pitch, [3, 4])
        vote_as(pitch_call, pitch, 1)
    services.publish_results(pitch_call.call, actor=pitch_call.cohost)
    # call with session and event; criteria, pitches, their live reviews, the scores; votes
    with django_assert_num_queries(6):
        response = client.get(call_url("results", pitch_call.call))
    assert len(response.context["jury"]) == count


def test_a_new_vote_is_confirmed_once_and_links_back_to_the_session(client, pitch_call):
    pitch = selected_pitch(pitch_call, "v9@example.org", title="Idea once")
    services.set_voting(pitch_call.call, actor=pitch_call.cohost, open=True)
    voter = UserFactory(email="once@example.org")
    RegistrationFactory(event=pitch_call.event, user=voter)
    login(client, voter)
    response = client.post(call_url("vote", pitch_call.call), {"pitch": pitch.pk}, follow=True)
    html = response.content.decode()
    assert html.count("Idea once") == 1
    assert "You voted for “Idea once”" in html
    assert 'class="messages' not in html
    session_url = reverse(
        "events:session",
        kwargs={"slug": pitch_call.event.slug, "session_slug": pitch_call.session.slug},
    )
    assert f'href="{session_url}"' in html
