import datetime as dt
import zoneinfo

import pytest
from django.core import mail

from modus.events.models import EventOrganiser
from modus.selection import selectors, services
from modus.selection.models import Application, Review
from modus.selection.services.errors import NotAllowed
from modus.selection.services.history import Action
from tests.factories import MembershipFactory, RegistrationFactory, UserFactory

from .conftest import complete_draft, make_applicant, make_reviewer, pdf_upload

pytestmark = pytest.mark.django_db


# Deadlines in the cut-off's own time zone ------------------------------------------------------


@pytest.fixture
def single_cut_off(host_call):
    """The host call with one cut-off only: 2 December 2030, 18:00 in Warsaw (CET, UTC+1)."""
    host_call.call.cut_offs.all().delete()
    cut_off = services.add_cut_off(
        host_call.call,
        actor=host_call.office,
        local_deadline=dt.datetime(2030, 12, 2, 18, 0),
        time_zone="Europe/Warsaw",
        label="",
    )
    return host_call, cut_off


def test_cut_off_is_stored_as_the_utc_moment_of_its_local_time(single_cut_off):
    _, cut_off = single_cut_off
    assert cut_off.deadline == dt.datetime(2030, 12, 2, 17, 0, tzinfo=dt.UTC)
    assert cut_off.local_deadline().tzname() == "CET"


def test_summer_cut_off_uses_summer_time(host_call):
    cut_off = services.add_cut_off(
        host_call.call,
        actor=host_call.office,
        local_deadline=dt.datetime(2031, 7, 29, 18, 0),
        time_zone="Europe/Brussels",
    )
    assert cut_off.deadline == dt.datetime(2031, 7, 29, 16, 0, tzinfo=dt.UTC)
    assert cut_off.local_deadline().tzname() == "CEST"


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
    from django.core.files.uploadedfile import SimpleUploadedFile

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


def test_each_step_mails_the_applicant(host_call, mailoutbox):
    user, organisation = make_applicant()
    application = complete_draft(host_call, user, organisation)
    services.submit_application(application, actor=user)
    assert [m.to for m in mail.outbox] == [[user.email]]
    assert "submitted" in mail.outbox[0].subject


# Review ----------------------------------------------------------------------------------------


@pytest.fixture
def submitted(host_call):
    user, organisation = make_applicant()
    application = complete_draft(host_call, user, organisation)
    services.submit_application(application, actor=user)
    return application


def test_reviewer_from_the_applicant_organisation_cannot_be_assigned(host_call, submitted):
    colleague = UserFactory()
    MembershipFactory(user=colleague, organisation=submitted.organisation)
    with pytest.raises(services.SelectionError) as error:
        services.assign_reviewer(submitted, reviewer=colleague, actor=host_call.office)
    assert error.value.code == "conflict_of_interest"


def test_scores_stay_hidden_until_a_reviewer_submits(host_call, submitted):
    first, second = make_reviewer("r1@example.org"), make_reviewer("r2@example.org")
    review_1 = services.assign_reviewer(submitted, reviewer=first, actor=host_call.office)
    review_2 = services.assign_reviewer(submitted, reviewer=second, actor=host_call.office)
    relevance, capacity = host_call.criteria
    services.save_review(
        review_1,
        actor=first,
        scores={relevance.pk: (5, "Great"), capacity.pk: (2, "")},
        submit=True,
    )
    assert selectors.visible_reviews(submitted, second) == [review_2]
    services.save_review(
        review_2, actor=second, scores={relevance.pk: 3, capacity.pk: 3}, submit=True
    )
    assert {r.pk for r in selectors.visible_reviews(submitted, second)} == {
        review_1.pk,
        review_2.pk,
    }
    with pytest.raises(services.SelectionError):
        services.save_review(review_2, actor=second, scores={relevance.pk: 1})


def test_scores_outside_the_scale_are_refused(host_call, submitted):
    reviewer = make_reviewer()
    review = services.assign_reviewer(submitted, reviewer=reviewer, actor=host_call.office)
    with pytest.raises(services.SelectionError) as error:
        services.save_review(review, actor=reviewer, scores={host_call.criteria[0].pk: 9})
    assert error.value.code == "bad_score"


def test_ranking_weighted_mean_spread_and_missing(host_call, submitted):
    relevance, capacity = host_call.criteria
    reviewers = [make_reviewer(f"r{i}@example.org") for i in range(3)]
    reviews = [
        services.assign_reviewer(submitted, reviewer=r, actor=host_call.office) for r in reviewers
    ]
    services.save_review(
        reviews[0], actor=reviewers[0], scores={relevance.pk: 5, capacity.pk: 2}, submit=True
    )
    services.save_review(
        reviews[1], actor=reviewers[1], scores={relevance.pk: 2, capacity.pk: 5}, submit=True
    )
    (row,) = selectors.ranking(host_call.call, cut_off=submitted.cut_off)
    assert row.totals == [4.0, 3.0]  # (2·5 + 2) / 3 and (2·2 + 5) / 3
    assert row.mean == pytest.approx(3.5)
    assert row.spread == pytest.approx(1.0)
    assert row.missing == 1


# Decisions -------------------------------------------------------------------------------------


def test_accepting_creates_the_draft_event_with_the_applicant_as_cohost(host_call, submitted):
    services.accept_application(submitted, actor=host_call.office, reasons="Strong proposal")
    submitted.refresh_from_db()
    event = submitted.created_event
    assert event.status == "draft"
    assert event.region_id == "PL22"
    assert (event.starts_on, event.ends_on) == (dt.date(2027, 11, 7), dt.date(2027, 11, 8))
    assert event.time_zone == "Europe/Warsaw"
    assert [e.key for e in event.ecosystems.all()] == ["energy"]
    assert event.organiser_roles.get(organisation=submitted.organisation).role == (
        EventOrganiser.Role.COHOST
    )
    entry = submitted.action_log.get(action=Action.ACCEPTED)
    assert (entry.actor, entry.note) == (host_call.office, "Strong proposal")


def test_rejecting_needs_reasons_and_sends_them(host_call, submitted, mailoutbox):
    with pytest.raises(services.SelectionError):
        services.reject_application(submitted, actor=host_call.office, reasons=" ")
    services.reject_application(submitted, actor=host_call.office, reasons="Dates clash")
    assert "Dates clash" in mail.outbox[-1].body


def test_only_the_office_decides(host_call, submitted):
    with pytest.raises(NotAllowed):
        services.accept_application(submitted, actor=UserFactory())


# Reminders -------------------------------------------------------------------------------------


def test_reminders_go_once_before_cut_off_and_to_late_reviewers(host_call, mailoutbox):
    user, organisation = make_applicant()
    services.start_application(host_call.call, organisation=organisation, actor=user)
    first = host_call.call.cut_offs.first()
    just_before = first.deadline - dt.timedelta(days=1)
    assert services.send_reminders(now=just_before) == {"drafts": 1, "reviewers": 0}
    assert services.send_reminders(now=just_before) == {"drafts": 0, "reviewers": 0}

    other, other_org = make_applicant("second@example.org")
    application = complete_draft(host_call, other, other_org)
    services.submit_application(application, actor=other, now=just_before)
    reviewer = make_reviewer()
    services.assign_reviewer(application, reviewer=reviewer, actor=host_call.office)
    late = first.deadline + dt.timedelta(days=host_call.call.review_days, hours=1)
    assert services.send_reminders(now=late)["reviewers"] == 1
    assert services.send_reminders(now=late)["reviewers"] == 0


# Pitches ---------------------------------------------------------------------------------------


def _selected_pitch(pc, email):
    user, organisation = make_applicant(email, kind="company")
    application = services.start_application(pc.call, organisation=organisation, actor=user)
    services.save_draft(application, actor=user, summary="Our product")
    deck = pc.call.documents.get()
    services.attach_document(
        application, requirement=deck, upload=pdf_upload("deck.pdf"), actor=user
    )
    services.submit_application(application, actor=user)
    services.accept_application(application, actor=pc.cohost)
    return application


def test_selected_pitches_get_a_running_order_within_the_places(pitch_call):
    pitches = [_selected_pitch(pitch_call, f"p{i}@example.org") for i in range(3)]
    assert [p.running_order for p in pitches] == [1, 2, 3]
    services.set_running_order(
        pitch_call.call, [pitches[2].pk, pitches[0].pk, pitches[1].pk], actor=pitch_call.cohost
    )
    assert list(
        pitch_call.call.applications.order_by("running_order").values_list("pk", flat=True)
    ) == [pitches[2].pk, pitches[0].pk, pitches[1].pk]
    user, organisation = make_applicant("late@example.org", kind="company")
    late = services.start_application(pitch_call.call, organisation=organisation, actor=user)
    services.save_draft(late, actor=user, summary="Late")
    services.attach_document(
        late, requirement=pitch_call.call.documents.get(), upload=pdf_upload(), actor=user
    )
    services.submit_application(late, actor=user)
    with pytest.raises(services.SelectionError) as error:
        services.accept_application(late, actor=pitch_call.cohost)
    assert error.value.code == "no_places_left"


def test_one_audience_vote_per_registered_person(pitch_call):
    first, second = (_selected_pitch(pitch_call, f"v{i}@example.org") for i in range(2))
    voter = UserFactory()
    outsider = UserFactory()
    RegistrationFactory(event=pitch_call.event, user=voter)
    with pytest.raises(services.SelectionError):
        services.cast_vote(pitch_call.call, first, user=voter)  # voting not open yet
    services.set_voting(pitch_call.call, actor=pitch_call.cohost, open=True)
    with pytest.raises(NotAllowed):
        services.cast_vote(pitch_call.call, first, user=outsider)
    vote, created = services.cast_vote(pitch_call.call, first, user=voter)
    again, created_again = services.cast_vote(pitch_call.call, second, user=voter)
    assert (created, created_again) == (True, False)
    assert again.application == first
    results = selectors.pitch_results(pitch_call.call)
    assert results["total_votes"] == 1
    assert results["favourites"] == [first]


def test_jury_scores_live_and_results_rank_them(pitch_call):
    first, second = (_selected_pitch(pitch_call, f"j{i}@example.org") for i in range(2))
    juror = UserFactory()
    pitch_call.call.panel.add(juror)
    assert services.assign_jury(pitch_call.call, actor=pitch_call.cohost) == 2
    innovation, market = pitch_call.criteria
    for application, value in ((first, 2), (second, 5)):
        review = Review.objects.get(application=application, reviewer=juror, stage="live")
        services.save_review(
            review, actor=juror, scores={innovation.pk: value, market.pk: value}, submit=True
        )
    jury = selectors.pitch_results(pitch_call.call)["jury"]
    assert [row.application for row in jury] == [second, first]
