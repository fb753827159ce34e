"""Dates of matchmaking in templates, from the locale (``matchmaking.dates``):
``{{ day|mm_day }}``, ``{{ start|mm_short_day }}``, ``{{ start|mm_time }}``,
``{{ start|mm_moment:end }}``, ``{{ day|mm_weekday }}``."""

from django import template

from .. import dates

register = template.Library()


@register.filter
def mm_day(value):
    return dates.day(value) if value else ""


@register.filter
def mm_short_day(value):
    return dates.short_day(value) if value else ""


@register.filter
def mm_weekday(value):
    return dates.weekday(value) if value else ""


@register.filter
def mm_time(value):
    return dates.time(value) if value else ""


@register.filter
def mm_moment(start, end=None):
    return dates.moment(start, end) if start else ""
