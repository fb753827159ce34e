"""Template helpers for the pages co-hosts use: ``{% if request.user|can_manage:event %}``."""

from django import template

from ..permissions import is_cohost

register = template.Library()


@register.filter
def can_manage(user, event) -> bool:
    """Whether this user may manage the event (its co-hosts and organisers, and staff)."""
    return is_cohost(user, event)
