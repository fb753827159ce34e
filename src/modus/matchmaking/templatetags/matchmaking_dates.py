"""Dates of matchmaking in templates, from the locale (``matchmaking.dates``):
``{{ day|mm_day }}``, ``{{ start|mm_short_day }}``, ``{{ start|mm_time }}``,
``{{ start|mm_moment:end }}``, ``{{ day|mm_weekday }}``, and ``{{ at|mm_when }}`` for a moment
inside a sentence.

Like Django's ``date`` and ``time`` filters, they show an aware time in the current time zone
(``{% timezone event.time_zone %}``); the end of a range is shown in the zone of its start."""

import datetime as dt

from django import template

from .. import dates

register = template.Library()


@register.filter(expects_localtime=True)
def mm_day(value):
    return dates.day(value) if value else ""


@register.filter(expects_localtime=True)
def mm_short_day(value):
    return dates.short_day(value) if value else ""


@register.filter(expects_localtime=True)
def mm_weekday(value):
    return dates.weekday(value) if value else ""


@register.filter(expects_localtime=True)
def mm_time(value):
    return dates.time(value) if value else ""


@register.filter(expects_localtime=True)
def mm_moment(start, end=None):
    if not start:
        return ""
    if isinstance(end, dt.datetime) and end.tzinfo and isinstance(start, dt.datetime):
        end = end.astimezone(start.tzinfo)
    return dates.moment(start, end or None)


@register.filter(expects_localtime=True)
def mm_when(value):
    return dates.when(value) if value else ""
