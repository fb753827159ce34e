from modus.results import services
from modus.results.models import FollowUpAnswer, MeetingRating, Rating, Stage

from .conftest import build_edition, record


def test_edition_figures_count_meetings_outcomes_ratings_and_follow_ups(db):
    event, meetings = build_edition(pairs=6)
    record(meetings[0], "letter_of_intent")  # an existing outcome feeds the funnel
    record(meetings[1], "follow_up")
    first, second = meetings[2].participants.order_by("pk")
    MeetingRating.objects.create(meeting=meetings[2], user=first.user, rating=Rating.COOPERATION)
    FollowUpAnswer.objects.create(meeting=meetings[2], user=first.user, stage=Stage.FUNDED)
    FollowUpAnswer.objects.create(meeting=meetings[2], user=second.user, stage=Stage.AGREEMENT)
    MeetingRating.objects.create(meeting=meetings[3], user=first.user, rating=Rating.NOT_HELD)
    meetings[5].status = "cancelled"
    meetings[5].cancelled_at = meetings[5].starts_at
    meetings[5].save()

    figures = services.recompute_edition(event).figures

    b2b = figures["b2b"]
    assert b2b["scheduled"] == 5 and b2b["cancelled"] == 1
    assert b2b["funnel"] == {
        "meetings": 5,
        "cooperation": 3,
        "talks": 3,
        "agreement": 2,
        "funded": 1,
    }
    assert b2b["ratings"]["cooperation"] == 1 and b2b["ratings"]["not_held"] == 1
    assert b2b["held"] == 3
    assert b2b["sides_agree"] == {"both_answered": 1, "same": 0, "differ": 1}
    assert b2b["cross_border"] == 5 and b2b["known_borders"] == 5
    assert b2b["country_pairs"] == {"CZ-PL": {"meetings": 5, "cooperation": 3}}
    assert b2b["meetings_per_participant"] == 1.0
    participation = figures["participation"]
    assert participation["registered"] == 12
    assert participation["organisations"] == 12
    assert participation["countries"] == 2


def test_programme_figures_sum_editions_and_find_returning_organisations(db):
    event, _meetings = build_edition(pairs=3)
    second, _ = build_edition(event.programme, pairs=2)
    organisation = event.registrations.first().organisation
    second.registrations.update(organisation=organisation)

    figures = services.recompute_programme(event.programme).figures

    assert figures["totals"]["editions"] == 2
    assert figures["totals"]["scheduled"] == 5
    assert [row["new_organisations"] for row in figures["trends"]] == [6, 0]
    assert figures["trends"][1]["returning_organisations"] == 1
    assert figures["country_pairs"]["CZ-PL"]["meetings"] == 5


def test_a_change_marks_the_figures_stale_and_the_job_recomputes_them(db):
    event, meetings = build_edition(pairs=5)
    services.recompute_programme(event.programme)
    record(meetings[0], "memorandum")
    assert event.programme and services.refresh_stale() == {"editions": 1, "programmes": 1}
    assert services.refresh_stale() == {"editions": 0, "programmes": 0}


def test_given_figures_are_not_overwritten(db):
    event, _ = build_edition(pairs=1)
    services.store_given_figures(
        event, {"participation": {"registered": 330}}, origin="published", source="a news post"
    )
    snapshot = services.recompute_edition(event)
    assert snapshot.figures["participation"]["registered"] == 330
