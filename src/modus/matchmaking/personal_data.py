"""What matchmaking holds about a person: marketplace profiles, meeting requests with their
messages, meetings and their outcomes, schedules they made as an organiser.

Declared in ``apps.MatchmakingConfig.ready`` (see ``accounts.personal_data``); the erasure itself
is ``services.erasure.withdraw_profile``.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from modus.accounts import personal_data

from .models import MarketplaceProfile, Meeting, MeetingRequest, ScheduleVersion, SchedulingRun
from .services.erasure import withdraw_profile


def _side(profile: MarketplaceProfile) -> dict:
    return {
        "name": profile.display_name,
        "organisation": profile.organisation.name if profile.organisation else None,
    }


def export_profiles(user) -> list[dict]:
    profiles = (
        MarketplaceProfile.objects.filter(user=user)
        .select_related("event", "organisation", "availability")
        .prefetch_related("ecosystems")
    )
    rows = []
    for profile in profiles.order_by("created_at", "pk"):
        availability = getattr(profile, "availability", None)
        rows.append(
            {
                "event": profile.event.slug,
                "organisation": profile.organisation.slug if profile.organisation else None,
                "offers": profile.offers,
                "seeks": profile.seeks,
                "ecosystems": [ecosystem.key for ecosystem in profile.ecosystems.all()],
                "in_marketplace": profile.opted_in,
                "unavailable_slots": availability.unavailable if availability else [],
                "created": profile.created_at,
            }
        )
    return rows


def export_requests(user) -> list[dict]:
    requests = (
        MeetingRequest.objects.filter(Q(from_profile__user=user) | Q(to_profile__user=user))
        .select_related(
            "event", "from_profile__user", "to_profile__user", "from_profile__organisation"
        )
        .select_related("to_profile__organisation")
        .order_by("created_at", "pk")
    )
    return [
        {
            "event": request.event.slug,
            "direction": "sent" if request.from_profile.user_id == user.pk else "received",
            "with": _side(
                request.to_profile
                if request.from_profile.user_id == user.pk
                else request.from_profile
            ),
            "message": request.message,
            "status": request.status,
            "sent": request.created_at,
            "answered": request.responded_at,
        }
        for request in requests
    ]


def export_meetings(user) -> list[dict]:
    meetings = (
        Meeting.objects.filter(
            participants__user=user, version__status=ScheduleVersion.Status.PUBLISHED
        )
        .select_related("version__event")
        .prefetch_related("participants__user", "participants__organisation", "outcomes")
        .order_by("starts_at", "pk")
        .distinct()
    )
    rows = []
    for meeting in meetings:
        own = [p.pk for p in meeting.participants.all() if p.user_id == user.pk]
        rows.append(
            {
                "event": meeting.version.event.slug,
                "starts_at": meeting.starts_at,
                "ends_at": meeting.ends_at,
                "table": meeting.table,
                "status": meeting.status,
                "with": [_side(p) for p in meeting.participants.all() if p.pk not in own],
                "your_outcome": next(
                    (o.outcome for o in meeting.outcomes.all() if o.profile_id in own), None
                ),
            }
        )
    return rows


def export_schedules(user) -> list[dict]:
    versions = ScheduleVersion.objects.filter(created_by=user).select_related("event")
    runs = SchedulingRun.objects.filter(requested_by=user).select_related("event")
    return [
        {"event": v.event.slug, "schedule_made": v.created_at, "status": v.status}
        for v in versions.order_by("created_at", "pk")
    ] + [
        {"event": r.event.slug, "run_requested": r.created_at, "status": r.status}
        for r in runs.order_by("created_at", "pk")
    ]


def meetings_ahead_warning(user) -> str:
    count = (
        Meeting.objects.scheduled()
        .filter(
            participants__user=user,
            version__status=ScheduleVersion.Status.PUBLISHED,
            starts_at__gt=timezone.now(),
        )
        .count()
    )
    if not count:
        return ""
    return ngettext(
        "Your %(count)d meeting still ahead will be cancelled, and your partner told by e-mail.",
        "Your %(count)d meetings still ahead will be cancelled, and your partners told by e-mail.",
        count,
    ) % {"count": count}


def erase_profiles(erasure) -> None:
    for profile in MarketplaceProfile.objects.filter(user=erasure.user).select_related("event"):
        withdraw_profile(profile, now=erasure.now, former=erasure.former())


def declare() -> None:
    personal_data.declare(
        "marketplace_profiles",
        label=_("Your marketplace profiles"),
        export=export_profiles,
        erase=erase_profiles,
        covers=["matchmaking.MarketplaceProfile.user"],
    )
    personal_data.declare(
        "meeting_requests",
        label=_("Meeting requests you sent and received, with their messages"),
        export=export_requests,
    )
    personal_data.declare(
        "meetings",
        label=_("Your one-to-one meetings and their outcomes"),
        export=export_meetings,
        warn=meetings_ahead_warning,
    )
    personal_data.declare(  # the organiser's name goes from them with the account (SET_NULL)
        "schedules_made",
        label=_("Meeting schedules you made as an organiser"),
        export=export_schedules,
        covers=["matchmaking.ScheduleVersion.created_by", "matchmaking.SchedulingRun.requested_by"],
    )
