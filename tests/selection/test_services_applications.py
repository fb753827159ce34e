"""Applying: drafts shared by colleagues, eligibility, documents, submission at the deadline,
withdrawing and reopening."""

import datetime as dt
import zoneinfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from modus.selection import services
from modus.selection.models import Application
from modus.selection.services.errors import NotAllowed
from modus.selection.services.history import Action
from tests.factories import MembershipFactory, UserFactory

from .conftest import complete_draft, make_applicant, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("local", "accepted"),
    [
        (dt.datetime(2030, 12, 2, 17, 59, 59), True),
        (dt.datetime(2030, 12, 2, 18, 0, 0), False),
        (dt.datetime(2030, 12, 2, 18, 0, 1), False),
    ],
    ids=["one-second-before", "at", "one-second-after"],
)
def test_submission_at_the_deadline_edges(single_cut_off, local, accepted):
    host_call, cut_off = single_cut_off
    user, organisation = make_applicant()
    application = complete_draft(host_call, user, organisation)
    now = local.replace(tzinfo=zoneinfo.ZoneInfo("Europe/Warsaw"))
    if accepted:
        services.submit_application(application, actor=user, now=now)
        application.refresh_from_db()
        assert application.status == Application.Status.SUBMITTED
        assert application.cut_off == cut_off
    else:
        with pytest.raises(services.SelectionError) as error:
            services.submit_application(application, actor=user, now=now)
        assert error.value.code == "deadline_passed"
        application.refresh_from_db()
        assert application.status == Application.Status.DRAFT
        assert application.summary == "Energy transition in Silesia."
        assert application.documents.count() == 1


def test_submission_after_one_cut_off_counts_toward_the_next(host_call):
    user, organisation = make_applicant()
    application = complete_draft(host_call, user, organisation)
    first, second = host_call.call.cut_offs.all()
    services.submit_application(application, actor=user, now=first.deadline)
    application.refresh_from_db()
    assert application.cut_off == second


# Applying --------------------------------------------------------------------------------------


def test_colleagues_share_one_draft(host_call):
    user, organisation = make_applicant()
    colleague = UserFactory()
    MembershipFactory(user=colleague, organisation=organisation)
    first = services.start_application(host_call.call, organisation=organisation, actor=user)
    again = services.start_application(host_call.call, organisation=organisation, actor=colleague)
    assert first == again
    services.save_draft(again, actor=colleague, summary="Written by a colleague")
    first.refresh_from_db()
    assert first.summary == "Written by a colleague"


def test_only_members_apply_for_an_organisation(host_call):
    _, organisation = make_applicant()
    with pytest.raises(NotAllowed):
        services.start_application(host_call.call, organisation=organisation, actor=UserFactory())


def test_ineligible_kind_is_refused(host_call):
    user, organisation = make_applicant(kind="company")
    with pytest.raises(services.SelectionError) as error:
        services.start_application(host_call.call, organisation=organisation, actor=user)
    assert error.value.code == "kind_not_eligible"


def test_incomplete_application_names_what_is_missing(host_call):
    user, organisation = make_applicant()
    application = services.start_application(host_call.call, organisation=organisation, actor=user)
    with pytest.raises(services.SelectionError) as error:
        services.submit_application(application, actor=user)
    assert error.value.code == "incomplete"
    assert "Letter of support" in error.value.messages[0]


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (pdf_upload(name="letter.pdf", content=b"MZ\x90\x00" + b"\x00" * 500), "file_not_pdf"),
        (pdf_upload(size=10 * 1024 * 1024 + 1), "file_too_large"),
        (None, "file_empty"),
    ],
    ids=["renamed-exe", "too-large", "empty"],
)
def test_bad_letters_are_refused_and_the_draft_kept(host_call, upload, code):

    if upload is None:
        upload = SimpleUploadedFile("letter.pdf", b"", content_type="application/pdf")
    user, organisation = make_applicant()
    application = services.start_application(host_call.call, organisation=organisation, actor=user)
    services.save_draft(application, actor=user, summary="Kept")
    with pytest.raises(services.SelectionError) as error:
        services.attach_document(
            application, requirement=host_call.letter, upload=upload, actor=user
        )
    assert error.value.code == code
    application.refresh_from_db()
    assert application.summary == "Kept"
    assert application.documents.count() == 0


def test_submitted_application_is_locked_withdrawn_and_reopened(host_call):
    user, organisation = make_applicant()
    application = complete_draft(host_call, user, organisation)
    services.submit_application(application, actor=user)
    with pytest.raises(services.SelectionError):
        services.save_draft(application, actor=user, summary="Changed")
    services.withdraw_application(application, actor=user)
    with pytest.raises(NotAllowed):
        services.reopen_application(application, actor=user)
    services.reopen_application(application, actor=host_call.office)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    actions = list(application.action_log.values_list("action", "actor__email"))
    assert actions[-3:] == [
        (Action.SUBMITTED, user.email),
        (Action.WITHDRAWN, user.email),
        (Action.REOPENED, host_call.office.email),
    ]
