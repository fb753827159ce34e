"""Panels of events on other apps' pages, which ``{% load event_panels %}`` them (the directory
shows an organisation's history and a region's events without importing this app)."""

from django import template

from ..selectors import organisation_history, past_events, upcoming_events

register = template.Library()


@register.inclusion_tag("events/panels/organisation_events.html")
def organisation_events(organisation):
    """The organisation's events across programmes: organised, spoken at, taken part in."""
    return {"history": organisation_history(organisation)}


@register.inclusion_tag("events/panels/region_events.html")
def region_events(region, limit=10):
    """The events hosted in the region (and its sub-regions): coming up and past."""
    return {
        "upcoming_events": list(upcoming_events(region=region, limit=limit)),
        "past_events": list(past_events(region=region, limit=limit)),
    }
