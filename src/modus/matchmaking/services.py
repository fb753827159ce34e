"""Every write and rule of matchmaking: settings, profiles, requests, availability, schedules.

Who may act is checked here, so the pages, a later API and the background task share one path.
The scheduler itself is ``modus.scheduling`` (no Django); ``build_instance`` turns the event into
its input format and ``run_schedule`` stores what it returns as a draft ``ScheduleVersion``.
"""

import dataclasses
import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from modus.events.models import Event, Registration, SessionRole
from modus.events.permissions import is_cohost

from .models import (
    Availability,
    MarketplaceProfile,
    MatchmakingSettings,
    Meeting,
    MeetingRequest,
    ScheduleVersion,
    SchedulingRun,
)

logger = logging.getLogger(__name__)

INSTANCE_FORMAT = "modus-b2b-instance/1"
MUTUAL_WEIGHT = 3
ONE_SIDED_WEIGHT = 1


class MatchmakingError(ValidationError):
    """A matchmaking rule was broken; ``code`` says which, ``field`` the input at fault."""

    def __init__(self, message, code=None, params=None, field=None):
        if field:
            super().__init__({field: [ValidationError(message, code=code, params=params)]})
        else:
            super().__init__(message, code=code, params=params)
        self.code = code
        self.field = field


class MatchmakingPermissionError(MatchmakingError, PermissionDenied):
    """The acting user may not do this (``not_cohost``, ``not_yours``, ...)."""


@dataclasses.dataclass(frozen=True)
class Slot:
    id: str
    start: dt.datetime  # aware, in the event's zone
    end: dt.datetime
    session: str


# Reads the rules need ----------------------------------------------------------------------


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


def is_eligible(user, event: Event, mm_settings: MatchmakingSettings | None = None) -> bool:
    """A confirmed participant with an allowed role, of an event with matchmaking on."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    mm_settings = mm_settings or settings_for(event)
    if not (mm_settings and mm_settings.enabled):
        return False
    return eligible_registrations(event, mm_settings).filter(user=user).exists()


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


def profile_of(user, event: Event) -> MarketplaceProfile | None:
    if not (user and user.is_authenticated):
        return None
    return MarketplaceProfile.objects.filter(event=event, user=user).first()


def deadline_passed(mm_settings: MatchmakingSettings) -> bool:
    return bool(mm_settings.request_deadline and timezone.now() > mm_settings.request_deadline)


def slots(mm_settings: MatchmakingSettings) -> list[Slot]:
    """The meeting slots, in order: each window cut into slots of ``slot_minutes``.

    A window is one session of the instance, so the pause after it is a break, not idle time.
    """
    zone = mm_settings.event.zone
    length = dt.timedelta(minutes=mm_settings.slot_minutes)
    result = []
    for window in sorted(mm_settings.windows, key=lambda w: (w["day"], w["start"])):
        day = dt.date.fromisoformat(window["day"])
        start = dt.datetime.combine(day, dt.time.fromisoformat(window["start"]), tzinfo=zone)
        end = dt.datetime.combine(day, dt.time.fromisoformat(window["end"]), tzinfo=zone)
        session = f"{window['day']}-{window['start'].replace(':', '')}"
        while start + length <= end:
            result.append(Slot(f"{window['day']}-{start:%H%M}", start, start + length, session))
            start += length
    return result


# Setup ---------------------------------------------------------------------------------------


def _require_cohost(actor, event: Event) -> None:
    if not is_cohost(actor, event):
        raise MatchmakingPermissionError(
            _("Only the organisers of this event may do this."), code="not_cohost"
        )


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
        if not event.starts_on <= day <= event.ends_on:
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
    _require_cohost(actor, event)
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


# Participants --------------------------------------------------------------------------------


def _require_enabled(event: Event) -> MatchmakingSettings:
    mm_settings = settings_for(event)
    if not (mm_settings and mm_settings.enabled):
        raise MatchmakingError(_("Matchmaking is not open for this event."), code="matchmaking_off")
    return mm_settings


def opt_in(
    event: Event,
    *,
    actor,
    offers: str = "",
    seeks: str = "",
    ecosystems=(),
    opted_in: bool = True,
) -> MarketplaceProfile:
    """Create or update the actor's marketplace profile (registered, allowed participants only)."""
    mm_settings = _require_enabled(event)
    registration = eligible_registrations(event, mm_settings).filter(user=actor).first()
    if registration is None:
        raise MatchmakingPermissionError(
            _("Only confirmed participants of this event take part in its matchmaking."),
            code="not_participant",
        )
    profile, _created = MarketplaceProfile.objects.update_or_create(
        event=event,
        user=actor,
        defaults={
            "organisation": registration.organisation,
            "offers": offers.strip(),
            "seeks": seeks.strip(),
            "opted_in": opted_in,
        },
    )
    profile.ecosystems.set(ecosystems)
    return profile


def _own_profile(actor, event: Event, mm_settings) -> MarketplaceProfile:
    profile = eligible_profiles(event, mm_settings).filter(user=actor).first()
    if profile is None:
        raise MatchmakingPermissionError(
            _("Create your marketplace profile first."), code="not_participant"
        )
    return profile


def request_meeting(
    event: Event, *, actor, to_profile: MarketplaceProfile, message: str = ""
) -> MeetingRequest:
    """Ask another participant for a meeting, before the deadline, once."""
    mm_settings = _require_enabled(event)
    from_profile = _own_profile(actor, event, mm_settings)
    if deadline_passed(mm_settings):
        raise MatchmakingError(
            _("The deadline for meeting requests has passed."), code="deadline_passed"
        )
    if to_profile.pk == from_profile.pk:
        raise MatchmakingError(_("You cannot meet yourself."), code="own_profile")
    if not eligible_profiles(event, mm_settings).filter(pk=to_profile.pk).exists():
        raise MatchmakingError(
            _("This participant is not in the marketplace."), code="not_in_marketplace"
        )
    if MeetingRequest.objects.filter(from_profile=from_profile, to_profile=to_profile).exists():
        raise MatchmakingError(
            _("You have already asked this participant for a meeting."), code="already_requested"
        )
    return MeetingRequest.objects.create(
        event=event, from_profile=from_profile, to_profile=to_profile, message=message.strip()
    )


def answer_request(meeting_request: MeetingRequest, *, actor, accept: bool) -> MeetingRequest:
    """The participant who was asked accepts or declines."""
    if not (actor and actor.is_authenticated and meeting_request.to_profile.user_id == actor.pk):
        raise MatchmakingPermissionError(
            _("Only the participant who was asked can answer."), code="not_yours"
        )
    if meeting_request.status != MeetingRequest.Status.PENDING:
        raise MatchmakingError(_("This request was already answered."), code="already_answered")
    meeting_request.status = (
        MeetingRequest.Status.ACCEPTED if accept else MeetingRequest.Status.DECLINED
    )
    meeting_request.responded_at = timezone.now()
    meeting_request.save(update_fields=["status", "responded_at"])
    return meeting_request


def is_mutual(meeting_request: MeetingRequest) -> bool:
    """Both sides asked for this meeting (and neither declined)."""
    if meeting_request.status == MeetingRequest.Status.DECLINED:
        return False
    return (
        MeetingRequest.objects.filter(
            from_profile_id=meeting_request.to_profile_id,
            to_profile_id=meeting_request.from_profile_id,
        )
        .exclude(status=MeetingRequest.Status.DECLINED)
        .exists()
    )


def blocked_slot_ids(event: Event, user_ids, slot_list: list[Slot]) -> dict[int, set[str]]:
    """Per user: the slots that overlap an agenda session they speak in."""
    blocked = defaultdict(set)
    roles = SessionRole.objects.filter(
        session__event=event, person__user_id__in=list(user_ids)
    ).values_list("person__user_id", "session__starts_at", "session__ends_at")
    for user_id, starts_at, ends_at in roles:
        for slot in slot_list:
            if slot.start < ends_at and starts_at < slot.end:
                blocked[user_id].add(slot.id)
    return blocked


def set_availability(profile: MarketplaceProfile, *, actor, unavailable: list[str]) -> Availability:
    """A participant says in which slots they cannot meet."""
    if not (actor and actor.is_authenticated and profile.user_id == actor.pk):
        raise MatchmakingPermissionError(
            _("You can only set your own availability."), code="not_yours"
        )
    mm_settings = _require_enabled(profile.event)
    known = [slot.id for slot in slots(mm_settings)]
    if set(unavailable) - set(known):
        raise MatchmakingError(_("Unknown meeting slot."), code="unknown_slot")
    chosen = set(unavailable)
    availability, _created = Availability.objects.update_or_create(
        profile=profile, defaults={"unavailable": [s for s in known if s in chosen]}
    )
    return availability


# Scheduling ----------------------------------------------------------------------------------


def _pair_key(first_id: int, second_id: int) -> tuple[int, int]:
    return (min(first_id, second_id), max(first_id, second_id))


def meeting_id(pair: tuple[int, int]) -> str:
    return f"m{pair[0]}-{pair[1]}"


def _wanted_meetings(event: Event, profile_ids: set[int]) -> dict[tuple, dict]:
    """Pairs who should meet: an accepted request, or both asked each other (weight 3)."""
    by_pair = defaultdict(list)
    requests = MeetingRequest.objects.filter(
        event=event, from_profile_id__in=profile_ids, to_profile_id__in=profile_ids
    ).order_by("pk")
    for meeting_request in requests:
        by_pair[_pair_key(meeting_request.from_profile_id, meeting_request.to_profile_id)].append(
            meeting_request
        )
    wanted = {}
    for pair, pair_requests in sorted(by_pair.items()):
        live = [r for r in pair_requests if r.status != MeetingRequest.Status.DECLINED]
        mutual = len({r.from_profile_id for r in live}) == 2
        accepted = any(r.status == MeetingRequest.Status.ACCEPTED for r in pair_requests)
        if mutual or accepted:
            wanted[pair] = {
                "requests": pair_requests,
                "weight": MUTUAL_WEIGHT if mutual else ONE_SIDED_WEIGHT,
            }
    return wanted


def _pinned_slots(event: Event) -> dict[tuple, str]:
    latest = ScheduleVersion.objects.filter(event=event).order_by("-created_at", "-pk").first()
    if latest is None:
        return {}
    pinned = {}
    for meeting in latest.meetings.filter(pinned=True).prefetch_related("participants"):
        ids = sorted(p.pk for p in meeting.participants.all())
        if len(ids) == 2:
            pinned[tuple(ids)] = meeting.slot_id
    return pinned


def build_instance(event: Event) -> dict:
    """The event's matchmaking as a ``modus-b2b-instance/1`` dict (see shared/formats/b2b.md)."""
    mm_settings = settings_for(event)
    if mm_settings is None:
        raise MatchmakingError(_("Matchmaking is not set up for this event."), code="not_set_up")
    slot_list = slots(mm_settings)
    slot_ids = [slot.id for slot in slot_list]
    profiles = list(
        eligible_profiles(event, mm_settings)
        .select_related("availability")
        .order_by("pk")
        .distinct()
    )
    profile_ids = {profile.pk for profile in profiles}
    blocked = blocked_slot_ids(event, {p.user_id for p in profiles}, slot_list)
    participants = []
    for profile in profiles:
        try:
            chosen = set(profile.availability.unavailable)
        except Availability.DoesNotExist:
            chosen = set()
        chosen |= blocked.get(profile.user_id, set())
        entry = {
            "id": profile.participant_id,
            "unavailable": [slot_id for slot_id in slot_ids if slot_id in chosen],
        }
        if mm_settings.max_meetings:
            entry["max_meetings"] = mm_settings.max_meetings
        participants.append(entry)
    pinned = _pinned_slots(event)
    meetings = []
    for pair, wanted in _wanted_meetings(event, profile_ids).items():
        meeting = {
            "id": meeting_id(pair),
            "with": [f"p{pair[0]}", f"p{pair[1]}"],
            "weight": wanted["weight"],
            "forbidden_slots": [],
        }
        if pinned.get(pair) in slot_ids:
            meeting["fixed_slot"] = pinned[pair]
        meetings.append(meeting)
    instance = {
        "format": INSTANCE_FORMAT,
        "name": f"{event.slug}-matchmaking",
        "slots": [
            {
                "id": slot.id,
                "start": slot.start.isoformat(),
                "end": slot.end.isoformat(),
                "session": slot.session,
            }
            for slot in slot_list
        ],
        "participants": participants,
        "meetings": meetings,
    }
    if not mm_settings.virtual and mm_settings.tables:
        instance["tables"] = mm_settings.tables
    return instance


def _reason_map(result: dict) -> dict[str, str]:
    reasons = result.get("reasons") or {}
    if isinstance(reasons, dict):
        return {str(key): str(value) for key, value in reasons.items()}
    mapped = {}
    for item in reasons:
        if isinstance(item, dict) and "meeting" in item:
            mapped[str(item["meeting"])] = str(item.get("reason", ""))
    return mapped


def _upper_bound(stats: dict):
    for key in ("upper_bound", "bound", "lp_bound", "proven_bound"):
        if stats.get(key) is not None:
            return stats[key]
    return None


def run_schedule(
    event: Event,
    *,
    actor,
    time_limit: float = 10.0,
    seed: int = 0,
    progress: Callable[..., None] | None = None,
) -> ScheduleVersion:
    """Schedule the event's wanted meetings and store the result as a draft version.

    ``progress(phase, percent, seconds=None)`` hears of each phase (``instance``, ``solve``,
    ``saving``); for ``solve`` it also gets the seconds the engine may take.
    """
    from modus.scheduling import InstanceError, solve

    def report(phase, percent, seconds=None):
        if progress is not None:
            progress(phase, percent, seconds=seconds)

    _require_cohost(actor, event)
    report(SchedulingRun.Phase.INSTANCE, RUN_PROGRESS["instance"])
    instance = build_instance(event)
    report(SchedulingRun.Phase.SOLVE, RUN_PROGRESS["solve"], seconds=time_limit)
    try:
        result = solve(instance, time_limit=time_limit, seed=seed)
    except InstanceError as error:
        raise MatchmakingError(
            _("The scheduler refused the input: %(error)s") % {"error": error},
            code="instance_invalid",
        ) from error
    weight_by_id = {meeting["id"]: meeting["weight"] for meeting in instance["meetings"]}
    pairs = {}
    for meeting in instance["meetings"]:
        first, second = (int(pid[1:]) for pid in meeting["with"])
        pairs[meeting["id"]] = (first, second)
    names = {
        profile.pk: profile.display_name
        for profile in MarketplaceProfile.objects.filter(
            pk__in={pk for pair in pairs.values() for pk in pair}
        ).select_related("user")
    }
    assignments = result.get("assignments", [])
    reasons = _reason_map(result)
    engine_stats = dict(result.get("stats") or {})
    stats = {
        "engine": engine_stats,
        "requested": len(instance["meetings"]),
        "placed": len(assignments),
        "weight": sum(weight_by_id.get(a["meeting"], 0) for a in assignments),
        "max_weight": sum(weight_by_id.values()),
        "bound": _upper_bound(engine_stats),
        "unplaced": [
            {
                "meeting": mid,
                "with": [names.get(pk, "") for pk in pairs.get(mid, ())],
                "reason": reasons.get(mid, ""),
            }
            for mid in result.get("unscheduled", [])
        ],
    }
    report(SchedulingRun.Phase.SAVING, RUN_PROGRESS["saving"])
    return store_version(event, actor=actor, instance=instance, schedule=result, stats=stats)


def store_version(
    event: Event, *, actor, instance: dict, schedule: dict, stats: dict | None = None
) -> ScheduleVersion:
    """A draft version holding the assignments of ``schedule`` (already checked) as meetings."""
    slot_by_id = {slot["id"]: slot for slot in instance["slots"]}
    pairs = {
        m["id"]: tuple(sorted(int(pid[1:]) for pid in m["with"])) for m in instance["meetings"]
    }
    fixed = {m["id"] for m in instance["meetings"] if "fixed_slot" in m}
    wanted = _wanted_meetings(event, {pk for pair in pairs.values() for pk in pair})
    assignments = schedule.get("assignments", [])
    with transaction.atomic():
        version = ScheduleVersion.objects.create(
            event=event, created_by=actor, stats=stats or {}, instance=instance, schedule=schedule
        )
        used = defaultdict(set)
        for a in assignments:
            if a.get("table"):
                used[a["slot"]].add(a["table"])
        for a in sorted(assignments, key=lambda a: (a["slot"], a["meeting"])):
            slot = slot_by_id[a["slot"]]
            table = a.get("table")
            if not table and "tables" in instance:
                table = next(n for n in range(1, 100_000) if n not in used[slot["id"]])
                used[slot["id"]].add(table)
            pair = pairs[a["meeting"]]
            meeting = Meeting.objects.create(
                version=version,
                slot_id=slot["id"],
                starts_at=dt.datetime.fromisoformat(slot["start"]),
                ends_at=dt.datetime.fromisoformat(slot["end"]),
                table=table or None,
                pinned=a["meeting"] in fixed,
            )
            meeting.participants.set(pair)
            meeting.requests.set(wanted.get(pair, {}).get("requests", []))
    return version


# Scheduling runs: the scheduler in the background, followed by the schedule page ------------

# Where the progress bar stands when each phase begins; the engine's work fills "solve"–"saving"
# with the clock (elapsed / time limit).
RUN_PROGRESS = {"queued": 0, "instance": 2, "solve": 5, "saving": 92, "done": 100}
MAX_TIME_LIMIT = 600
# A run still queued or running this long after its time limit is taken as lost (a worker that
# died); it no longer blocks a new run.
RUN_STALE_AFTER = dt.timedelta(minutes=15)


def active_run(event: Event) -> SchedulingRun | None:
    """The event's run that is queued or running, if any."""
    return (
        SchedulingRun.objects.filter(event=event, status__in=SchedulingRun.ACTIVE)
        .order_by("-created_at", "-pk")
        .first()
    )


def latest_run(event: Event) -> SchedulingRun | None:
    return SchedulingRun.objects.filter(event=event).order_by("-created_at", "-pk").first()


def _fail_stale_runs(event: Event) -> None:
    now = timezone.now()
    for run in SchedulingRun.objects.filter(event=event, status__in=SchedulingRun.ACTIVE):
        if run.created_at + dt.timedelta(seconds=run.time_limit) + RUN_STALE_AFTER < now:
            _finish_run(run, status=SchedulingRun.Status.FAILED, error="interrupted")


def start_run(event: Event, *, actor, time_limit: float = 10.0, seed: int = 0) -> SchedulingRun:
    """Queue a scheduler run for the event (co-hosts only; one at a time per event).

    The caller hands the run to ``tasks.run_schedule_task`` once the transaction commits.
    """
    _require_cohost(actor, event)
    mm_settings = settings_for(event)
    if not (mm_settings and mm_settings.enabled):
        raise MatchmakingError(_("Switch matchmaking on first."), code="matchmaking_off")
    if not 0 < time_limit <= MAX_TIME_LIMIT:
        raise MatchmakingError(
            _("The time limit is between 1 and %(max)s seconds.") % {"max": MAX_TIME_LIMIT},
            field="time_limit",
            code="bad_time_limit",
        )
    _fail_stale_runs(event)
    busy = MatchmakingError(
        _("The scheduler is already running for this event; wait until it has finished."),
        code="run_in_progress",
    )
    if active_run(event) is not None:
        raise busy
    try:
        with transaction.atomic():
            return SchedulingRun.objects.create(
                event=event,
                requested_by=actor,
                time_limit=time_limit,
                seed=seed,
                status=SchedulingRun.Status.QUEUED,
                phase=SchedulingRun.Phase.QUEUED,
                progress=RUN_PROGRESS["queued"],
            )
    except IntegrityError:  # another organiser started one at the same moment
        raise busy from None


def set_run_progress(run_id: int, *, percent: int, phase: str | None = None) -> None:
    """Move a running run's bar (never backwards, never past 99 before it is done)."""
    percent = max(0, min(int(percent), 99))
    runs = SchedulingRun.objects.filter(
        pk=run_id, status=SchedulingRun.Status.RUNNING, progress__lte=percent
    )
    values = {"progress": percent}
    if phase:
        values["phase"] = phase
    runs.update(**values)


def _finish_run(
    run: SchedulingRun, *, status: str, error: str = "", detail: str = "", version=None
):
    run.status = status
    run.error = error
    run.error_detail = detail[:2000]
    run.version = version
    run.finished_at = timezone.now()
    if status == SchedulingRun.Status.DONE:
        run.progress = RUN_PROGRESS["done"]
        run.phase = SchedulingRun.Phase.DONE
    run.save(
        update_fields=[
            "status",
            "error",
            "error_detail",
            "version",
            "finished_at",
            "progress",
            "phase",
        ]
    )
    return run


def execute_run(run_id: int, *, progress: Callable[..., None] | None = None) -> SchedulingRun:
    """Do a queued run: build the instance, solve, save the draft; record how it ended.

    Only a queued run is started, so a job delivered twice runs once. Failures are recorded on
    the run with a code (``instance_invalid``, ``engine_missing``, ``engine_error``, ...) and not
    raised: the organiser reads them on the schedule page.
    """
    started = SchedulingRun.objects.filter(pk=run_id, status=SchedulingRun.Status.QUEUED).update(
        status=SchedulingRun.Status.RUNNING,
        started_at=timezone.now(),
        phase=SchedulingRun.Phase.INSTANCE,
        progress=RUN_PROGRESS["instance"],
    )
    run = SchedulingRun.objects.select_related("event", "requested_by").get(pk=run_id)
    if not started:
        return run

    def report(phase, percent, seconds=None):
        if progress is not None:
            progress(phase, percent, seconds=seconds)
        else:
            set_run_progress(run.pk, percent=percent, phase=phase)

    try:
        version = run_schedule(
            run.event,
            actor=run.requested_by,
            time_limit=run.time_limit,
            seed=run.seed,
            progress=report,
        )
    except MatchmakingError as error:
        detail = "; ".join(error.messages)
        return _finish_run(
            run, status=SchedulingRun.Status.FAILED, error=error.code or "invalid", detail=detail
        )
    except ImportError as error:
        return _finish_run(
            run, status=SchedulingRun.Status.FAILED, error="engine_missing", detail=str(error)
        )
    except Exception as error:  # the engine's own bug must not leave the run "running"
        logger.exception("Scheduling run %s failed", run.pk)
        return _finish_run(
            run, status=SchedulingRun.Status.FAILED, error="engine_error", detail=repr(error)
        )
    return _finish_run(run, status=SchedulingRun.Status.DONE, version=version)


def fail_run(run_id: int, *, error: str, detail: str = "") -> None:
    """Record that a run could not even be started (e.g. the job queue is unreachable)."""
    run = SchedulingRun.objects.filter(pk=run_id, status__in=SchedulingRun.ACTIVE).first()
    if run is not None:
        _finish_run(run, status=SchedulingRun.Status.FAILED, error=error, detail=detail)


def publish(version: ScheduleVersion, *, actor) -> ScheduleVersion:
    """Publish a draft schedule and send each participant their meetings."""
    if version.stats.get("changes_from"):  # a reschedule: only the people whose meetings changed
        from .services_changes import publish_changes

        return publish_changes(version, actor=actor)
    event = version.event
    _require_cohost(actor, event)
    if version.status != ScheduleVersion.Status.DRAFT:
        raise MatchmakingError(_("Only a draft schedule can be published."), code="not_draft")
    with transaction.atomic():
        ScheduleVersion.objects.filter(event=event, status=ScheduleVersion.Status.PUBLISHED).update(
            status=ScheduleVersion.Status.SUPERSEDED
        )
        version.status = ScheduleVersion.Status.PUBLISHED
        version.published_at = timezone.now()
        version.save(update_fields=["status", "published_at"])
    _send_agendas(version)
    return version


def _send_agendas(version: ScheduleVersion) -> None:
    from modus.web.tasks import send_email

    event = version.event
    participant_ids = [int(p["id"][1:]) for p in version.instance.get("participants", [])]
    profiles = MarketplaceProfile.objects.filter(pk__in=participant_ids).select_related("user")
    meetings_of = defaultdict(list)
    meetings = version.meetings.prefetch_related("participants__user", "participants__organisation")
    for meeting in meetings:
        for profile in meeting.participants.all():
            others = [p for p in meeting.participants.all() if p.pk != profile.pk]
            meetings_of[profile.pk].append(
                {
                    "starts_at": timezone.localtime(meeting.starts_at, event.zone),
                    "ends_at": timezone.localtime(meeting.ends_at, event.zone),
                    "table": meeting.table,
                    "others": others,
                }
            )
    mm_settings = settings_for(event)
    for profile in profiles:
        context = {
            "event": event,
            "profile": profile,
            "meetings": meetings_of.get(profile.pk, []),
            "settings": mm_settings,
        }
        send_email.delay(
            to=[profile.user.email],
            subject=_("Your meetings at %(event)s") % {"event": event.name},
            body=render_to_string("matchmaking/email/agenda.txt", context),
        )
