"""The forms of pitching sessions: the call for pitches, the jury's sheet, the audience vote."""

import datetime as dt

import pytest
from django.forms import RadioSelect, Select

from modus.selection import services
from modus.selection.forms.pitching import (
    CriterionFormSet,
    PitchCallForm,
    ScoreSheetForm,
    VoteForm,
)
from modus.selection.models import Review

from .conftest import selected_pitch

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2030, 12, 1, 12, 0, tzinfo=dt.UTC)


def call_data(**changes):
    data = {
        "title": "Pitch",
        "deadline_date": "2030-12-02",
        "deadline_time": "18:00",
        "pitch_minutes": "5",
        "places": "8",
    }
    return {**data, **changes}


def test_the_deadline_is_read_in_the_events_time_zone():
    form = PitchCallForm(call_data(), time_zone="Europe/Warsaw", now=NOW)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["local_deadline"] == dt.datetime(2030, 12, 2, 18, 0)
    assert form.call_fields()["places"] == 8


def test_a_deadline_in_the_past_is_an_error_next_to_the_day():
    form = PitchCallForm(call_data(deadline_date="2030-11-30"), time_zone="Europe/Warsaw", now=NOW)
    assert not form.is_valid()
    assert form.errors["deadline_date"] == ["The deadline must be in the future."]


def formset_data(*rows):
    data = {"criteria-TOTAL_FORMS": str(len(rows)), "criteria-INITIAL_FORMS": "0"}
    for n, (title, weight) in enumerate(rows):
        data[f"criteria-{n}-title"] = title
        data[f"criteria-{n}-weight"] = weight
    return data


def test_criteria_without_a_title_are_skipped_and_one_is_needed():
    formset = CriterionFormSet(formset_data(("Team", ""), ("", "")), prefix="criteria")
    assert formset.is_valid()
    assert formset.entries() == [("Team", 1)]
    empty = CriterionFormSet(formset_data(("", "")), prefix="criteria")
    assert not empty.is_valid()
    assert empty.non_form_errors() == ["Give the jury at least one criterion."]
    weight_only = CriterionFormSet(formset_data(("", "3")), prefix="criteria")
    assert not weight_only.is_valid()


def test_a_short_scale_is_radio_buttons_and_a_long_one_a_list(jury_setup):
    pc, (pitch, _second), juror = jury_setup
    services.assign_jury(pc.call, actor=pc.cohost)
    review = Review.objects.get(application=pitch, reviewer=juror)
    form = ScoreSheetForm(call=pc.call, criteria=pc.criteria, review=review)
    assert all(isinstance(field.widget, RadioSelect) for field in form.fields.values())
    pc.call.score_max = 20
    form = ScoreSheetForm(call=pc.call, criteria=pc.criteria, review=review)
    assert all(isinstance(field.widget, Select) for field in form.fields.values())
    data = {f"review-{review.pk}-{form.field_name(c)}": "7" for c in pc.criteria}
    bound = ScoreSheetForm(data, call=pc.call, criteria=pc.criteria, review=review)
    assert bound.is_valid(), bound.errors
    assert bound.scores() == {c.pk: 7 for c in pc.criteria}


def test_a_vote_is_for_one_of_the_pitches_on_stage(pitch_call):
    pitch = selected_pitch(pitch_call, "p@example.org", title="Drones")
    form = VoteForm({"pitch": str(pitch.pk)}, pitches=[pitch])
    assert form.is_valid()
    assert form.application() == pitch
    other = VoteForm({"pitch": "999999"}, pitches=[pitch])
    assert not other.is_valid()
    assert other.errors["pitch"] == ["Choose one of the pitches on stage."]
