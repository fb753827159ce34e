import datetime as dt

import pytest
from django.urls import reverse

from modus.directory.models import Organisation
from modus.selection import services
from modus.selection.models import Application, Call
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

from .conftest import make_applicant

pytestmark = pytest.mark.django_db


def _draft_call(office, programme, title="Draft call"):
    return services.create_call(
        actor=office, purpose=Call.Purpose.HOST, programme=programme, title=title
    )


def _more_open_calls(host_call, count):
    for number in range(count):
        call = _draft_call(host_call.office, host_call.programme, title=f"Extra call {number}")
        services.add_cut_off(
            call,
            actor=host_call.office,
            local_deadline=dt.datetime(2040, 3, 1 + number, 12, 0),
            time_zone="Europe/Lisbon",
        )
        services.add_criterion(call, actor=host_call.office, title="Fit")
        services.open_call(call, actor=host_call.office)


# The list of calls -------------------------------------------------------------------------------


def test_call_list_shows_open_calls_with_their_next_cut_off_in_its_own_zone(client, host_call):
    next_cut_off = host_call.call.cut_offs.order_by("deadline").first()
    local = next_cut_off.local_deadline()
    response = client.get(reverse("selection:calls"))
    assert response.status_code == 200
    html = response.content.decode()
    assert host_call.call.title in html
    assert f"{local:%H:%M} {local.tzname()}" in html
    assert "left" in html


def test_call_list_puts_open_calls_before_closed_ones(client, host_call):
    closed = _draft_call(host_call.office, host_call.programme, title="An old closed call")
    services.close_call(closed, actor=host_call.office)
    html = client.get(reverse("selection:calls")).content.decode()
    assert html.index(host_call.call.title) < html.index("An old closed call")


def test_draft_calls_are_listed_only_for_their_managers(client, host_call):
    _draft_call(host_call.office, host_call.programme, title="A secret draft")
    assert "A secret draft" not in client.get(reverse("selection:calls")).content.decode()
    client.force_login(UserFactory())
    assert "A secret draft" not in client.get(reverse("selection:calls")).content.decode()
    client.force_login(host_call.office)
    assert "A secret draft" in client.get(reverse("selection:calls")).content.decode()


def test_pitch_call_drafts_are_listed_for_the_event_cohosts(client, pitch_call):
    services.close_call(pitch_call.call, actor=pitch_call.cohost)
    Call.objects.filter(pk=pitch_call.call.pk).update(status=Call.Status.DRAFT)
    client.force_login(pitch_call.cohost)
    assert pitch_call.call.title in client.get(reverse("selection:calls")).content.decode()
    client.force_login(UserFactory())
    assert pitch_call.call.title not in client.get(reverse("selection:calls")).content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_call_list_query_count(client, host_call, django_assert_num_queries, count):
    _more_open_calls(host_call, count - 1)
    with django_assert_num_queries(2):
        response = client.get(reverse("selection:calls"))
    assert response.status_code == 200
    assert response.content.decode().count('class="card"') == count


# One call ----------------------------------------------------------------------------------------


def test_call_detail_shows_every_part_of_the_call(client, host_call):
    call = host_call.call
    services.update_call(
        call,
        actor=host_call.office,
        description="First paragraph.\n\nSecond paragraph.",
        eligible_countries=["PL", "CZ"],
    )
    past = services.add_cut_off(
        call,
        actor=host_call.office,
        local_deadline=dt.datetime(2020, 12, 2, 18, 0),
        time_zone="Europe/Brussels",
    )
    response = client.get(call.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<p>First paragraph.</p>" in html and "<p>Second paragraph.</p>" in html
    assert "2 December 2020, 18:00 CET" in html
    assert "Passed" in html
    assert past.time_zone in html and "Europe/Warsaw" in html
    assert "Relevance" in html and "Capacity to host" in html
    assert "from 0 to 5" in html
    assert "Letter of support from the regional authority" in html
    assert "10.0\xa0MB" in html
    assert "Why your region?" in html
    assert "Czechia" in html or "Czech" in html
    assert "Cluster" in html


def test_draft_call_is_404_except_for_its_managers(client, host_call):
    draft = _draft_call(host_call.office, host_call.programme)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(host_call.office)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    manage = reverse("selection:call-manage", kwargs={"slug": draft.slug})
    assert manage in response.content.decode()


def test_managers_see_links_to_manage_and_to_the_applications(client, host_call):
    manage = reverse("selection:call-manage", kwargs={"slug": host_call.call.slug})
    applications = reverse("selection:call-applications", kwargs={"slug": host_call.call.slug})
    assert manage not in client.get(host_call.call.get_absolute_url()).content.decode()
    client.force_login(host_call.office)
    html = client.get(host_call.call.get_absolute_url()).content.decode()
    assert manage in html and applications in html


def test_anonymous_visitors_are_told_to_log_in(client, host_call):
    html = client.get(host_call.call.get_absolute_url()).content.decode()
    assert "Log in to apply" in html
    assert reverse("selection:apply", kwargs={"slug": host_call.call.slug}) not in html


def test_a_user_without_an_organisation_is_told_why(client, host_call):
    client.force_login(UserFactory())
    html = client.get(host_call.call.get_absolute_url()).content.decode()
    assert "you are not a member of any organisation" in html


def test_an_ineligible_organisation_is_told_why(client, host_call):
    user, _organisation = make_applicant(kind=Organisation.Kind.COMPANY)
    client.force_login(user)
    html = client.get(host_call.call.get_absolute_url()).content.decode()
    assert "None of your organisations may apply" in html
    assert "may not apply to this call" in html
    assert reverse("selection:apply", kwargs={"slug": host_call.call.slug}) not in html


def test_a_closed_call_says_so(client, host_call):
    user, _organisation = make_applicant()
    services.close_call(host_call.call, actor=host_call.office)
    client.force_login(user)
    html = client.get(host_call.call.get_absolute_url()).content.decode()
    assert "This call is closed" in html


def test_a_member_of_one_eligible_organisation_gets_the_apply_button(client, host_call):
    user, organisation = make_applicant()
    client.force_login(user)
    html = client.get(host_call.call.get_absolute_url()).content.decode()
    assert reverse("selection:apply", kwargs={"slug": host_call.call.slug}) in html
    assert f"You apply for {organisation.name}" in html


def test_a_member_of_several_organisations_chooses_one(client, host_call):
    user, first = make_applicant()
    second = OrganisationFactory(name="Second cluster", kind=Organisation.Kind.CLUSTER)
    MembershipFactory(user=user, organisation=second)
    client.force_login(user)
    html = client.get(host_call.call.get_absolute_url()).content.decode()
    assert '<select name="organisation"' in html
    assert first.name in html and "Second cluster" in html


def test_an_existing_application_is_linked_instead_of_a_new_one(client, host_call):
    user, organisation = make_applicant()
    application = services.start_application(host_call.call, organisation=organisation, actor=user)
    client.force_login(user)
    html = client.get(host_call.call.get_absolute_url()).content.decode()
    assert application.get_absolute_url() in html
    assert reverse("selection:apply", kwargs={"slug": host_call.call.slug}) not in html


def test_pitch_call_shows_the_session_the_pitch_length_and_the_places(client, pitch_call):
    html = client.get(pitch_call.call.get_absolute_url()).content.decode()
    assert pitch_call.session.title in html
    assert pitch_call.event.name in html
    assert "5 minutes" in html
    assert "Pitch deck" in html
    assert pitch_call.session.get_absolute_url() in html


def test_apply_starts_a_draft_and_opens_the_form(client, host_call):
    user, organisation = make_applicant()
    client.force_login(user)
    response = client.post(
        reverse("selection:apply", kwargs={"slug": host_call.call.slug}),
        {"organisation": organisation.pk},
    )
    application = Application.objects.get(call=host_call.call, organisation=organisation)
    assert response.status_code == 302
    assert response.url == reverse("selection:application-edit", kwargs={"pk": application.pk})


def test_apply_for_someone_elses_organisation_is_refused(client, host_call):
    user, _own = make_applicant()
    _other_user, other = make_applicant(email="other@example.org")
    client.force_login(user)
    response = client.post(
        reverse("selection:apply", kwargs={"slug": host_call.call.slug}),
        {"organisation": other.pk},
        follow=True,
    )
    assert response.status_code == 200
    assert not Application.objects.filter(organisation=other).exists()
    assert "Choose one of your organisations" in response.content.decode()


def test_apply_for_an_ineligible_organisation_shows_the_reason(client, host_call):
    user, organisation = make_applicant(kind=Organisation.Kind.COMPANY)
    client.force_login(user)
    response = client.post(
        reverse("selection:apply", kwargs={"slug": host_call.call.slug}),
        {"organisation": organisation.pk},
        follow=True,
    )
    assert "may not apply to this call" in response.content.decode()
    assert not Application.objects.exists()


def test_apply_needs_a_login_and_a_post(client, host_call):
    url = reverse("selection:apply", kwargs={"slug": host_call.call.slug})
    response = client.post(url, {})
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url
    user, _organisation = make_applicant()
    client.force_login(user)
    assert client.get(url).status_code == 405


# Finding the calls -------------------------------------------------------------------------------


def test_main_navigation_links_to_the_calls(client, host_call):
    html = client.get(reverse("selection:calls")).content.decode()
    assert f'<a href="{reverse("selection:calls")}" aria-current="page">' in html


def test_programme_page_lists_its_open_and_closed_calls_but_not_drafts(client, host_call):
    _draft_call(host_call.office, host_call.programme, title="A secret draft")
    closed = _draft_call(host_call.office, host_call.programme, title="An old closed call")
    services.close_call(closed, actor=host_call.office)
    html = client.get(host_call.programme.get_absolute_url()).content.decode()
    assert host_call.call.get_absolute_url() in html
    assert closed.get_absolute_url() in html
    assert "A secret draft" not in html


def test_profile_links_to_my_applications_and_my_reviews(client):
    client.force_login(UserFactory())
    html = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("selection:my-applications") in html
    assert reverse("selection:my-reviews") in html


# Browser-test findings: the way to apply is near the top -----------------------------------------


def test_next_deadline_and_apply_link_come_right_after_the_title(client, host_call):
    user, _organisation = make_applicant()
    client.force_login(user)
    html = client.get(host_call.call.get_absolute_url()).content.decode()
    summary = html.index('class="card call-summary"')
    assert html.index("<h1") < summary < html.index('<div class="article-body"')
    top = html[summary : html.index("</div>", summary)]
    next_cut_off = host_call.call.cut_offs.order_by("deadline").first()
    assert "Next deadline:" in top
    assert next_cut_off.local_deadline().strftime("%H:%M") in top
    assert '<a class="button" href="#apply">Apply</a>' in top
    assert 'id="apply"' in html


def test_visitors_who_cannot_apply_yet_are_pointed_to_how_to_apply(client, host_call):
    html = client.get(host_call.call.get_absolute_url()).content.decode()
    assert '<a class="button" href="#apply">How to apply</a>' in html


def test_the_applicants_own_application_is_linked_at_the_top(client, host_call):
    user, organisation = make_applicant()
    application = services.start_application(
        host_call.call, organisation=organisation, actor=user, title="Ours"
    )
    client.force_login(user)
    html = client.get(host_call.call.get_absolute_url()).content.decode()
    top = html[html.index('class="card call-summary"') :]
    top = top[: top.index("</div>")]
    assert application.get_absolute_url() in top


def test_a_closed_call_has_no_apply_summary(client, host_call):
    services.close_call(host_call.call, actor=host_call.office)
    html = client.get(host_call.call.get_absolute_url()).content.decode()
    assert "call-summary" not in html
