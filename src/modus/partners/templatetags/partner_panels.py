"""Panels of partners on other apps' pages, which ``{% load partner_panels %}`` them: suggested
partners in the marketplace and the organisers' figure. Lower apps never import partners."""

from django import template

from ..suggestions import store
from ..suggestions.reasons import all_in_words

register = template.Library()


@register.filter
def reasons_in_words(reasons):
    return all_in_words(reasons)


@register.inclusion_tag("partners/panels/suggested.html", takes_context=True)
def suggested_partners(context, own, event, limit=10):
    """The viewer's suggested partners (logged as shown)."""
    suggestions = store.suggestions_for(own, limit=limit) if own else []
    if own:
        store.log_impressions(own, suggestions)
    return {"suggestions": suggestions, "event": event, "own": own}


@register.inclusion_tag("partners/panels/suggestion_figures.html")
def suggestion_figures(event):
    """For organisers: how many requests came from suggestions."""
    return {"figures": store.requests_from_suggestions(event), "event": event}
