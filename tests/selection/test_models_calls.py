"""A call belongs to a programme (host) or a pitching session (pitches); its cut-offs keep
their own time zone."""

import datetime as dt

import pytest
from django.db import IntegrityError

from modus.selection.models import Call, CutOff

pytestmark = pytest.mark.django_db


def test_a_host_call_needs_a_programme_and_no_session(host_call, pitch_call):
    with pytest.raises(IntegrityError):
        Call.objects.create(purpose=Call.Purpose.HOST, slug="orphan", title="Orphan")


def test_a_pitch_call_needs_a_session(pitch_call):
    with pytest.raises(IntegrityError):
        Call.objects.create(
            purpose=Call.Purpose.PITCHES,
            slug="no-session",
            title="No session",
            programme=None,
        )


def test_a_call_knows_its_address_and_purpose(host_call, pitch_call):
    assert host_call.call.get_absolute_url() == f"/calls/{host_call.call.slug}/"
    assert not host_call.call.is_pitch_call and pitch_call.call.is_pitch_call
    assert str(host_call.call) == host_call.call.title


def test_a_cut_off_reads_in_its_own_time_zone(host_call):
    cut_off = CutOff(
        call=host_call.call,
        deadline=dt.datetime(2030, 12, 2, 17, 0, tzinfo=dt.UTC),
        time_zone="Europe/Warsaw",
    )
    assert cut_off.local_deadline().hour == 18
    assert str(cut_off) == "2030-12-02 18:00 CET"
    cut_off.label = "First cut-off"
    assert str(cut_off) == "First cut-off"


def test_two_cut_offs_of_a_call_differ(host_call):
    first = host_call.call.cut_offs.first()
    with pytest.raises(IntegrityError):
        CutOff.objects.create(call=host_call.call, deadline=first.deadline)
