"""The demo's call for expression of interest and the Katowice call for pitches."""

import datetime as dt

import pytest
from django.core import mail
from django.core.files.base import ContentFile

from modus.activity.models import ActionLogEntry
from modus.demo import selection_data
from modus.demo.loader import load_demo
from modus.events.models import Event
from modus.selection import selectors
from modus.selection.models import Application, AudienceVote, Call, Review
from modus.selection.permissions import has_conflict
from modus.selection.services.history import Action
from modus.web.uploads import check_pdf_upload

pytestmark = pytest.mark.django_db

KATOWICE = "clusters-meet-regions-katowice-2022"


@pytest.fixture
def lines():
    logged = []
    load_demo(organisations=10, log=logged.append)
    return logged


def test_the_call_has_the_four_cut_offs_in_their_own_time_zone(lines):
    call = Call.objects.get(slug=selection_data.HOST_CALL_SLUG)
    assert call.purpose == Call.Purpose.HOST
    assert call.programme.slug == "clusters-meet-regions"
    assert call.status == Call.Status.CLOSED
    assert sorted(call.eligible_kinds) == ["agency", "association", "authority", "cluster"]
    cut_offs = list(call.cut_offs.order_by("deadline"))
    assert [c.deadline for c in cut_offs[:3]] == [
        dt.datetime(2022, 7, 29, 16, 0, tzinfo=dt.UTC),
        dt.datetime(2022, 12, 2, 17, 0, tzinfo=dt.UTC),
        dt.datetime(2023, 4, 1, 16, 0, tzinfo=dt.UTC),
    ]
    assert [c.local_deadline().tzname() for c in cut_offs[:3]] == ["CEST", "CET", "CEST"]
    assert {c.time_zone for c in cut_offs} == {"Europe/Brussels"}
    assert [c.invented for c in cut_offs] == [False, False, False, True]
    assert "invented" in cut_offs[3].label
    assert "invented" in call.description
    assert call.criteria.count() >= 3
    assert len({c.weight for c in call.criteria.all()}) > 1
    assert call.questions.filter(required=True).exists()
    letter = call.documents.get()
    assert letter.title.startswith("Letter of support") and letter.required


def test_applications_in_every_state_with_reviews_and_a_log(lines):
    call = Call.objects.get(slug=selection_data.HOST_CALL_SLUG)
    applications = {a.status: a for a in call.applications.select_related("cut_off")}
    assert set(applications) == set(Application.Status.values)
    cut_offs = list(call.cut_offs.order_by("deadline"))

    accepted = applications["accepted"]
    assert accepted.organisation.slug == "polish-cluster-association"
    assert accepted.created_event == Event.objects.get(slug=KATOWICE)
    assert accepted.cut_off == cut_offs[0]
    assert accepted.submitted_at < cut_offs[0].deadline
    assert accepted.decided_by.email.endswith("@demo.modus.invalid")
    assert "invented" in accepted.summary
    # no new event: the 17 historical editions and the upcoming demo edition
    assert Event.objects.filter(programme=call.programme).count() == 18

    assert applications["rejected"].cut_off == cut_offs[1]
    assert applications["rejected"].decision_reasons
    assert applications["withdrawn"].cut_off == cut_offs[2]
    assert applications["submitted"].cut_off == cut_offs[3]
    assert applications["draft"].cut_off is None
    for application in applications.values():
        assert application.organisation.region_id
        assert application.created_at.year in (2022, 2023)

    rows = {row.application.status: row for row in selectors.ranking(call)}
    assert rows["accepted"].submitted == 3 and rows["accepted"].mean > rows["rejected"].mean
    assert (rows["submitted"].submitted, rows["submitted"].missing) == (2, 1)
    for review in Review.objects.filter(application__call=call):
        assert not has_conflict(review.reviewer, review.application)

    log = accepted.action_log.order_by("at", "pk")
    assert [e.action for e in log][0] == Action.CREATED
    assert log.last().action == Action.ACCEPTED
    assert all(e.at.year == 2022 for e in log)
    actions = set(
        ActionLogEntry.objects.filter(selection_application__call=call).values_list(
            "action", flat=True
        )
    )
    assert {
        Action.CREATED,
        Action.SUBMITTED,
        Action.REVIEWER_ASSIGNED,
        Action.ACCEPTED,
        Action.REJECTED,
        Action.WITHDRAWN,
    } <= actions
    assert len(mail.outbox) == 0


def test_katowice_pitching_session_has_pitches_jury_votes_and_results(lines):
    call = Call.objects.get(slug=selection_data.PITCH_CALL_SLUG)
    assert call.session.slug == "pitching-session"
    assert call.session.event.slug == KATOWICE
    assert call.status == Call.Status.CLOSED
    assert call.results_published and not call.voting_open
    assert call.cut_offs.get().invented
    pitches = list(call.applications.filter(status="accepted").order_by("running_order"))
    assert len(pitches) == 5
    assert [p.running_order for p in pitches] == [1, 2, 3, 4, 5]
    assert call.applications.filter(status="rejected").count() == 1
    for pitch in pitches:
        document = pitch.documents.get()
        with document.file.open("rb") as handle:
            body = ContentFile(handle.read(), name="deck.pdf")
        check_pdf_upload(body, document.requirement.max_bytes)
        assert "Invented" in pitch.summary
    assert call.panel.count() == 3
    sheets = Review.objects.filter(application__call=call, stage=Review.Stage.LIVE)
    assert sheets.count() == 15
    assert all(sheet.submitted_at for sheet in sheets)
    results = selectors.pitch_results(call)
    assert [row.mean is not None for row in results["jury"]] == [True] * 5
    assert results["total_votes"] == AudienceVote.objects.filter(call=call).count() > 20
    assert results["favourites"]
    pitchers = {p.created_by_id for p in pitches}
    assert not AudienceVote.objects.filter(call=call, user__in=pitchers).exists()
    assert any("call for pitches" in line for line in lines)


def test_loading_the_calls_twice_writes_nothing(lines, django_assert_max_num_queries):
    with django_assert_max_num_queries(20) as queries:
        selection_data.load(log=lambda line: None)
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
