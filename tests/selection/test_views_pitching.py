"""Pitching pages: the co-host's call and running order, the jury on a phone, the audience vote,
the results, and the running order in the public agenda."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from modus.events.models import Registration, Session
from modus.events.services import bump_agenda_version
from modus.selection import services
from modus.selection.models import (
    Application,
    AudienceVote,
    Call,
    CutOff,
    DocumentRequirement,
    Review,
)
from modus.selection.services.errors import NotAllowed
from modus.selection.services.history import Action
from tests.factories import (
    EventOrganiserFactory,
    MembershipFactory,
    OrganisationFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)

from .conftest import make_applicant, pdf_upload

pytestmark = pytest.mark.django_db


def selected_pitch(pc, email, title=None):
    user, organisation = make_applicant(email, kind="company")
    application = services.start_application(
        pc.call, organisation=organisation, actor=user, title=title or f"Pitch of {email}"
    )
    services.save_draft(application, actor=user, summary="Our product")
    services.attach_document(
        application, requirement=pc.call.documents.get(), upload=pdf_upload("deck.pdf"), actor=user
    )
    services.submit_application(application, actor=user)
    services.accept_application(application, actor=pc.cohost)
    application.refresh_from_db()
    return application


def url(name, call, **extra):
    return reverse(f"selection:{name}", kwargs={"slug": call.slug, **extra})


def login(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def cohost_client(client, pitch_call):
    return login(client, pitch_call.cohost)


# Creating the call -----------------------------------------------------------------------------


@pytest.fixture
def pitching_session(db):
    cohost = UserFactory(email="host@example.org")
    organisation = OrganisationFactory()
    MembershipFactory(user=cohost, organisation=organisation)
    session = SessionFactory(kind=Session.Kind.PITCHING, title="Start-up pitches")
    session.event.time_zone = "Europe/Warsaw"
    session.event.save()
    EventOrganiserFactory(event=session.event, organisation=organisation)
    return session, cohost


def new_call_url(session):
    return reverse(
        "selection:pitch-call-new",
        kwargs={"event_slug": session.event.slug, "session_pk": session.pk},
    )


def call_form(**overrides):
    data = {
        "title": "Pitch in Katowice",
        "description": "Start-ups in energy.",
        "eligible_kinds": ["company"],
        "deadline_date": "2030-12-02",
        "deadline_time": "18:00",
        "pitch_minutes": "4",
        "places": "6",
        "open_now": "on",
        "criteria-TOTAL_FORMS": "5",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "5",
        "criteria-0-title": "Innovation",
        "criteria-0-weight": "3",
        "criteria-1-title": "Team",
        "criteria-1-weight": "1",
    }
    data.update(overrides)
    return data


def test_cohost_creates_and_opens_a_call_for_pitches(client, pitching_session):
    session, cohost = pitching_session
    login(client, cohost)
    page = client.get(new_call_url(session))
    assert page.status_code == 200
    assert "Europe/Warsaw" in page.content.decode()
    response = client.post(new_call_url(session), call_form())
    call = Call.objects.get(session=session)
    assert response.status_code == 302
    assert response["Location"] == url("call-manage", call)
    assert call.purpose == Call.Purpose.PITCHES
    assert call.status == Call.Status.OPEN
    assert (call.title, call.pitch_minutes, call.places) == ("Pitch in Katowice", 4, 6)
    assert call.eligible_kinds == ["company"]
    cut_off = CutOff.objects.get(call=call)
    # 18:00 in Warsaw in December (CET, UTC+1) is 17:00 UTC.
    assert cut_off.deadline == dt.datetime(2030, 12, 2, 17, 0, tzinfo=dt.UTC)
    assert cut_off.time_zone == "Europe/Warsaw"
    assert list(call.criteria.values_list("title", "weight")) == [("Innovation", 3), ("Team", 1)]
    assert DocumentRequirement.objects.get(call=call).title == "Pitch deck"


def test_call_can_be_saved_as_a_draft(client, pitching_session):
    session, cohost = pitching_session
    login(client, cohost)
    data = call_form()
    del data["open_now"]
    client.post(new_call_url(session), data)
    assert Call.objects.get(session=session).status == Call.Status.DRAFT


def test_deadline_in_the_past_is_an_error_next_to_the_field(client, pitching_session):
    session, cohost = pitching_session
    login(client, cohost)
    response = client.post(
        new_call_url(session), call_form(deadline_date="2020-01-01", title="Typed title")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "deadline_date" in form.errors
    html = response.content.decode()
    assert 'value="Typed title"' in html
    assert not Call.objects.filter(session=session).exists()


def test_a_call_needs_a_criterion(client, pitching_session):
    session, cohost = pitching_session
    login(client, cohost)
    response = client.post(
        new_call_url(session),
        call_form(
            **{
                "criteria-0-title": "",
                "criteria-0-weight": "",
                "criteria-1-title": "",
                "criteria-1-weight": "",
            }
        ),
    )
    assert response.status_code == 200
    assert "Give the jury at least one criterion." in response.content.decode()
    assert not Call.objects.filter(session=session).exists()


def test_weight_without_a_title_is_an_error(client, pitching_session):
    session, cohost = pitching_session
    login(client, cohost)
    response = client.post(new_call_url(session), call_form(**{"criteria-0-title": ""}))
    assert response.status_code == 200
    assert response.context["criteria"].forms[0].errors["title"]


def test_only_cohosts_create_calls_for_pitching_sessions(client, pitching_session):
    session, cohost = pitching_session
    target = new_call_url(session)
    response = client.get(target)
    assert response.status_code == 302 and "login" in response["Location"]
    login(client, UserFactory())
    assert client.get(target).status_code == 403
    assert client.post(target, call_form()).status_code == 403
    login(client, cohost)
    keynote = SessionFactory(event=session.event, kind=Session.Kind.KEYNOTE)
    assert client.get(new_call_url(keynote)).status_code == 404
    elsewhere = SessionFactory(kind=Session.Kind.PITCHING)
    wrong_event = reverse(
        "selection:pitch-call-new",
        kwargs={"event_slug": session.event.slug, "session_pk": elsewhere.pk},
    )
    assert client.get(wrong_event).status_code == 404
    assert not Call.objects.exists()


def test_session_with_a_call_sends_the_cohost_to_it(cohost_client, pitch_call):
    response = cohost_client.get(new_call_url(pitch_call.session))
    assert response.status_code == 302
    assert response["Location"] == url("call-manage", pitch_call.call)


def test_session_edit_page_links_to_the_call(client, pitching_session):
    session, cohost = pitching_session
    login(client, cohost)
    edit = reverse("events:manage-session", args=[session.event.slug, session.pk])
    assert new_call_url(session) in client.get(edit).content.decode()
    client.post(new_call_url(session), call_form())
    call = Call.objects.get(session=session)
    html = client.get(edit).content.decode()
    assert url("call-manage", call) in html
    assert url("running-order", call) in html


# Running order ---------------------------------------------------------------------------------


def test_running_order_moves_pitches_up_and_down(cohost_client, pitch_call):
    first, second, third = (selected_pitch(pitch_call, f"r{n}@example.org") for n in range(3))
    page = cohost_client.get(url("running-order", pitch_call.call))
    assert page.status_code == 200
    assert "3 of 3 places used." in page.content.decode()
    response = cohost_client.post(
        url("running-order", pitch_call.call), {"action": "up", "pitch": third.pk}
    )
    assert response.status_code == 302
    order = list(
        pitch_call.call.applications.order_by("running_order").values_list("pk", flat=True)
    )
    assert order == [first.pk, third.pk, second.pk]
    cohost_client.post(url("running-order", pitch_call.call), {"action": "down", "pitch": first.pk})
    order = list(
        pitch_call.call.applications.order_by("running_order").values_list("pk", flat=True)
    )
    assert order == [third.pk, first.pk, second.pk]
    # Moving the first pitch up changes nothing; an unknown pitch is a message, not an error.
    cohost_client.post(url("running-order", pitch_call.call), {"action": "up", "pitch": third.pk})
    response = cohost_client.post(
        url("running-order", pitch_call.call), {"action": "up", "pitch": "nonsense"}, follow=True
    )
    assert "no longer selected" in response.content.decode()
    response = cohost_client.post(
        url("running-order", pitch_call.call), {"action": "bogus"}, follow=True
    )
    assert response.status_code == 200


def test_running_order_is_for_cohosts_only(client, pitch_call):
    pitch = selected_pitch(pitch_call, "p@example.org")
    target = url("running-order", pitch_call.call)
    response = client.get(target)
    assert response.status_code == 302 and "login" in response["Location"]
    applicant = pitch.organisation.memberships.get().user
    for user in (UserFactory(), applicant):
        login(client, user)
        assert client.get(target).status_code == 403
        assert client.post(target, {"action": "publish"}).status_code == 403
    pitch_call.call.refresh_from_db()
    assert not pitch_call.call.results_published
    assert client.get(reverse("selection:running-order", args=["no-such-call"])).status_code == 404


def test_running_order_of_a_host_call_is_not_found(client, host_call):
    login(client, host_call.office)
    assert client.get(url("running-order", host_call.call)).status_code == 404


def test_cohost_prepares_the_jury_score_sheets(cohost_client, pitch_call):
    pitches = [selected_pitch(pitch_call, f"s{n}@example.org") for n in range(2)]
    juror = UserFactory(email="juror@example.org")
    pitch_call.call.panel.add(juror)
    target = url("running-order", pitch_call.call)
    html = cohost_client.get(target).content.decode()
    assert str(juror) in html
    assert url("call-manage", pitch_call.call) + "#jury" in html
    response = cohost_client.post(target, {"action": "prepare-jury"}, follow=True)
    assert "Score sheets prepared: 2 new." in response.content.decode()
    assert Review.objects.filter(stage=Review.Stage.LIVE, reviewer=juror).count() == len(pitches)
    response = cohost_client.post(target, {"action": "prepare-jury"}, follow=True)
    assert "Score sheets prepared: 0 new." in response.content.decode()


def test_cohost_opens_and_closes_voting_and_publishes(cohost_client, pitch_call):
    target = url("running-order", pitch_call.call)
    cohost_client.post(target, {"action": "open-voting"})
    pitch_call.call.refresh_from_db()
    assert pitch_call.call.voting_open
    cohost_client.post(target, {"action": "close-voting"})
    pitch_call.call.refresh_from_db()
    assert not pitch_call.call.voting_open
    cohost_client.post(target, {"action": "publish"})
    pitch_call.call.refresh_from_db()
    assert pitch_call.call.results_published
    cohost_client.post(target, {"action": "unpublish"})
    pitch_call.call.refresh_from_db()
    assert not pitch_call.call.results_published


@pytest.mark.parametrize("count", [1, 3])
def test_running_order_query_count(cohost_client, pitch_call, django_assert_num_queries, count):
    for n in range(count):
        selected_pitch(pitch_call, f"q{n}@example.org")
    pitch_call.call.panel.add(*(UserFactory() for _ in range(count)))
    # call with session and event, login session, user, co-host check, pitches with counts, jury
    with django_assert_num_queries(6):
        response = cohost_client.get(url("running-order", pitch_call.call))
    assert len(response.context["pitches"]) == count


# The public agenda -----------------------------------------------------------------------------


def test_running_order_appears_in_the_agenda_and_on_the_session_page(client, pitch_call):
    first = selected_pitch(pitch_call, "a1@example.org", title="Solar roofs")
    second = selected_pitch(pitch_call, "a2@example.org", title="Heat pumps")
    user, organisation = make_applicant("draft@example.org", kind="company")
    services.start_application(
        pitch_call.call, organisation=organisation, actor=user, title="Unsent draft"
    )
    for page in (pitch_call.event.get_absolute_url(), pitch_call.session.get_absolute_url()):
        html = client.get(page).content.decode()
        assert "Running order" in html
        assert html.index("Solar roofs") < html.index("Heat pumps")
        assert first.organisation.get_absolute_url() in html
        assert second.organisation.name in html
        assert "5 minutes" in html
        assert "Unsent draft" not in html


def test_cached_agenda_follows_the_running_order(client, pitch_call):
    first = selected_pitch(pitch_call, "c1@example.org", title="Solar roofs")
    second = selected_pitch(pitch_call, "c2@example.org", title="Heat pumps")
    page = pitch_call.event.get_absolute_url()
    html = client.get(page).content.decode()
    assert html.index("Solar roofs") < html.index("Heat pumps")
    services.set_running_order(pitch_call.call, [second.pk, first.pk], actor=pitch_call.cohost)
    html = client.get(page).content.decode()
    assert html.index("Heat pumps") < html.index("Solar roofs")
    third = selected_pitch(pitch_call, "c3@example.org", title="Wind farms")
    assert "Wind farms" in client.get(page).content.decode()
    assert third.running_order == 3


def test_agenda_without_pitches_shows_no_running_order(client, pitch_call):
    assert "Running order" not in client.get(pitch_call.event.get_absolute_url()).content.decode()
    assert "Running order" not in client.get(pitch_call.session.get_absolute_url()).content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_event_page_query_count_with_a_running_order(
    client, pitch_call, django_assert_num_queries, count
):
    for n in range(count):
        selected_pitch(pitch_call, f"e{n}@example.org")
    bump_agenda_version(pitch_call.event)
    # the event (stamp, then with its venue...), organisers, ecosystems, priorities; sessions,
    # their people, and the pitches of the pitching sessions.
    with django_assert_num_queries(8):
        response = client.get(pitch_call.event.get_absolute_url())
    assert response.content.decode().count("Pitch of e") == count


def test_session_page_links_to_vote_and_results_when_open(client, pitch_call):
    selected_pitch(pitch_call, "l@example.org")
    page = pitch_call.session.get_absolute_url()
    html = client.get(page).content.decode()
    assert url("vote", pitch_call.call) not in html
    assert url("results", pitch_call.call) not in html
    services.set_voting(pitch_call.call, actor=pitch_call.cohost, open=True)
    assert url("vote", pitch_call.call) in client.get(page).content.decode()
    services.publish_results(pitch_call.call, actor=pitch_call.cohost)
    html = client.get(page).content.decode()
    assert url("results", pitch_call.call) in html
    assert url("vote", pitch_call.call) not in html


# The jury --------------------------------------------------------------------------------------


@pytest.fixture
def jury_setup(pitch_call):
    pitches = [
        selected_pitch(pitch_call, f"j{n}@example.org", title=f"Pitch {n}") for n in range(2)
    ]
    juror = UserFactory(email="juror@example.org")
    pitch_call.call.panel.add(juror)
    return pitch_call, pitches, juror


def score_data(review, criteria, values, **extra):
    data = {"review": review.pk}
    for criterion, value in zip(criteria, values, strict=True):
        data[f"review-{review.pk}-criterion_{criterion.pk}"] = value
    data.update(extra)
    return data


def test_jury_member_gets_score_sheets_on_opening_the_page(client, jury_setup):
    pc, pitches, juror = jury_setup
    login(client, juror)
    response = client.get(url("jury", pc.call))
    assert response.status_code == 200
    assert [s["application"] for s in response.context["sheets"]] == pitches
    assert Review.objects.filter(reviewer=juror, stage=Review.Stage.LIVE).count() == 2
    # Opening it again creates nothing new.
    client.get(url("jury", pc.call))
    assert Review.objects.filter(reviewer=juror, stage=Review.Stage.LIVE).count() == 2
    html = response.content.decode()
    assert 'type="radio"' in html
    assert "Innovation" in html


def test_jury_member_scores_and_scores_are_final(client, jury_setup):
    pc, pitches, juror = jury_setup
    login(client, juror)
    client.get(url("jury", pc.call))
    review = Review.objects.get(reviewer=juror, application=pitches[0], stage=Review.Stage.LIVE)
    response = client.post(url("jury", pc.call), score_data(review, pc.criteria, [4, 5]))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#pitch-{pitches[0].pk}")
    review.refresh_from_db()
    assert review.submitted_at is not None
    assert sorted(review.scores.values_list("value", flat=True)) == [4, 5]
    # A second post (reload, replay) changes nothing.
    response = client.post(
        url("jury", pc.call), score_data(review, pc.criteria, [0, 0]), follow=True
    )
    assert "already submitted" in response.content.decode()
    assert sorted(review.scores.values_list("value", flat=True)) == [4, 5]
    page = client.get(url("jury", pc.call)).content.decode()
    assert "Submitted – final" in page


def test_missing_or_bad_scores_are_errors_next_to_the_field(client, jury_setup):
    pc, pitches, juror = jury_setup
    login(client, juror)
    client.get(url("jury", pc.call))
    review = Review.objects.get(reviewer=juror, application=pitches[0], stage=Review.Stage.LIVE)
    innovation, market = pc.criteria
    data = {"review": review.pk, f"review-{review.pk}-criterion_{innovation.pk}": "3"}
    response = client.post(url("jury", pc.call), data)
    assert response.status_code == 200
    sheet = response.context["sheets"][0]
    assert sheet["form"].errors[f"criterion_{market.pk}"] == ["Choose a score."]
    assert sheet["form"][f"criterion_{innovation.pk}"].value() == "3"  # what was typed is kept
    assert " checked" in response.content.decode()
    response = client.post(url("jury", pc.call), score_data(review, pc.criteria, [3, 99]))
    assert response.status_code == 200
    assert response.context["sheets"][0]["form"].errors[f"criterion_{market.pk}"]
    review.refresh_from_db()
    assert review.submitted_at is None


def test_jury_member_never_scores_their_own_organisation(client, jury_setup):
    pc, pitches, juror = jury_setup
    MembershipFactory(user=juror, organisation=pitches[1].organisation)
    login(client, juror)
    response = client.get(url("jury", pc.call))
    assert [s["application"] for s in response.context["sheets"]] == [pitches[0]]


def test_jury_page_is_for_the_jury_and_the_cohosts(client, jury_setup):
    pc, pitches, juror = jury_setup
    target = url("jury", pc.call)
    response = client.get(target)
    assert response.status_code == 302 and "login" in response["Location"]
    applicant = pitches[0].organisation.memberships.get().user
    for outsider in (UserFactory(), applicant):
        login(client, outsider)
        assert client.get(target).status_code == 404
    login(client, pc.cohost)
    response = client.get(target)
    assert response.status_code == 200
    assert response.context["sheets"] == []
    assert len(response.context["progress"]) == 2


def test_nobody_posts_scores_on_another_jurors_sheet(client, jury_setup):
    pc, pitches, juror = jury_setup
    login(client, juror)
    client.get(url("jury", pc.call))
    review = Review.objects.get(reviewer=juror, application=pitches[0], stage=Review.Stage.LIVE)
    other = UserFactory()
    pc.call.panel.add(other)
    login(client, other)
    response = client.post(url("jury", pc.call), score_data(review, pc.criteria, [1, 1]))
    assert response.status_code == 404
    assert client.post(url("jury", pc.call), {"review": "x"}).status_code == 404
    login(client, pc.cohost)
    assert (
        client.post(url("jury", pc.call), score_data(review, pc.criteria, [1, 1])).status_code
        == 404
    )
    review.refresh_from_db()
    assert review.submitted_at is None and not review.scores.exists()


# Audience vote ---------------------------------------------------------------------------------


@pytest.fixture
def voting(pitch_call):
    pitches = [selected_pitch(pitch_call, f"v{n}@example.org", title=f"Idea {n}") for n in range(2)]
    services.set_voting(pitch_call.call, actor=pitch_call.cohost, open=True)
    voter = UserFactory(email="voter@example.org")
    RegistrationFactory(event=pitch_call.event, user=voter)
    return pitch_call, pitches, voter


def test_registered_participant_votes_once(client, voting):
    pc, pitches, voter = voting
    login(client, voter)
    page = client.get(url("vote", pc.call))
    assert page.status_code == 200
    assert 'type="radio"' in page.content.decode()
    response = client.post(url("vote", pc.call), {"pitch": pitches[1].pk})
    assert response.status_code == 302
    html = client.get(url("vote", pc.call)).content.decode()
    assert "You voted for “Idea 1”" in html
    assert 'type="radio"' not in html
    # The same POST again, and a vote for another pitch: still one vote, for the first choice.
    client.post(url("vote", pc.call), {"pitch": pitches[1].pk})
    response = client.post(url("vote", pc.call), {"pitch": pitches[0].pk}, follow=True)
    assert "already voted" in response.content.decode()
    assert AudienceVote.objects.filter(call=pc.call).count() == 1
    assert AudienceVote.objects.get(call=pc.call).application == pitches[1]


def test_second_browser_with_the_same_account_cannot_vote_again(voting):
    pc, pitches, voter = voting
    phone, laptop = Client(), Client()
    phone.force_login(voter)
    laptop.force_login(voter)
    # Both pages are loaded before either votes.
    assert phone.get(url("vote", pc.call)).status_code == 200
    assert laptop.get(url("vote", pc.call)).status_code == 200
    phone.post(url("vote", pc.call), {"pitch": pitches[0].pk})
    laptop.post(url("vote", pc.call), {"pitch": pitches[1].pk})
    assert list(AudienceVote.objects.values_list("application", flat=True)) == [pitches[0].pk]


def test_vote_for_something_else_is_an_error_next_to_the_field(client, voting):
    pc, pitches, voter = voting
    login(client, voter)
    outsider_app = Application.objects.create(
        call=pc.call, organisation=OrganisationFactory(), title="Not selected"
    )
    for data in ({}, {"pitch": "abc"}, {"pitch": outsider_app.pk}):
        response = client.post(url("vote", pc.call), data)
        assert response.status_code == 200
        assert response.context["form"].errors["pitch"]
    assert not AudienceVote.objects.exists()


def test_people_without_a_confirmed_registration_are_told_why(client, voting):
    pc, pitches, voter = voting
    waitlisted = UserFactory()
    RegistrationFactory(event=pc.event, user=waitlisted, status=Registration.Status.WAITLISTED)
    for user in (UserFactory(), waitlisted, pc.cohost):
        login(client, user)
        page = client.get(url("vote", pc.call))
        assert page.status_code == 200
        assert "Only registered participants of this event can vote." in page.content.decode()
        response = client.post(url("vote", pc.call), {"pitch": pitches[0].pk})
        assert response.status_code == 403
        assert "Only registered participants" in response.content.decode()
    assert not AudienceVote.objects.exists()


def test_no_vote_while_voting_is_closed(client, voting):
    pc, pitches, voter = voting
    services.set_voting(pc.call, actor=pc.cohost, open=False)
    login(client, voter)
    assert "Voting is not open." in client.get(url("vote", pc.call)).content.decode()
    response = client.post(url("vote", pc.call), {"pitch": pitches[0].pk})
    assert response.status_code == 200
    assert response.context["form"].errors["pitch"] == ["Voting is not open."]
    assert not AudienceVote.objects.exists()


def test_vote_page_needs_a_login_and_a_pitch_call(client, voting, host_call):
    pc, pitches, voter = voting
    response = client.get(url("vote", pc.call))
    assert response.status_code == 302 and "login" in response["Location"]
    response = client.post(url("vote", pc.call), {"pitch": pitches[0].pk})
    assert response.status_code == 302
    login(client, voter)
    assert client.get(url("vote", host_call.call)).status_code == 404
    assert not AudienceVote.objects.exists()


# Results ---------------------------------------------------------------------------------------


def score_live(pc, juror, application, values):
    review = Review.objects.get(application=application, reviewer=juror, stage=Review.Stage.LIVE)
    services.save_review(
        review,
        actor=juror,
        scores={c.pk: v for c, v in zip(pc.criteria, values, strict=True)},
        submit=True,
    )


def vote_as(pc, application, n):
    for _ in range(n):
        user = UserFactory()
        RegistrationFactory(event=pc.event, user=user)
        services.cast_vote(pc.call, application, user=user)


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
    response = client.get(url("results", pc.call))
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
    assert client.get(url("results", pc.call)).status_code == 404
    login(client, UserFactory())
    assert client.get(url("results", pc.call)).status_code == 404
    juror = pc.call.panel.get()
    login(client, juror)
    assert client.get(url("results", pc.call)).status_code == 404
    login(client, pc.cohost)
    response = client.get(url("results", pc.call))
    assert response.status_code == 200
    assert "Preview" in response.content.decode()


def test_results_without_scores_or_votes(client, pitch_call):
    services.publish_results(pitch_call.call, actor=pitch_call.cohost)
    html = client.get(url("results", pitch_call.call)).content.decode()
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
        response = client.get(url("results", pitch_call.call))
    assert len(response.context["jury"]) == count


# Services the pages added ----------------------------------------------------------------------


def test_only_the_panel_opens_its_own_sheets(pitch_call):
    pitch = selected_pitch(pitch_call, "o@example.org")
    stranger = UserFactory()
    with pytest.raises(NotAllowed):
        services.open_own_jury_sheets(pitch_call.call, user=stranger)
    assert not Review.objects.filter(reviewer=stranger).exists()
    pitch_call.call.panel.add(stranger)
    assert services.open_own_jury_sheets(pitch_call.call, user=stranger) == 1
    assert services.open_own_jury_sheets(pitch_call.call, user=stranger) == 0
    assert pitch.action_log.filter(action=Action.REVIEWER_ASSIGNED).count() == 1


# Browser-test findings: names of the move buttons, tabs, one confirmation of a vote -----------


def test_move_buttons_name_the_pitch_they_move(cohost_client, pitch_call):
    selected_pitch(pitch_call, "m0@example.org", title="Solar <roofs>")
    selected_pitch(pitch_call, "m1@example.org", title="Heat pumps")
    html = cohost_client.get(url("running-order", pitch_call.call)).content.decode()
    assert 'aria-label="Move “Solar &lt;roofs&gt;” down"' in html
    assert 'aria-label="Move “Heat pumps” up"' in html
    assert ">Up<" in html and ">Down<" in html  # the visible text is part of the name
    assert 'class="visually-hidden">: ' not in html


@pytest.mark.parametrize("page", ["running-order", "jury", "results"])
def test_pitching_pages_carry_the_calls_tabs_for_cohosts(cohost_client, pitch_call, page):
    html = cohost_client.get(url(page, pitch_call.call)).content.decode()
    nav = html[html.index('<nav class="manage-nav"') :]
    nav = nav[: nav.index("</nav>")]
    assert f'href="{url("call-manage", pitch_call.call)}"' in nav
    assert f'href="{url(page, pitch_call.call)}" aria-current="page"' in nav
    for other in ("call-applications", "running-order", "jury", "results"):
        assert f'href="{url(other, pitch_call.call)}"' in nav


def test_jury_members_get_no_manage_tabs(client, pitch_call):
    juror = UserFactory(email="juror-tabs@example.org")
    pitch_call.call.panel.add(juror)
    html = login(client, juror).get(url("jury", pitch_call.call)).content.decode()
    assert 'class="manage-nav"' not in html
    assert url("call-manage", pitch_call.call) not in html


def test_a_new_vote_is_confirmed_once_and_links_back_to_the_session(client, pitch_call):
    pitch = selected_pitch(pitch_call, "v9@example.org", title="Idea once")
    services.set_voting(pitch_call.call, actor=pitch_call.cohost, open=True)
    voter = UserFactory(email="once@example.org")
    RegistrationFactory(event=pitch_call.event, user=voter)
    login(client, voter)
    response = client.post(url("vote", pitch_call.call), {"pitch": pitch.pk}, follow=True)
    html = response.content.decode()
    assert html.count("Idea once") == 1
    assert "You voted for “Idea once”" in html
    assert 'class="messages' not in html
    session_url = reverse(
        "events:session",
        kwargs={"slug": pitch_call.event.slug, "session_slug": pitch_call.session.slug},
    )
    assert f'href="{session_url}"' in html
