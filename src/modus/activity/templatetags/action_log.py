"""``{% action_log obj %}``: an object's history on its managing page.

The page that includes it decides who may see it (co-hosts and the programme office)."""

from django import template

from ..selectors import actions_on

register = template.Library()


@register.inclusion_tag("activity/action_log.html")
def action_log(target, limit=50):
    return {"entries": list(actions_on(target, limit=limit))}
