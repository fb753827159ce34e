"""The event page's link into matchmaking, for the people who may use it."""

from django import template
from django.urls import reverse

from modus.events.permissions import is_cohost

from ..models import MatchmakingSettings
from ..permissions import is_eligible

register = template.Library()


@register.simple_tag
def matchmaking_link(event, user) -> str:
    """Organisers: the schedule page; participants: the marketplace; others: "" (no query for
    anonymous visitors)."""
    if not (user and user.is_authenticated):
        return ""
    mm_settings = MatchmakingSettings.objects.filter(event=event, enabled=True).first()
    if mm_settings is None:
        return ""
    if is_cohost(user, event):
        return reverse("matchmaking:schedule", kwargs={"slug": event.slug})
    if is_eligible(user, event, mm_settings):
        return reverse("matchmaking:marketplace", kwargs={"slug": event.slug})
    return ""
