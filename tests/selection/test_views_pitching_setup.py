"""Setting up a pitching session: the co-host's call for pitches and running order, and the
running order in the public agenda."""

import datetime as dt

import pytest
from django.urls import reverse

from modus.events.models import Session
from modus.events.services import bump_agenda_version
from modus.selection import services
from modus.selection.models import (
    Call,
    CutOff,
    DocumentRequirement,
    Review,
)
from tests.factories import (
    EventOrganiserFactory,
    MembershipFactory,
    OrganisationFactory,
    SessionFactory,
    UserFactory,
)

from .conftest import call_url, login, make_applicant, score_live, selected_pitch

pytestmark = pytest.mark.django_db


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
    assert response["Location"] == call_url("call-manage", call)
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
    assert response["Location"] == call_url("call-manage", pitch_call.call)


def test_session_edit_page_links_to_the_call(client, pitching_session):
    session, cohost = pitching_session
    login(client, cohost)
    edit = reverse("events:manage-session", args=[session.event.slug, session.pk])
    assert new_call_url(session) in client.get(edit).content.decode()
    client.post(new_call_url(session), call_form())
    call = Call.objects.get(session=session)
    html = client.get(edit).content.decode()
    assert call_url("call-manage", call) in html
    assert call_url("running-order", call) in html


# Running order ---------------------------------------------------------------------------------


def test_running_order_moves_pitches_up_and_down(cohost_client, pitch_call):
    first, second, third = (selected_pitch(pitch_call, f"r{n}@example.org") for n in range(3))
    page = cohost_client.get(call_url("running-order", pitch_call.call))
    assert page.status_code == 200
    assert "3 of 3 places used." in page.content.decode()
    response = cohost_client.post(
        call_url("running-order", pitch_call.call), {"action": "up", "pitch": third.pk}
    )
    assert response.status_code == 302
    order = list(
        pitch_call.call.applications.order_by("running_order").values_list("pk", flat=True)
    )
    assert order == [first.pk, third.pk, second.pk]
    cohost_client.post(
        call_url("running-order", pitch_call.call), {"action": "down", "pitch": first.pk}
    )
    order = list(
        pitch_call.call.applications.order_by("running_order").values_list("pk", flat=True)
    )
    assert order == [third.pk, first.pk, second.pk]
    # Moving the first pitch up changes nothing; an unknown pitch is a message, not an error.
    cohost_client.post(
        call_url("running-order", pitch_call.call), {"action": "up", "pitch": third.pk}
    )
    response = cohost_client.post(
        call_url("running-order", pitch_call.call),
        {"action": "up", "pitch": "nonsense"},
        follow=True,
    )
    assert "no longer selected" in response.content.decode()
    response = cohost_client.post(
        call_url("running-order", pitch_call.call), {"action": "bogus"}, follow=True
    )
    assert response.status_code == 200


def test_running_order_is_for_cohosts_only(client, pitch_call):
    pitch = selected_pitch(pitch_call, "p@example.org")
    target = call_url("running-order", pitch_call.call)
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
    assert client.get(call_url("running-order", host_call.call)).status_code == 404


def test_cohost_prepares_the_jury_score_sheets(cohost_client, pitch_call):
    pitches = [selected_pitch(pitch_call, f"s{n}@example.org") for n in range(2)]
    juror = UserFactory(email="juror@example.org")
    pitch_call.call.panel.add(juror)
    target = call_url("running-order", pitch_call.call)
    html = cohost_client.get(target).content.decode()
    assert str(juror) in html
    assert call_url("call-manage", pitch_call.call) + "#jury" in html
    response = cohost_client.post(target, {"action": "prepare-jury"}, follow=True)
    assert "Score sheets prepared: 2 new." in response.content.decode()
    assert Review.objects.filter(stage=Review.Stage.LIVE, reviewer=juror).count() == len(pitches)
    response = cohost_client.post(target, {"action": "prepare-jury"}, follow=True)
    assert "Score sheets prepared: 0 new." in response.content.decode()


def test_cohost_opens_and_closes_voting_and_publishes(cohost_client, pitch_call):
    target = call_url("running-order", pitch_call.call)
    cohost_client.post(target, {"action": "open-voting"})
    pitch_call.call.refresh_from_db()
    assert pitch_call.call.voting_open
    cohost_client.post(target, {"action": "close-voting"})
    pitch_call.call.refresh_from_db()
    assert not pitch_call.call.voting_open
    asked = cohost_client.post(target, {"action": "publish"})
    assert asked.status_code == 200 and "Publish the results?" in asked.content.decode()
    pitch_call.call.refresh_from_db()
    assert not pitch_call.call.results_published
    cohost_client.post(target, {"action": "publish", "confirmed": "yes"})
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
        response = cohost_client.get(call_url("running-order", pitch_call.call))
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
    assert call_url("vote", pitch_call.call) not in html
    assert call_url("results", pitch_call.call) not in html
    services.set_voting(pitch_call.call, actor=pitch_call.cohost, open=True)
    assert call_url("vote", pitch_call.call) in client.get(page).content.decode()
    services.publish_results(pitch_call.call, actor=pitch_call.cohost)
    html = client.get(page).content.decode()
    assert call_url("results", pitch_call.call) in html
    assert call_url("vote", pitch_call.call) not in html


# Browser-test findings: names of the move buttons, tabs, one confirmation of a vote -----------


def test_move_buttons_name_the_pitch_they_move(cohost_client, pitch_call):
    selected_pitch(pitch_call, "m0@example.org", title="Solar <roofs>")
    selected_pitch(pitch_call, "m1@example.org", title="Heat pumps")
    html = cohost_client.get(call_url("running-order", pitch_call.call)).content.decode()
    assert 'aria-label="Move “Solar &lt;roofs&gt;” down"' in html
    assert 'aria-label="Move “Heat pumps” up"' in html
    assert ">Up<" in html and ">Down<" in html  # the visible text is part of the name
    assert 'class="visually-hidden">: ' not in html


@pytest.mark.parametrize("page", ["running-order", "jury", "results"])
def test_pitching_pages_carry_the_calls_tabs_for_cohosts(cohost_client, pitch_call, page):
    html = cohost_client.get(call_url(page, pitch_call.call)).content.decode()
    nav = html[html.index('<nav class="manage-nav"') :]
    nav = nav[: nav.index("</nav>")]
    assert f'href="{call_url("call-manage", pitch_call.call)}"' in nav
    assert f'href="{call_url(page, pitch_call.call)}" aria-current="page"' in nav
    for other in ("call-applications", "running-order", "jury", "results"):
        assert f'href="{call_url(other, pitch_call.call)}"' in nav


def test_publishing_with_jury_sheets_missing_warns(client, jury_setup):
    pitch_call, pitches, juror = jury_setup
    services.assign_jury(pitch_call.call, actor=pitch_call.cohost)
    score_live(pitch_call, juror, pitches[0], [4, 4])
    client.force_login(pitch_call.cohost)
    target = call_url("running-order", pitch_call.call)
    page = client.post(target, {"action": "publish"}).content.decode()
    assert "Publish the results?" in page
    assert "1 jury score sheet is not submitted yet" in page
    pitch_call.call.refresh_from_db()
    assert not pitch_call.call.results_published
    score_live(pitch_call, juror, pitches[1], [3, 3])
    page = client.post(target, {"action": "publish"}).content.decode()
    assert "Publish the results?" in page and "not submitted yet" not in page
