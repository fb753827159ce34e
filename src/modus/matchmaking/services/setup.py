"""Setting an event's matchmaking up: on or off, meeting times, slot length, tables, limits."""

import datetime as dt

from django.utils.translation import gettext as _

from modus.events.models import Event, Registration
from modus.events.permissions import require_cohost

from ..models import MatchmakingSettings
from .errors import MatchmakingError


def _clean_windows(event: Event, windows: list[dict]) -> list[dict]:
    cleaned = []
    for window in windows:
        try:
            day = dt.date.fromisoformat(str(window["day"]))
            start = dt.time.fromisoformat(str(window["start"]))
            end = dt.time.fromisoformat(str(window["end"]))
        except (KeyError, ValueError, TypeError):
            raise MatchmakingError(
                _("Each meeting time needs a day, a start and an end."),
                field="windows",
                code="bad_window",
            ) from None
        if day not in event.days:
            raise MatchmakingError(
                _("%(day)s is not a day of the event.") % {"day": day.isoformat()},
                field="windows",
                code="day_outside_event",
            )
        if end <= start:
            raise MatchmakingError(
                _("A meeting time must end after it starts."), field="windows", code="bad_window"
            )
        cleaned.append({"day": day.isoformat(), "start": f"{start:%H:%M}", "end": f"{end:%H:%M}"})
    cleaned.sort(key=lambda w: (w["day"], w["start"]))
    for first, second in zip(cleaned, cleaned[1:], strict=False):
        if first["day"] == second["day"] and second["start"] < first["end"]:
            raise MatchmakingError(
                _("Two meeting times of one day overlap."), field="windows", code="windows_overlap"
            )
    return cleaned


def configure_matchmaking(
    event: Event,
    *,
    actor,
    enabled: bool,
    windows: list[dict],
    slot_minutes: int,
    tables: int | None = None,
    virtual: bool = False,
    video_link: str = "",
    max_meetings: int | None = None,
    request_deadline: dt.datetime | None = None,
    allowed_roles: list[str] | tuple = (),
) -> MatchmakingSettings:
    """Switch matchmaking on or off for an event and set its rules (co-hosts only)."""
    require_cohost(actor, event)
    if not 5 <= slot_minutes <= 240:
        raise MatchmakingError(
            _("A slot lasts between 5 and 240 minutes."),
            field="slot_minutes",
            code="bad_slot_length",
        )
    if virtual and not video_link:
        raise MatchmakingError(
            _("Virtual meetings need a video link."), field="video_link", code="video_link_missing"
        )
    unknown = set(allowed_roles) - set(Registration.ParticipantRole.values)
    if unknown:
        raise MatchmakingError(_("Unknown role."), field="allowed_roles", code="unknown_role")
    windows = _clean_windows(event, windows)
    if enabled and not windows:
        raise MatchmakingError(
            _("Give at least one meeting time."), field="windows", code="no_windows"
        )
    mm_settings, _created = MatchmakingSettings.objects.update_or_create(
        event=event,
        defaults={
            "enabled": enabled,
            "windows": windows,
            "slot_minutes": slot_minutes,
            "tables": None if virtual else tables,
            "virtual": virtual,
            "video_link": video_link,
            "max_meetings": max_meetings,
            "request_deadline": request_deadline,
            "allowed_roles": sorted(allowed_roles),
        },
    )
    return mm_settings
