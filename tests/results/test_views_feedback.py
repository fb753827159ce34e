import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse

from modus.results import services
from modus.results.models import EventAnswer, FollowUpAnswer, Invitation, MeetingRating
from modus.results.tokens import invitation_token

from .conftest import ended_edition, sides


def link_of(invitation):
    name = "results:feedback" if invitation.kind == "feedback" else "results:follow-up"
    return reverse(name, kwargs={"token": invitation_token(invitation)})


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0).split("testserver", 1)[-1]


@pytest.fixture
def invited(db, clock, settings):
    settings.SITE_URL = "http://testserver"
    event, meetings = ended_edition(pairs=2)
    services.send_follow_ups()
    user = sides(meetings[0])[0]
    return event, meetings, Invitation.objects.get(user=user, kind="feedback")


def post_feedback(client, url, meeting, rating="cooperation"):
    return client.post(
        url,
        {f"rating_{meeting.pk}": rating, "usefulness": "5", "would_return": "yes", "comment": ""},
    )


@pytest.mark.parametrize("language", ["en", "cs", "pl"])
def test_the_emailed_link_opens_the_form_without_login(client, invited, language):
    event, meetings, invitation = invited
    invitation.user.preferred_language = language
    invitation.user.save()
    services.resend_link(invitation)
    response = client.get(link_in(mail.outbox[-1]))
    assert response.status_code == 200
    assert response.headers["Content-Language"] == language
    html = response.content.decode()
    assert f'name="rating_{meetings[0].pk}"' in html
    assert f'name="rating_{meetings[1].pk}"' not in html  # not theirs
    assert 'name="robots" content="noindex"' in html


def test_answering_saves_and_moves_to_a_fresh_link(client, invited):
    event, meetings, invitation = invited
    url = link_of(invitation)
    response = post_feedback(client, url, meetings[0])
    invitation.refresh_from_db()
    assert response.status_code == 302 and response.url == link_of(invitation)
    assert MeetingRating.objects.get(user=invitation.user).rating == "cooperation"
    page = client.get(response.url).content.decode()
    assert "your answers are saved" in page
    assert re.search(r'value="cooperation" id="[^"]+" checked', page)
    # The spent link: a clear page, and a replayed answer changes nothing.
    used = client.get(url)
    assert used.status_code == 410 and b"used already" in used.content
    replay = post_feedback(client, url, meetings[0], rating="no_interest")
    assert replay.status_code == 410
    assert MeetingRating.objects.get(user=invitation.user).rating == "cooperation"


def test_a_tampered_link_gets_a_clear_page_and_changes_nothing(client, invited):
    _event, meetings, invitation = invited
    url = link_of(invitation)
    bad = url[:-3] + "AAA/"
    for response in (client.get(bad), post_feedback(client, bad, meetings[0])):
        assert response.status_code == 400
        assert b"This link is not valid." in response.content
    follow_up_url = reverse("results:follow-up", kwargs={"token": invitation_token(invitation)})
    assert client.get(follow_up_url).status_code == 400
    assert not MeetingRating.objects.exists() and not EventAnswer.objects.exists()
    invitation.refresh_from_db()
    assert invitation.version == 1


def test_an_expired_or_closed_link_gets_a_clear_page_and_changes_nothing(
    client, invited, clock, settings
):
    event, meetings, invitation = invited
    url = link_of(invitation)
    clock.move_to(services.closes(event) + dt.timedelta(minutes=1))
    response = post_feedback(client, url, meetings[0])
    assert response.status_code == 410 and b"answers can no longer change" in response.content
    settings.MODUS_RESULTS_LINK_MAX_AGE_DAYS = 30
    response = post_feedback(client, url, meetings[0])
    assert response.status_code == 410 and b"This link has expired." in response.content
    assert not MeetingRating.objects.exists() and not EventAnswer.objects.exists()


def test_a_spent_link_can_ask_for_a_new_one_by_email(client, invited):
    _event, meetings, invitation = invited
    url = link_of(invitation)
    post_feedback(client, url, meetings[0])
    mail.outbox.clear()
    token = url.rstrip("/").rsplit("/", 1)[-1]
    resend = reverse("results:resend", kwargs={"kind": "feedback", "token": token})
    response = client.post(resend)
    assert response.status_code == 200
    assert invitation.user.email not in response.content.decode()
    assert [m.to for m in mail.outbox] == [[invitation.user.email]]
    invitation.refresh_from_db()
    assert link_in(mail.outbox[0]).split("?")[0] == link_of(invitation)
    client.post(resend)  # at most one each ten minutes
    assert len(mail.outbox) == 1
    tampered = reverse("results:resend", kwargs={"kind": "feedback", "token": token[:-2] + "zz"})
    assert client.post(tampered).status_code == 400
    assert len(mail.outbox) == 1


def test_the_follow_up_form_asks_only_about_promising_meetings(client, invited, clock):
    event, meetings, invitation = invited
    post_feedback(client, link_of(invitation), meetings[0])
    clock.move_to(services.follow_up_opens(event) + dt.timedelta(hours=2))
    services.send_follow_ups()
    follow_up = Invitation.objects.get(user=invitation.user, kind="follow_up")
    url = link_of(follow_up)
    html = client.get(url).content.decode()
    assert f'name="stage_{meetings[0].pk}"' in html
    assert f'name="stage_{meetings[1].pk}"' not in html
    response = client.post(
        url, {f"stage_{meetings[0].pk}": "funded", f"note_{meetings[0].pk}": "Interreg"}
    )
    assert response.status_code == 302
    answer = FollowUpAnswer.objects.get(user=invitation.user)
    assert (answer.stage, answer.note) == ("funded", "Interreg")
    bad = client.post(url, {f"stage_{meetings[0].pk}": "talks"})
    assert bad.status_code == 410
    assert FollowUpAnswer.objects.get(user=invitation.user).stage == "funded"


def test_an_invalid_answer_shows_the_form_again(client, invited):
    _event, meetings, invitation = invited
    url = link_of(invitation)
    response = client.post(url, {f"rating_{meetings[0].pk}": "splendid", "usefulness": "9"})
    assert response.status_code == 200
    assert b"errorlist" in response.content
    invitation.refresh_from_db()
    assert invitation.version == 1


@pytest.mark.parametrize("count", [1, 3])
def test_the_forms_take_a_fixed_number_of_queries(
    client, db, clock, django_assert_max_num_queries, count
):
    event, meetings = ended_edition(pairs=1)
    me = sides(meetings[0])[0]
    profile = meetings[0].participants.get(user=me)
    for index in range(count - 1):
        extra = meetings[0].__class__.objects.create(
            version=meetings[0].version,
            slot_id=f"extra-{index}",
            starts_at=meetings[0].starts_at + dt.timedelta(hours=index + 1),
            ends_at=meetings[0].ends_at + dt.timedelta(hours=index + 1),
        )
        extra.participants.set([profile, *meetings[0].participants.exclude(user=me)])
        MeetingRating.objects.create(meeting=extra, user=me, rating="cooperation")
    MeetingRating.objects.create(meeting=meetings[0], user=me, rating="cooperation")
    services.send_follow_ups()
    invitation = Invitation.objects.get(user=me, kind="feedback")
    with django_assert_max_num_queries(9):
        response = client.get(link_of(invitation))
    assert response.content.decode().count('value="cooperation"') == count
    clock.move_to(services.follow_up_opens(event) + dt.timedelta(hours=1))
    services.send_follow_ups()
    follow_up = Invitation.objects.get(user=me, kind="follow_up")
    with django_assert_max_num_queries(11):
        response = client.get(link_of(follow_up))
    assert response.content.decode().count('value="funded"') == count
