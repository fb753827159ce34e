from django.utils import timezone

from .models import Event

PUBLIC_STATUSES = (Event.Status.PUBLISHED, Event.Status.POSTPONED, Event.Status.CANCELLED)


def public_events():
    return Event.objects.filter(status__in=PUBLIC_STATUSES).select_related("region", "programme")


def upcoming_events(*, limit=None, region=None):
    events = public_events().filter(ends_on__gte=timezone.localdate()).order_by("starts_on")
    if region is not None:
        events = events.filter(region__code__startswith=region.code)
    return events[:limit] if limit else events


def past_events(*, limit=None, region=None):
    events = public_events().filter(ends_on__lt=timezone.localdate()).order_by("-starts_on")
    if region is not None:
        events = events.filter(region__code__startswith=region.code)
    return events[:limit] if limit else events
