"""Reads the matchmaking pages share, with their joins done up front."""

from django.db.models import Prefetch, Q

from modus.events.models import Event

from . import services
from .models import MarketplaceProfile, Meeting, MeetingRequest, ScheduleVersion


def marketplace(event: Event, *, ecosystem=None, region=None, kind="", text=""):
    """Opted-in profiles of this event's participants, filtered, in name order."""
    profiles = (
        services.eligible_profiles(event)
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
    if text:
        profiles = profiles.filter(Q(offers__icontains=text) | Q(seeks__icontains=text))
    return profiles.distinct().order_by("user__full_name", "pk")


def requests_of(profile: MarketplaceProfile) -> tuple[list, list]:
    """(incoming, outgoing) requests of one participant; ``mutual`` marks two-way interest."""
    related = (
        "from_profile__user",
        "from_profile__organisation",
        "to_profile__user",
        "to_profile__organisation",
    )
    incoming = list(MeetingRequest.objects.filter(to_profile=profile).select_related(*related))
    outgoing = list(MeetingRequest.objects.filter(from_profile=profile).select_related(*related))
    live = MeetingRequest.Status.DECLINED
    asked = {r.to_profile_id for r in outgoing if r.status != live}
    asked_me = {r.from_profile_id for r in incoming if r.status != live}
    for meeting_request in incoming:
        meeting_request.mutual = (
            meeting_request.status != live and meeting_request.from_profile_id in asked
        )
    for meeting_request in outgoing:
        meeting_request.mutual = (
            meeting_request.status != live and meeting_request.to_profile_id in asked_me
        )
    return incoming, outgoing


def latest_version(event: Event) -> ScheduleVersion | None:
    return ScheduleVersion.objects.filter(event=event).order_by("-created_at", "-pk").first()


def published_version(event: Event) -> ScheduleVersion | None:
    return (
        ScheduleVersion.objects.filter(event=event, status=ScheduleVersion.Status.PUBLISHED)
        .order_by("-published_at", "-pk")
        .first()
    )


def meetings_of(profile: MarketplaceProfile, version: ScheduleVersion) -> list[Meeting]:
    """One participant's meetings in a version, each with ``others``: the other side."""
    people = MarketplaceProfile.objects.select_related("user", "organisation")
    meetings = list(
        version.meetings.filter(participants=profile)
        .prefetch_related(Prefetch("participants", queryset=people))
        .order_by("starts_at", "table")
    )
    for meeting in meetings:
        meeting.others = [p for p in meeting.participants.all() if p.pk != profile.pk]
    return meetings
