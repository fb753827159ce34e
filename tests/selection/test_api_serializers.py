"""What the API shows of calls, applications and reviews."""

import datetime as dt

import pytest

from modus.selection import services
from modus.selection.api.serializers import (
    ApplicationDetailSerializer,
    ReviewDetailSerializer,
    local_deadline_text,
)
from modus.selection.models import CutOff

from .conftest import make_applicant, make_reviewer

pytestmark = pytest.mark.django_db


def test_a_deadline_as_people_in_its_zone_read_it(host_call):
    cut_off = CutOff(
        call=host_call.call,
        deadline=dt.datetime(2022, 12, 2, 17, 0, tzinfo=dt.UTC),
        time_zone="Europe/Warsaw",
    )
    assert local_deadline_text(cut_off) == "2 December 2022, 18:00 CET"


def test_only_a_draft_says_what_it_misses(host_call, submitted):
    user, organisation = make_applicant("draft@example.org")
    draft = services.start_application(host_call.call, organisation=organisation, actor=user)
    missing = ApplicationDetailSerializer(draft).data["missing"]
    assert "the summary" in missing
    assert ApplicationDetailSerializer(submitted).data["missing"] == []


def test_a_review_shows_the_others_of_the_same_stage_only(host_call, submitted):
    first, second = make_reviewer("r1@example.org"), make_reviewer("r2@example.org")
    own = services.assign_reviewer(submitted, reviewer=first, actor=host_call.office)
    other = services.assign_reviewer(submitted, reviewer=second, actor=host_call.office)
    relevance, capacity = host_call.criteria
    services.save_review(
        other, actor=second, scores={relevance.pk: (4, "Good"), capacity.pk: 2}, submit=True
    )
    data = ReviewDetailSerializer(own, context={"visible_reviews": [own, other]}).data
    assert data["scale"] == {"min": 0, "max": 5}
    assert [c["title"] for c in data["criteria"]] == ["Relevance", "Capacity to host"]
    assert data["others"][0]["scores"] == {
        str(relevance.pk): {"value": 4, "comment": "Good"},
        str(capacity.pk): {"value": 2, "comment": ""},
    }
    other.stage = "live"
    data = ReviewDetailSerializer(own, context={"visible_reviews": [own, other]}).data
    assert data["others"] == []
