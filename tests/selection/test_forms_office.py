"""The forms of the people who run a call check what they type; the services check the rules."""

import datetime as dt

import pytest

from modus.selection.forms.office import (
    AssignForm,
    CallForm,
    CutOffFilterForm,
    CutOffForm,
    DocumentForm,
    JuryForm,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def call_data(**changes):
    data = {"title": "Host", "score_min": "0", "score_max": "5", "review_days": "14"}
    return {**data, **changes}


def test_country_codes_are_read_from_a_loose_list():
    form = CallForm(call_data(eligible_countries="pl, cz pl\nsk"))
    assert form.is_valid(), form.errors
    assert form.values()["eligible_countries"] == ["CZ", "PL", "SK"]


def test_a_bad_country_code_is_named():
    form = CallForm(call_data(eligible_countries="PL, Poland"))
    assert not form.is_valid()
    assert form.errors["eligible_countries"] == ["Not a two-letter country code: POLAND."]


def test_the_highest_score_must_be_above_the_lowest():
    form = CallForm(call_data(score_min="5", score_max="5"))
    assert not form.is_valid()
    assert form.errors["score_max"] == ["The highest score must be above the lowest."]


def test_a_pitch_call_has_places_and_length_but_no_review_days(pitch_call, host_call):
    pitch_form = CallForm(call=pitch_call.call)
    assert {"pitch_minutes", "places"} <= set(pitch_form.fields)
    assert "review_days" not in pitch_form.fields
    assert pitch_form.initial["places"] == 3
    host_form = CallForm(call=host_call.call)
    assert "review_days" in host_form.fields and "places" not in host_form.fields


def test_a_cut_off_is_a_wall_clock_time_in_a_zone_offered_first():
    form = CutOffForm(
        {"day": "2030-12-02", "time": "18:00", "time_zone": "America/Toronto"},
        time_zone="America/Toronto",
    )
    assert form.is_valid(), form.errors
    assert form.local_deadline() == dt.datetime(2030, 12, 2, 18, 0)
    assert form.fields["time_zone"].choices[0] == ("America/Toronto", "America/Toronto")
    assert CutOffForm().fields["time_zone"].initial == "Europe/Brussels"


def test_a_document_limit_is_given_in_megabytes():
    form = DocumentForm({"title": "Letter", "size_mb": "2", "required": "on"})
    assert form.is_valid(), form.errors
    assert form.max_bytes() == 2 * 1024 * 1024
    assert not DocumentForm({"title": "Letter", "size_mb": "51"}).is_valid()


def test_people_are_found_by_their_address():
    user = UserFactory(email="Reviewer@Example.org")
    form = AssignForm({"email": "reviewer@example.org"})
    assert form.is_valid(), form.errors
    assert form.user == user
    unknown = JuryForm({"email": "ghost@example.org"})
    assert not unknown.is_valid()
    assert unknown.errors["email"] == ["Nobody with this e-mail address has an account here."]
    UserFactory(email="gone@example.org", is_active=False)
    assert not JuryForm({"email": "gone@example.org"}).is_valid()


def test_the_cut_off_filter_offers_every_cut_off(host_call):
    cut_offs = list(host_call.call.cut_offs.all())
    form = CutOffFilterForm({"cut_off": str(cut_offs[1].pk)}, cut_offs=cut_offs)
    assert form.is_valid()
    assert form.cleaned_data["cut_off"] == cut_offs[1].pk
    assert [value for value, _label in form.fields["cut_off"].choices][1:] == [
        c.pk for c in cut_offs
    ]
