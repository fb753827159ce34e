"""Matchmaking dates come from the locale: months in the case Czech and Polish grammar asks for
("8. listopadu", "8 listopada", not the nominative "listopad"), weekdays named in each language."""

import datetime as dt
import zoneinfo

import pytest
from django.utils import translation

from modus.matchmaking import dates

DAY = dt.date(2022, 11, 8)
START = dt.datetime(2022, 11, 8, 9, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Warsaw"))
END = START + dt.timedelta(minutes=20)


@pytest.mark.parametrize(
    ("language", "day", "weekday", "moment"),
    [
        ("en", "Tuesday, 8 November 2022", "Tuesday", "Tue 8 Nov, 09:00–09:20"),
        ("cs", "úterý 8. listopadu 2022", "úterý", "út 8. 11., 9:00–9:20"),
        ("pl", "wtorek, 8 listopada 2022", "wtorek", "wt., 8 lis, 09:00–09:20"),
    ],
)
def test_days_and_moments_in_each_language(language, day, weekday, moment):
    with translation.override(language):
        assert dates.day(DAY) == day
        assert dates.day(START) == day  # a moment's day is its day
        assert dates.weekday(DAY) == weekday
        assert dates.moment(START, END) == moment


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "8 November, 09:00"), ("cs", "8. listopadu, 9:00"), ("pl", "8 listopada, 09:00")],
)
def test_a_moment_inside_a_sentence_has_no_short_weekday(language, expected):
    """ "zveřejněn ne 6. 12." read as "not published": sentences take the day and month alone."""
    with translation.override(language):
        assert dates.when(START) == expected
    late = dt.datetime(2022, 11, 8, 0, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Warsaw"))
    with translation.override("cs"):
        assert dates.when(late) == "8. listopadu, 0:30"  # its own day, not the UTC one


def test_every_month_takes_the_genitive_in_czech_and_polish():
    czech = "ledna února března dubna května června července srpna září října listopadu prosince"
    polish = (
        "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
        "listopada grudnia"
    )
    for language, months in (("cs", czech.split()), ("pl", polish.split())):
        with translation.override(language):
            for month, name in enumerate(months, start=1):
                assert f" {name} 2022" in dates.day(dt.date(2022, month, 15))


def test_an_unknown_language_falls_back_to_british_english():
    with translation.override(None):
        assert dates.locale() == "en_GB"
    with translation.override("en-us"):
        assert dates.day(DAY) == "Tuesday, 8 November 2022"
