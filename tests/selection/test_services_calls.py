"""Setting up a call: deadlines in their own time zone."""

import datetime as dt

import pytest

from modus.selection import services

pytestmark = pytest.mark.django_db


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
