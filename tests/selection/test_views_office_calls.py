"""Creating a call and setting it up: text and rules, cut-offs, criteria, questions, documents,
the jury of a pitch call; the programme page's links to calls."""

import datetime as dt

import pytest
from django.urls import reverse

from modus.selection import services
from modus.selection.models import Call, CutOff, Review
from tests.factories import ProgrammeFactory, UserFactory

from .conftest import make_applicant, manage_url, submit_complete

pytestmark = pytest.mark.django_db


# Creating a call --------------------------------------------------------------------------------


def call_data(**changes):
    data = {
        "title": "Host the 2028 editions",
        "description": "Regions propose.",
        "eligible_kinds": ["cluster", "authority"],
        "eligible_countries": "pl, cz",
        "score_min": "0",
        "score_max": "5",
        "review_days": "14",
    }
    data.update(changes)
    return data


def test_call_create_asks_anonymous_visitors_to_log_in(client, host_call):
    url = reverse("selection:call-new", kwargs={"programme_slug": "cmr"})
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("who", ["participant", "other_office"])
def test_call_create_is_for_the_programme_office_only(client, host_call, request, who):
    client.force_login(request.getfixturevalue(who))
    url = reverse("selection:call-new", kwargs={"programme_slug": "cmr"})
    assert client.get(url).status_code == 403
    assert client.post(url, call_data()).status_code == 403
    assert Call.objects.count() == 1


def test_call_create_for_an_unknown_programme_is_404(client, host_call):
    client.force_login(host_call.office)
    url = reverse("selection:call-new", kwargs={"programme_slug": "nope"})
    assert client.get(url).status_code == 404


def test_office_creates_a_draft_call(client, host_call):
    client.force_login(host_call.office)
    url = reverse("selection:call-new", kwargs={"programme_slug": "cmr"})
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="eligible_kinds"' in page.content.decode()
    response = client.post(url, call_data())
    call = Call.objects.get(title="Host the 2028 editions")
    assert response.status_code == 302
    assert response["Location"] == reverse("selection:call-manage", kwargs={"slug": call.slug})
    assert call.status == Call.Status.DRAFT
    assert call.purpose == Call.Purpose.HOST
    assert call.programme == host_call.programme
    assert call.eligible_countries == ["CZ", "PL"]
    assert call.eligible_kinds == ["authority", "cluster"]


def test_call_create_shows_errors_next_to_fields_and_keeps_input(client, host_call):
    client.force_login(host_call.office)
    url = reverse("selection:call-new", kwargs={"programme_slug": "cmr"})
    response = client.post(
        url, call_data(eligible_countries="PL, Poland", score_min="5", score_max="5")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "eligible_countries" in form.errors
    assert "score_max" in form.errors
    body = response.content.decode()
    assert "Not a two-letter country code: POLAND." in body
    assert 'value="Host the 2028 editions"' in body
    assert Call.objects.count() == 1


def test_manage_page_shows_cut_offs_in_their_own_time_zone(client, host_call):
    services.add_cut_off(
        host_call.call,
        actor=host_call.office,
        local_deadline=dt.datetime(2031, 7, 29, 18, 0),
        time_zone="Europe/Brussels",
        label="Summer",
    )
    client.force_login(host_call.office)
    body = client.get(manage_url(host_call.call)).content.decode()
    assert "29 July 2031, 18:00 CEST" in body
    assert "Europe/Brussels" in body
    assert "Relevance" in body
    assert "Letter of support from the regional authority" in body
    assert "Why your region?" in body


def test_add_cut_off_in_its_own_time_zone(client, host_call):
    client.force_login(host_call.office)
    response = client.post(
        manage_url(host_call.call),
        {
            "action": "add-cut-off",
            "cutoff-day": "2031-12-02",
            "cutoff-time": "18:00",
            "cutoff-time_zone": "Europe/Prague",
            "cutoff-label": "Winter",
        },
    )
    assert response.status_code == 302
    cut_off = CutOff.objects.get(label="Winter")
    assert cut_off.deadline == dt.datetime(2031, 12, 2, 17, 0, tzinfo=dt.UTC)
    assert cut_off.time_zone == "Europe/Prague"


def test_duplicate_cut_off_error_is_next_to_the_date(client, host_call):
    existing = host_call.call.cut_offs.first().local_deadline()
    client.force_login(host_call.office)
    response = client.post(
        manage_url(host_call.call),
        {
            "action": "add-cut-off",
            "cutoff-day": existing.date().isoformat(),
            "cutoff-time": "18:00",
            "cutoff-time_zone": "Europe/Warsaw",
            "cutoff-label": "Again",
        },
    )
    assert response.status_code == 200
    form = response.context["forms"]["cut_off"]
    assert form.errors["day"] == ["This call already has a cut-off at that moment."]
    assert 'value="Again"' in response.content.decode()


def test_bad_cut_off_input_is_an_error_not_a_crash(client, host_call):
    client.force_login(host_call.office)
    response = client.post(
        manage_url(host_call.call),
        {
            "action": "add-cut-off",
            "cutoff-day": "2031-02-30",
            "cutoff-time": "25:00",
            "cutoff-time_zone": "Mars/Olympus",
        },
    )
    assert response.status_code == 200
    form = response.context["forms"]["cut_off"]
    assert set(form.errors) == {"day", "time", "time_zone"}


def test_add_and_remove_criterion_question_and_document(client, host_call):
    call = host_call.call
    client.force_login(host_call.office)
    url = manage_url(call)
    client.post(
        url,
        {
            "action": "add-criterion",
            "criterion-title": "Impact",
            "criterion-weight": "3",
            "criterion-description": "On the region",
        },
    )
    client.post(
        url,
        {"action": "add-question", "question-text": "Who hosts?", "question-required": "on"},
    )
    client.post(
        url,
        {
            "action": "add-document",
            "document-title": "Budget",
            "document-required": "",
            "document-size_mb": "5",
        },
    )
    criterion = call.criteria.get(title="Impact")
    assert criterion.weight == 3
    assert call.questions.get(text="Who hosts?").required
    budget = call.documents.get(title="Budget")
    assert budget.max_bytes == 5 * 1024 * 1024
    assert not budget.required
    for kind, part in [("criterion", criterion), ("document", budget)]:
        removal = {"action": f"remove-{kind}", "pk": part.pk}
        asked = client.post(url, removal)
        assert asked.status_code == 200
        assert f"Remove “{part}” from the call?" in asked.content.decode()
        assert type(part).objects.filter(pk=part.pk).exists()
        response = client.post(url, {**removal, "confirmed": "yes"})
        assert response.status_code == 302
    assert not call.criteria.filter(title="Impact").exists()
    assert not call.documents.filter(title="Budget").exists()


def test_criterion_form_errors_are_next_to_fields(client, host_call):
    client.force_login(host_call.office)
    response = client.post(
        manage_url(host_call.call),
        {"action": "add-criterion", "criterion-title": "", "criterion-weight": "0"},
    )
    assert response.status_code == 200
    assert set(response.context["forms"]["criterion"].errors) == {"title", "weight"}


def test_document_size_limit_is_bounded(client, host_call):
    client.force_login(host_call.office)
    response = client.post(
        manage_url(host_call.call),
        {"action": "add-document", "document-title": "Huge", "document-size_mb": "5000"},
    )
    assert response.status_code == 200
    assert "size_mb" in response.context["forms"]["document"].errors


def test_cut_off_in_use_stays(client, host_call):
    application, _user = submit_complete(host_call)
    client.force_login(host_call.office)
    response = client.post(
        manage_url(host_call.call),
        {"action": "remove-cut_off", "pk": application.cut_off_id, "confirmed": "yes"},
        follow=True,
    )
    assert "Applications were submitted to this cut-off; it stays." in response.content.decode()
    assert CutOff.objects.filter(pk=application.cut_off_id).exists()


def test_another_calls_part_cannot_be_removed(client, host_call, pitch_call):
    client.force_login(host_call.office)
    criterion = pitch_call.criteria[0]
    response = client.post(
        manage_url(host_call.call), {"action": "remove-criterion", "pk": criterion.pk}
    )
    assert response.status_code == 404
    assert pitch_call.call.criteria.filter(pk=criterion.pk).exists()


def test_save_call_text_and_rules(client, host_call):
    client.force_login(host_call.office)
    data = {f"call-{k}": v for k, v in call_data(title="Renamed call").items()}
    data["action"] = "save"
    response = client.post(manage_url(host_call.call), data)
    assert response.status_code == 302
    host_call.call.refresh_from_db()
    assert host_call.call.title == "Renamed call"
    assert host_call.call.eligible_countries == ["CZ", "PL"]


def test_opening_an_unready_call_shows_why(client, host_call):
    client.force_login(host_call.office)
    call = services.create_call(
        actor=host_call.office,
        purpose=Call.Purpose.HOST,
        programme=host_call.programme,
        title="Empty call",
    )
    response = client.post(manage_url(call), {"action": "open"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Add a cut-off date in the future." in body
    assert "Add at least one evaluation criterion." in body
    assert 'role="alert"' in body
    call.refresh_from_db()
    assert call.status == Call.Status.DRAFT


def test_close_and_reopen_a_call(client, host_call):
    client.force_login(host_call.office)
    url = manage_url(host_call.call)
    client.post(url, {"action": "close"})
    host_call.call.refresh_from_db()
    assert host_call.call.status == Call.Status.CLOSED
    client.post(url, {"action": "open"})
    host_call.call.refresh_from_db()
    assert host_call.call.status == Call.Status.OPEN


def test_unknown_action_changes_nothing(client, host_call):
    client.force_login(host_call.office)
    response = client.post(manage_url(host_call.call), {"action": "explode"})
    assert response.status_code == 302


# Pitch calls: length, places and the jury --------------------------------------------------------


def test_pitch_call_manage_edits_length_places_and_jury(client, pitch_call):
    client.force_login(pitch_call.cohost)
    url = manage_url(pitch_call.call)
    body = client.get(url).content.decode()
    assert 'name="call-pitch_minutes"' in body
    assert "Add a jury member" in body
    data = {f"call-{k}": v for k, v in call_data(title="Pitches").items()}
    data.update({"action": "save", "call-pitch_minutes": "7", "call-places": "4"})
    assert client.post(url, data).status_code == 302
    pitch_call.call.refresh_from_db()
    assert (pitch_call.call.pitch_minutes, pitch_call.call.places) == (7, 4)

    juror = UserFactory(email="juror@example.org")
    response = client.post(url, {"action": "add-jury", "jury-email": "JUROR@example.org"})
    assert response.status_code == 302
    assert list(pitch_call.call.panel.all()) == [juror]
    assert "juror@example.org" in client.get(url).content.decode()

    response = client.post(url, {"action": "add-jury", "jury-email": "nobody@example.org"})
    assert response.status_code == 200
    assert response.context["forms"]["jury"].errors["email"] == [
        "Nobody with this e-mail address has an account here."
    ]
    assert 'value="nobody@example.org"' in response.content.decode()

    response = client.post(url, {"action": "remove-jury", "member": juror.pk})
    assert response.status_code == 200  # asks first
    assert f"Remove {juror} from the jury?" in response.content.decode()
    assert list(pitch_call.call.panel.all()) == [juror]
    response = client.post(url, {"action": "remove-jury", "member": juror.pk, "confirmed": "yes"})
    assert response.status_code == 302
    assert not pitch_call.call.panel.exists()


def test_removing_a_jury_member_drops_unsubmitted_live_sheets(client, pitch_call):
    juror = UserFactory(email="juror@example.org")
    pitch_call.call.panel.add(juror)
    user, organisation = make_applicant()
    application = services.start_application(pitch_call.call, organisation=organisation, actor=user)
    Review.objects.create(application=application, reviewer=juror, stage=Review.Stage.LIVE)
    client.force_login(pitch_call.cohost)
    client.post(
        manage_url(pitch_call.call),
        {"action": "remove-jury", "member": juror.pk, "confirmed": "yes"},
    )
    assert not Review.objects.filter(reviewer=juror).exists()


def test_host_call_has_no_jury_section(client, host_call):
    client.force_login(host_call.office)
    body = client.get(manage_url(host_call.call)).content.decode()
    assert "Add a jury member" not in body
    assert 'name="call-pitch_minutes"' not in body


def test_pitch_call_is_refused_to_other_events_cohosts(client, pitch_call, host_call):
    client.force_login(host_call.office)  # runs another programme's call, not this event
    assert client.get(manage_url(pitch_call.call)).status_code == 403


def test_programme_page_links_new_call_for_its_office_only(client, host_call, other_office):
    url = host_call.programme.get_absolute_url()
    new = reverse("selection:call-new", kwargs={"programme_slug": "cmr"})
    assert new not in client.get(url).content.decode()
    client.force_login(other_office)
    assert new not in client.get(url).content.decode()
    client.force_login(host_call.office)
    assert new in client.get(url).content.decode()


# Browser-test findings: tabs, time zones, one decision, drafts on the programme page -----------


def test_pitch_call_manage_tabs_reach_running_order_jury_and_results(client, pitch_call):
    client.force_login(pitch_call.cohost)
    html = client.get(manage_url(pitch_call.call)).content.decode()
    nav = html[
        html.index('<nav class="manage-nav"') : html.index("</nav>", html.index("manage-nav"))
    ]
    slug = pitch_call.call.slug
    for name in ("call-manage", "call-applications", "running-order", "jury", "results"):
        assert f'href="{reverse(f"selection:{name}", kwargs={"slug": slug})}"' in nav
    assert "Running order & voting" in nav
    assert "Results (preview)" in nav
    assert (
        f'href="{reverse("selection:call-manage", kwargs={"slug": slug})}" aria-current="page"'
        in nav
    )


def test_host_call_manage_tabs_have_no_pitching_pages(client, host_call):
    client.force_login(host_call.office)
    html = client.get(manage_url(host_call.call)).content.decode()
    assert reverse("selection:running-order", kwargs={"slug": host_call.call.slug}) not in html
    assert "Results (preview)" not in html


def test_new_cut_off_of_a_host_call_defaults_to_brussels(client, host_call):
    client.force_login(host_call.office)
    form = client.get(manage_url(host_call.call)).context["forms"]["cut_off"]
    assert form["time_zone"].value() == "Europe/Brussels"
    assert 'name="call-review_days"' in client.get(manage_url(host_call.call)).content.decode()


def test_new_cut_off_of_a_pitch_call_defaults_to_the_events_time_zone(client, pitch_call):
    pitch_call.event.time_zone = "Europe/Lisbon"
    pitch_call.event.save()
    client.force_login(pitch_call.cohost)
    response = client.get(manage_url(pitch_call.call))
    assert response.context["forms"]["cut_off"]["time_zone"].value() == "Europe/Lisbon"
    html = response.content.decode()
    assert '<option value="Europe/Lisbon" selected>' in html
    # Reviewers' days mean little for a pitching session: not asked.
    assert 'name="call-review_days"' not in html


def test_a_pitch_events_zone_outside_the_usual_list_is_offered_and_accepted(client, pitch_call):
    pitch_call.event.time_zone = "America/New_York"
    pitch_call.event.save()
    client.force_login(pitch_call.cohost)
    html = client.get(manage_url(pitch_call.call)).content.decode()
    assert '<option value="America/New_York" selected>' in html
    response = client.post(
        manage_url(pitch_call.call),
        {
            "action": "add-cut-off",
            "cutoff-day": "2031-03-04",
            "cutoff-time": "17:00",
            "cutoff-time_zone": "America/New_York",
        },
    )
    assert response.status_code == 302
    cut_off = pitch_call.call.cut_offs.get(time_zone="America/New_York")
    assert cut_off.deadline == dt.datetime(2031, 3, 4, 22, 0, tzinfo=dt.UTC)


def test_saving_a_pitch_call_without_review_days_keeps_them(client, pitch_call):
    client.force_login(pitch_call.cohost)
    before = pitch_call.call.review_days
    data = {f"call-{k}": v for k, v in call_data(title="Pitches").items() if k != "review_days"}
    data.update({"action": "save", "call-pitch_minutes": "6", "call-places": "3"})
    assert client.post(manage_url(pitch_call.call), data).status_code == 302
    pitch_call.call.refresh_from_db()
    assert (pitch_call.call.title, pitch_call.call.review_days) == ("Pitches", before)


def test_programme_page_lists_draft_calls_for_its_office_only(client, host_call, other_office):
    draft = services.create_call(
        actor=host_call.office,
        purpose=Call.Purpose.HOST,
        programme=host_call.programme,
        title="Next year's draft",
    )
    url = host_call.programme.get_absolute_url()
    setup = manage_url(draft)
    for who in (None, other_office, UserFactory(email="someone@example.org")):
        if who is None:
            client.logout()
        else:
            client.force_login(who)
        html = client.get(url).content.decode()
        assert "Next year&#x27;s draft" not in html and setup not in html
    client.force_login(host_call.office)
    html = client.get(url).content.decode()
    assert draft.get_absolute_url() in html
    assert setup in html
    assert "Next year&#x27;s draft" in html
    assert host_call.call.get_absolute_url() in html


def test_programme_page_with_only_draft_calls_has_no_calls_heading_for_visitors(client):
    office = UserFactory(email="office2@example.org")
    programme = ProgrammeFactory(slug="quiet")
    programme.team.add(office)
    services.create_call(
        actor=office, purpose=Call.Purpose.HOST, programme=programme, title="Hidden"
    )
    html = client.get(programme.get_absolute_url()).content.decode()
    assert ">Calls</h2>" not in html


@pytest.mark.parametrize("count", [1, 3])
def test_programme_page_query_count_with_drafts_for_anonymous_visitors(
    client, host_call, django_assert_num_queries, count
):
    for number in range(count):
        services.create_call(
            actor=host_call.office,
            purpose=Call.Purpose.HOST,
            programme=host_call.programme,
            title=f"Draft {number}",
        )
    with django_assert_num_queries(3):  # programme with events, and its calls
        response = client.get(host_call.programme.get_absolute_url())
    assert response.status_code == 200
    assert [call.title for call in response.context["calls"]] == [host_call.call.title]
