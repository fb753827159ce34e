"""Panels of results on other apps' pages, which ``{% load results_panels %}`` them: the links
to an edition's results and its feedback in the co-hosts' menu. Lower apps never import
results."""

from django import template

register = template.Library()


@register.inclusion_tag("results/panels/manage_items.html")
def results_manage_items(event, tab=""):
    """Two items of the event's manage menu: its full results and its feedback page."""
    return {"event": event, "tab": tab}
