import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from modus.selection import services
from modus.selection.models import Application, ApplicationDocument
from modus.selection.services.history import Action
from tests.factories import (
    EcosystemFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    UserFactory,
)

from .conftest import complete_draft, make_applicant, make_reviewer, pdf_upload

pytestmark = pytest.mark.django_db


def url(name, application, **extra):
    return reverse(f"selection:{name}", kwargs={"pk": application.pk, **extra})


@pytest.fixture
def draft(host_call):
    user, organisation = make_applicant()
    application = services.start_application(
        host_call.call, organisation=organisation, actor=user, title="Silesia hosts"
    )
    return application


def applicant_of(application):
    return application.organisation.memberships.first().user


def conflicted_reviewer(host_call, application):
    """Assigned without a conflict; then their organisation became a co-organiser."""
    reviewer = make_reviewer("conflicted@example.org")
    services.assign_reviewer(application, reviewer=reviewer, actor=host_call.office)
    own = OrganisationFactory(name="Reviewer's own cluster")
    MembershipFactory(user=reviewer, organisation=own)
    application.co_organisers.add(own)
    return reviewer


# My applications ---------------------------------------------------------------------------------


def test_my_applications_needs_a_login(client):
    response = client.get(reverse("selection:my-applications"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


def test_my_applications_lists_only_the_users_organisations(client, host_call, submitted):
    other_user, other = make_applicant(email="other@example.org")
    services.start_application(host_call.call, organisation=other, actor=other_user, title="Other")
    client.force_login(applicant_of(submitted))
    response = client.get(reverse("selection:my-applications"))
    html = response.content.decode()
    assert submitted.title in html and "Submitted" in html
    assert ">Other<" not in html


def test_my_applications_shows_the_decision_with_its_reasons(client, host_call, submitted):
    services.reject_application(submitted, actor=host_call.office, reasons="Too few hotels.")
    client.force_login(applicant_of(submitted))
    html = client.get(reverse("selection:my-applications")).content.decode()
    assert "Rejected" in html and "Too few hotels." in html


@pytest.mark.parametrize("count", [1, 3])
def test_my_applications_query_count(client, host_call, django_assert_num_queries, count):
    user = UserFactory(email="busy@example.org")
    for number in range(count):
        organisation = OrganisationFactory(name=f"Cluster {number}")
        MembershipFactory(user=user, organisation=organisation)
        services.start_application(host_call.call, organisation=organisation, actor=user)
    client.force_login(user)
    client.get(reverse("selection:my-applications"))  # the session is loaded once
    with django_assert_num_queries(3):  # session, user, applications
        response = client.get(reverse("selection:my-applications"))
    assert response.content.decode().count('<th scope="row">') == count


# The application page ----------------------------------------------------------------------------


def test_applicant_sees_what_is_missing_and_the_buttons(client, draft):
    client.force_login(applicant_of(draft))
    response = client.get(draft.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Still missing" in html
    assert "the proposed host region" in html and "Letter of support" in html
    assert url("application-edit", draft) in html
    assert url("application-submit", draft) in html
    assert url("application-withdraw", draft) not in html
    assert "Draft started" in html  # the log


def test_submitted_application_shows_answers_documents_and_log(client, submitted):
    user = applicant_of(submitted)
    client.force_login(user)
    html = client.get(submitted.get_absolute_url()).content.decode()
    document = submitted.documents.get()
    assert "Because of our 22 clusters." in html
    assert url("application-document", submitted, document_pk=document.pk) in html
    assert "letter.pdf" in html
    assert url("application-withdraw", submitted) in html
    assert url("application-edit", submitted) not in html
    assert "Submitted" in html and str(user) in html


def test_the_history_lists_who_did_what_oldest_first(client, host_call, submitted):
    user = applicant_of(submitted)
    services.withdraw_application(submitted, actor=user, reason="Dates clash")
    services.reopen_application(submitted, actor=host_call.office, note="By mistake")
    client.force_login(user)
    response = client.get(submitted.get_absolute_url())
    html = response.content.decode()
    table = html[html.index('id="log-heading"') :]
    table = table[: table.index("</table>")]
    rows = [row.split("</td><td>")[1:] for row in table.split("<tr><td>")[1:]]
    assert [(row[0], row[1], row[2].split("<")[0]) for row in rows] == [
        ("Draft started", str(user), ""),
        ("Submitted", str(user), str(submitted.cut_off)),
        ("Withdrawn", str(user), "Dates clash"),
        ("Reopened", str(host_call.office), "By mistake"),
    ]
    with translation.override("cs"):
        czech = client.get(submitted.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="cs")
    assert "Koncept založen" in czech.content.decode()


def test_decision_with_reasons_is_shown(client, host_call, submitted):
    services.reject_application(submitted, actor=host_call.office, reasons="Too few hotels.")
    client.force_login(applicant_of(submitted))
    html = client.get(submitted.get_absolute_url()).content.decode()
    assert "Decision" in html and "Too few hotels." in html


def test_application_page_needs_a_login(client, draft):
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


def test_outsiders_get_404_for_an_application(client, draft):
    outsider, _own = make_applicant(email="outsider@example.org")
    client.force_login(outsider)
    for name in ("application", "application-edit"):
        assert client.get(url(name, draft)).status_code == 404
    for name in ("application-submit", "application-withdraw"):
        assert client.post(url(name, draft)).status_code == 404
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT


def test_manager_sees_the_application_and_its_log_but_cannot_edit(client, host_call, submitted):
    client.force_login(host_call.office)
    response = client.get(submitted.get_absolute_url())
    assert response.status_code == 200
    assert "History" in response.content.decode()
    assert response.context["is_manager"] is True
    assert client.get(url("application-edit", submitted)).status_code == 403
    assert client.post(url("application-withdraw", submitted)).status_code == 403


def test_reviewer_sees_the_application_without_the_log(client, host_call, submitted):
    reviewer = make_reviewer()
    review = services.assign_reviewer(submitted, reviewer=reviewer, actor=host_call.office)
    client.force_login(reviewer)
    response = client.get(submitted.get_absolute_url())
    assert response.status_code == 200
    assert response.context["review"] == review
    assert response.context["is_manager"] is False
    assert "History" not in response.content.decode()


def test_reviewer_with_a_conflict_of_interest_gets_404(client, host_call, submitted):
    reviewer = conflicted_reviewer(host_call, submitted)
    client.force_login(reviewer)
    assert client.get(submitted.get_absolute_url()).status_code == 404


# Editing -----------------------------------------------------------------------------------------


def test_edit_form_has_every_part(client, host_call, draft):
    RegionFactory(code="PL22", name="Śląskie", country_code="PL")
    RegionFactory(code="PL2", name="Makroregion południowy", country_code="PL", level=1)
    OrganisationFactory(name="Partner cluster")
    EcosystemFactory(key="energy", label="Energy")
    client.force_login(applicant_of(draft))
    response = client.get(url("application-edit", draft))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<select name="region"' in html and "Śląskie (PL22)" in html
    assert "Makroregion" not in html  # NUTS-2 only
    assert '<select name="co_organisers" multiple' in html and "Partner cluster" in html
    assert 'type="date"' in html
    assert "Energy" in html
    assert f'name="question_{host_call.question.pk}"' in html
    assert f'name="document_{host_call.letter.pk}"' in html
    assert "10.0\xa0MB" in html


def test_saving_the_draft_stores_text_and_the_file(client, host_call, draft):
    user = applicant_of(draft)
    region = RegionFactory(code="PL22", name="Śląskie", country_code="PL")
    partner = OrganisationFactory(name="Partner cluster")
    energy = EcosystemFactory(key="energy", label="Energy")
    client.force_login(user)
    response = client.post(
        url("application-edit", draft),
        {
            "title": "Silesia hosts 2027",
            "summary": "Energy transition.",
            "region": region.pk,
            "proposed_starts_on": "2027-11-07",
            "proposed_ends_on": "2027-11-08",
            "venue": "ICC",
            "city": "Katowice",
            "ecosystems": [energy.pk],
            "co_organisers": [partner.pk],
            f"question_{host_call.question.pk}": "Because.",
            f"document_{host_call.letter.pk}": pdf_upload(),
        },
    )
    assert response.status_code == 302
    assert response.url == draft.get_absolute_url()
    draft.refresh_from_db()
    assert draft.title == "Silesia hosts 2027" and draft.region == region
    assert draft.answers == {str(host_call.question.pk): "Because."}
    assert list(draft.co_organisers.all()) == [partner]
    assert list(draft.ecosystems.all()) == [energy]
    document = draft.documents.get()
    assert document.original_name == "letter.pdf" and document.uploaded_by == user
    # The edit page shows the current file.
    html = client.get(url("application-edit", draft)).content.decode()
    assert "letter.pdf" in html and str(user) in html


def test_field_errors_of_the_service_go_next_to_the_field(client, draft):
    client.force_login(applicant_of(draft))
    response = client.post(
        url("application-edit", draft),
        {
            "title": "Silesia",
            "summary": "Kept.",
            "proposed_starts_on": "2027-11-08",
            "proposed_ends_on": "2027-11-07",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["proposed_ends_on"] == [
        "The last day cannot be before the first."
    ]
    assert "Kept." in response.content.decode()


def _exe_as_pdf():
    return SimpleUploadedFile(
        "letter.pdf", b"MZ\x90\x00" + b"\x00" * 4096, content_type="application/pdf"
    )


@pytest.mark.parametrize(
    ("make_upload", "message"),
    [
        (_exe_as_pdf, "“letter.pdf” is not a PDF document (its content says otherwise)."),
        (lambda: pdf_upload(size=50 * 1024 * 1024), "The file is too large; the limit is 10.0"),
        (lambda: SimpleUploadedFile("letter.pdf", b"", "application/pdf"), "The file is empty."),
    ],
    ids=["renamed-exe", "50-MB", "empty"],
)
def test_bad_upload_shows_its_error_next_to_the_field_and_keeps_the_text(
    client, host_call, draft, make_upload, message
):
    client.force_login(applicant_of(draft))
    field = f"document_{host_call.letter.pk}"
    response = client.post(
        url("application-edit", draft),
        {
            "title": "Silesia hosts",
            "summary": "Typed with care.",
            f"question_{host_call.question.pk}": "Our answer.",
            field: make_upload(),
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert errors[field][0].startswith(message)
    html = response.content.decode()
    assert "Typed with care." in html and "Our answer." in html
    # The error is rendered inside the file field's row, right after its input.
    row_start = html.index(f'name="{field}"')
    assert html.index(message.split(";")[0], row_start) < html.index("</div>", row_start)
    # The text was saved all the same; no file was kept.
    draft.refresh_from_db()
    assert draft.summary == "Typed with care."
    assert draft.answers[str(host_call.question.pk)] == "Our answer."
    assert not ApplicationDocument.objects.exists()


def test_member_of_another_organisation_cannot_edit(client, host_call, draft):
    other_user, other = make_applicant(email="other@example.org")
    services.start_application(host_call.call, organisation=other, actor=other_user)
    client.force_login(other_user)
    response = client.post(url("application-edit", draft), {"title": "Hijacked"})
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.title == "Silesia hosts"


def test_a_submitted_application_is_no_longer_edited(client, submitted):
    client.force_login(applicant_of(submitted))
    response = client.post(url("application-edit", submitted), {"title": "Changed"})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.title == "Silesia hosts"


def test_edit_needs_a_login(client, draft):
    response = client.get(url("application-edit", draft))
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


# Submitting and withdrawing ----------------------------------------------------------------------


def test_submit_a_complete_draft(client, host_call):
    user, organisation = make_applicant()
    application = complete_draft(host_call, user, organisation)
    client.force_login(user)
    response = client.post(url("application-submit", application), follow=True)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert "is submitted" in response.content.decode()


def test_submitting_an_incomplete_draft_says_what_is_missing(client, draft):
    client.force_login(applicant_of(draft))
    response = client.post(url("application-submit", draft), follow=True)
    assert response.status_code == 200
    assert "Before submitting, add:" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT


def test_submitting_after_the_last_cut_off_keeps_the_draft(client, host_call):
    user, organisation = make_applicant()
    application = complete_draft(host_call, user, organisation)
    host_call.call.cut_offs.all().delete()
    services.add_cut_off(
        host_call.call,
        actor=host_call.office,
        local_deadline=dt.datetime(2021, 12, 2, 18, 0),
        time_zone="Europe/Warsaw",
    )
    client.force_login(user)
    response = client.post(url("application-submit", application), follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "The last deadline (02.12.2021 18:00 CET) has passed" in html
    assert "Your draft is kept." in html
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT
    assert application.summary == "Energy transition in Silesia."


def test_submit_and_withdraw_need_a_post(client, draft):
    client.force_login(applicant_of(draft))
    assert client.get(url("application-submit", draft)).status_code == 405
    assert client.get(url("application-withdraw", draft)).status_code == 405


def test_withdraw_with_a_reason(client, submitted):
    user = applicant_of(submitted)
    client.force_login(user)
    response = client.post(
        url("application-withdraw", submitted), {"reason": "We cannot host after all."}
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.WITHDRAWN
    entry = submitted.action_log.get(action=Action.WITHDRAWN)
    assert entry.note == "We cannot host after all." and entry.actor == user
    html = client.get(submitted.get_absolute_url()).content.decode()
    assert "We cannot host after all." in html


def test_withdrawing_a_draft_shows_a_message(client, draft):
    client.force_login(applicant_of(draft))
    response = client.post(url("application-withdraw", draft), follow=True)
    assert response.status_code == 200
    assert "Only a submitted application" in response.content.decode()


# Documents ---------------------------------------------------------------------------------------


def test_applicant_downloads_the_private_pdf(client, submitted):
    document = submitted.documents.get()
    client.force_login(applicant_of(submitted))
    response = client.get(url("application-document", submitted, document_pk=document.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_manager_downloads_the_pdf(client, host_call, submitted):
    document = submitted.documents.get()
    client.force_login(host_call.office)
    response = client.get(url("application-document", submitted, document_pk=document.pk))
    assert response.status_code == 200


def test_nobody_else_gets_the_file(client, host_call, submitted):
    document = submitted.documents.get()
    address = url("application-document", submitted, document_pk=document.pk)
    anonymous = client.get(address)
    assert anonymous.status_code == 302 and not getattr(anonymous, "streaming", False)
    outsider, _own = make_applicant(email="outsider@example.org")
    client.force_login(outsider)
    assert client.get(address).status_code == 404
    client.force_login(conflicted_reviewer(host_call, submitted))
    assert client.get(address).status_code == 404


def test_a_document_of_another_application_is_404(client, host_call, submitted):
    other_user, other = make_applicant(email="other@example.org")
    other_application = services.start_application(
        host_call.call, organisation=other, actor=other_user
    )
    document = submitted.documents.get()
    client.force_login(other_user)
    address = url("application-document", other_application, document_pk=document.pk)
    assert client.get(address).status_code == 404


def test_a_missing_application_is_404_even_for_anonymous_visitors(client):
    assert client.get(reverse("selection:application", kwargs={"pk": 999999})).status_code == 404
    missing_document = reverse(
        "selection:application-document", kwargs={"pk": 999999, "document_pk": 1}
    )
    assert client.get(missing_document).status_code == 404
