"""Dates and times of matchmaking in the active language, from the locale's own patterns (CLDR,
through Babel): "úterý 8. listopadu 2022", "wtorek, 8 listopada 2022", "Tuesday, 8 November
2022". Nothing here puts day and month names together by hand, so Czech and Polish months come
in the case their grammar asks for.

English follows the British patterns (day before month), as the rest of the platform does.
"""

import datetime as dt

from babel.dates import format_date, format_skeleton, format_time
from django.utils.translation import get_language, to_locale

ENGLISH = "en_GB"


def locale() -> str:
    """The Babel locale of the active language."""
    name = to_locale(get_language() or "en")
    return ENGLISH if name.split("_")[0] == "en" else name


def day(value: dt.date | dt.datetime) -> str:
    """A day in full: weekday, day, month and year."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return format_date(value, "full", locale=locale())


def short_day(value: dt.date | dt.datetime) -> str:
    """A day in short, without the year: "Tue 8 Nov", "út 8. 11.", "wt., 8 lis"."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return format_skeleton("MMMEd", value, locale=locale())


def weekday(value: dt.date | dt.datetime) -> str:
    """The weekday's name alone: "Tuesday", "úterý", "wtorek"."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return format_date(value, "EEEE", locale=locale())


def time(value: dt.datetime | dt.time) -> str:
    """A time of day in the locale's short form (24 hours in all three languages)."""
    return format_time(value, "short", locale=locale())


def time_range(start: dt.datetime, end: dt.datetime) -> str:
    return f"{time(start)}–{time(end)}"


def when(value: dt.datetime) -> str:
    """A moment inside a sentence: day, month and time, without the weekday ("published on
    6 December, 05:05", "zveřejněn 6. prosince, 5:05", "opublikowano 6 grudnia, 05:05"). Czech
    weekdays in short ("ne", "po") read as words there: "zveřejněn ne 6. 12." said "not"."""
    return f"{format_skeleton('MMMMd', value, locale=locale())}, {time(value)}"


def moment(start: dt.datetime, end: dt.datetime | None = None) -> str:
    """A short day and a time, or a time range: "Tue 8 Nov, 09:00–09:20"."""
    when = time_range(start, end) if end is not None else time(start)
    return f"{short_day(start)}, {when}"
