"""Reads about who takes part: the settings, eligible participants, profiles and requests."""

from collections import defaultdict

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modus.directory.models import Region
from modus.events.models import Event, Registration

from ..models import (
    MarketplaceProfile,
    MatchmakingSettings,
    Meeting,
    MeetingRequest,
    ScheduleVersion,
)


def settings_for(event: Event) -> MatchmakingSettings | None:
    return MatchmakingSettings.objects.filter(event=event).first()


def is_enabled(event: Event) -> bool:
    return MatchmakingSettings.objects.filter(event=event, enabled=True).exists()


def eligible_registrations(event: Event, mm_settings: MatchmakingSettings | None = None):
    """Confirmed registrations of the event whose participant role may take part."""
    mm_settings = mm_settings or settings_for(event)
    registrations = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
    if mm_settings and mm_settings.allowed_roles:
        registrations = registrations.filter(participant_role__in=mm_settings.allowed_roles)
    return registrations


def eligible_profiles(event: Event, mm_settings: MatchmakingSettings | None = None):
    """Opted-in profiles of participants who may still take part."""
    mm_settings = mm_settings or settings_for(event)
    filters = {
        "user__registrations__event": event,
        "user__registrations__status": Registration.Status.CONFIRMED,
    }
    if mm_settings and mm_settings.allowed_roles:
        filters["user__registrations__participant_role__in"] = mm_settings.allowed_roles
    return MarketplaceProfile.objects.filter(event=event, opted_in=True, **filters)


def deadline_passed(mm_settings: MatchmakingSettings | None) -> bool:
    """Requests are closed: the organisers' deadline for them has passed."""
    deadline = mm_settings.request_deadline if mm_settings else None
    return bool(deadline and timezone.now() > deadline)


def profile_of(user, event: Event) -> MarketplaceProfile | None:
    if not (user and user.is_authenticated):
        return None
    return MarketplaceProfile.objects.filter(event=event, user=user).first()


def marketplace(event: Event, *, ecosystem=None, region=None, kind="", text=""):
    """Opted-in profiles of this event's participants, filtered, in name order."""
    profiles = (
        eligible_profiles(event)
        .select_related("user", "organisation__region")
        .prefetch_related("ecosystems")
    )
    if ecosystem:
        profiles = profiles.filter(ecosystems=ecosystem)
    if region:
        profiles = profiles.filter(
            Q(organisation__region=region) | Q(organisation__region__parent=region)
        )
    if kind:
        profiles = profiles.filter(organisation__kind=kind)
    for word in text.split():
        profiles = profiles.filter(
            Q(user__full_name__icontains=word)
            | Q(organisation__name__icontains=word)
            | Q(offers__icontains=word)
            | Q(seeks__icontains=word)
        )
    return profiles.distinct().order_by("user__full_name", "pk")


# What a participant's marketplace shows on each card, strongest first: a booked meeting, then
# the answer to their own request, then a request waiting for their answer.
STATUS_LABELS = {
    "booked": _("Meeting booked"),
    "accepted": _("Request accepted"),
    "pending": _("Request sent"),
    "declined": _("Declined"),
    "asked": _("Asked you to meet"),
}


def marketplace_statuses(own: MarketplaceProfile | None, profile_ids) -> dict[int, list]:
    """Per profile on the page: the badges ``(key, label)`` between ``own`` and them (3 queries)."""
    if own is None:
        return {}
    profile_ids = list(profile_ids)
    found = defaultdict(list)
    booked = Meeting.objects.scheduled().filter(
        version__event_id=own.event_id,
        version__status=ScheduleVersion.Status.PUBLISHED,
        participants=own,
    )
    partners = (
        MarketplaceProfile.objects.filter(meetings__in=booked, pk__in=profile_ids)
        .exclude(pk=own.pk)
        .values_list("pk", flat=True)
    )
    for pk in set(partners):
        found[pk].append("booked")
    sent = MeetingRequest.objects.filter(from_profile=own, to_profile_id__in=profile_ids)
    for pk, status in sent.values_list("to_profile_id", "status"):
        if "booked" not in found[pk]:
            found[pk].append(status)
    received = MeetingRequest.objects.filter(
        to_profile=own, from_profile_id__in=profile_ids, status=MeetingRequest.Status.PENDING
    )
    for pk in received.values_list("from_profile_id", flat=True):
        found[pk].append("asked")
    return {pk: [(key, STATUS_LABELS[key]) for key in keys] for pk, keys in found.items()}


def marketplace_regions(event: Event):
    """The regions of the organisations in the event's marketplace (the filter's choices)."""
    return (
        Region.objects.filter(organisations__marketplace_profiles__event=event)
        .distinct()
        .order_by("name")
    )


PEOPLE = (
    "from_profile__user",
    "from_profile__organisation",
    "to_profile__user",
    "to_profile__organisation",
)


def _with_mutual(requests):
    """Mark each request ``mutual``: the other side asked too, and neither side declined."""
    declined = MeetingRequest.Status.DECLINED
    reverse = MeetingRequest.objects.filter(
        from_profile=OuterRef("to_profile"), to_profile=OuterRef("from_profile")
    ).exclude(status=declined)
    return requests.annotate(mutual=Exists(reverse) & ~Q(status=declined)).select_related(*PEOPLE)


def requests_of(profile: MarketplaceProfile) -> tuple[list, list]:
    """(incoming, outgoing) requests of one participant, each marked ``mutual``."""
    incoming = list(_with_mutual(MeetingRequest.objects.filter(to_profile=profile)))
    outgoing = list(_with_mutual(MeetingRequest.objects.filter(from_profile=profile)))
    return incoming, outgoing


def requests_at(event: Event):
    """The event's requests (a view picks one by id)."""
    return MeetingRequest.objects.filter(event=event).select_related("to_profile")


def requests_involving(event: Event, user):
    """The user's requests at this event, sent and received, newest first, marked ``mutual``."""
    requests = MeetingRequest.objects.filter(event=event).filter(
        Q(from_profile__user=user) | Q(to_profile__user=user)
    )
    return _with_mutual(requests).order_by("-created_at", "-pk")
