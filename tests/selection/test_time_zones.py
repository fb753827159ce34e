"""The time zones calls work with are real zones."""

import zoneinfo

from modus.selection.time_zones import COUNTRY_TIME_ZONES, DEADLINE_TIME_ZONES


def test_every_zone_exists():
    for zone in {*COUNTRY_TIME_ZONES.values(), *DEADLINE_TIME_ZONES}:
        assert zoneinfo.ZoneInfo(zone).key == zone


def test_the_office_zone_comes_first_and_each_zone_once():
    assert DEADLINE_TIME_ZONES[0] == "Europe/Brussels"
    assert DEADLINE_TIME_ZONES[-1] == "UTC"
    assert len(DEADLINE_TIME_ZONES) == len(set(DEADLINE_TIME_ZONES))
    assert COUNTRY_TIME_ZONES["PL"] == "Europe/Warsaw"
