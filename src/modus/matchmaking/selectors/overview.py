"""The organisers' view of a schedule version: the grid by slot and table, the requests left out
with both sides and the reason, and its figures in plain words."""

import dataclasses
import datetime as dt
import math
from itertools import groupby

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from modus.events.models import Event

from ..models import MatchmakingSettings, ScheduleVersion
from .schedule import Slot, shown_profiles, slots

REASONS = {
    "no_common_free_slot": gettext_lazy("no free slot suits both sides"),
    "participant_full": gettext_lazy("one side already has the most meetings allowed"),
    "tables_full": gettext_lazy("every table is taken in the slots both sides are free"),
}
MUTUAL_WEIGHT = 3  # the weight of a meeting both sides asked for (``services.instance``)


@dataclasses.dataclass
class GridRow:
    table: int | None
    cells: list  # a meeting or None, one per slot of the day


@dataclasses.dataclass
class GridDay:
    day: dt.date
    slots: list[Slot]
    rows: list[GridRow]


def schedule_grid(
    event: Event, mm_settings: MatchmakingSettings | None, meetings: list
) -> list[GridDay]:
    """Per day: one column per slot, one row per table, each cell the meeting held there.

    Without tables (virtual meetings) a row is just the n-th meeting of each slot. ``meetings``
    are a version's scheduled meetings with their people (``version_meetings``)."""
    zone = event.zone
    columns = {slot.id: slot for slot in (slots(mm_settings) if mm_settings else [])}
    for meeting in meetings:
        if meeting.slot_id not in columns:
            start = timezone.localtime(meeting.starts_at, zone)
            end = timezone.localtime(meeting.ends_at, zone)
            columns[meeting.slot_id] = Slot(meeting.slot_id, start, end, "")
    by_slot = {}
    for meeting in meetings:
        by_slot.setdefault(meeting.slot_id, []).append(meeting)
    days = []
    ordered = sorted(columns.values(), key=lambda slot: (slot.start, slot.id))
    for day, day_slots in groupby(ordered, key=lambda slot: slot.start.date()):
        day_slots = list(day_slots)
        held = [m for slot in day_slots for m in by_slot.get(slot.id, [])]
        if not held:
            continue
        tables = sorted({m.table for m in held if m.table})
        if tables:
            at = {(m.slot_id, m.table): m for m in held if m.table}
            rows = [
                GridRow(n, [at.get((slot.id, n)) for slot in day_slots])
                for n in range(1, tables[-1] + 1)
            ]
            untabled = [m for m in held if not m.table]
        else:
            rows, untabled = [], held
        if untabled:
            lines = max(sum(1 for m in untabled if m.slot_id == s.id) for s in day_slots)
            for k in range(lines):
                cells = []
                for slot in day_slots:
                    here = [m for m in untabled if m.slot_id == slot.id]
                    cells.append(here[k] if k < len(here) else None)
                rows.append(GridRow(None, cells))
        days.append(GridDay(day, day_slots, rows))
    return days


def _pair(meeting_id: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in meeting_id[1:].split("-"))
    except ValueError:
        return ()


def unplaced_requests(version: ScheduleVersion) -> list[dict]:
    """The wanted meetings the version could not place: both sides (with their organisations)
    and the reason in words, in one query."""
    items = version.stats.get("unplaced") or []
    pairs = [_pair(item.get("meeting", "")) for item in items]
    wanted = {pk for pair in pairs for pk in pair}
    profiles = shown_profiles().in_bulk(wanted) if wanted else {}
    result = []
    for item, pair in zip(items, pairs, strict=True):
        people = [profiles[pk] for pk in pair if pk in profiles]
        code = item.get("reason", "")
        result.append(
            {
                "people": people,
                "names": item.get("with") or [p.display_name for p in people],
                "reason": str(REASONS.get(code, code)),
            }
        )
    return result


def figures(version: ScheduleVersion) -> list[tuple[str, str]]:
    """The version's figures as (label, sentence) in plain words."""
    stats = version.stats or {}
    engine = stats.get("engine") or {}
    rows = []
    placed, requested = stats.get("placed", 0), stats.get("requested", 0)
    rows.append(
        (
            _("Meetings placed"),
            _("%(placed)d of %(requested)d requested") % {"placed": placed, "requested": requested},
        )
    )
    weights = {m["id"]: m.get("weight", 1) for m in (version.instance or {}).get("meetings", [])}
    mutual = {mid for mid, weight in weights.items() if weight >= MUTUAL_WEIGHT}
    if mutual:
        unplaced = {item.get("meeting") for item in stats.get("unplaced") or []}
        rows.append(
            (
                _("Both sides asked"),
                _("%(placed)d of %(count)d such meetings placed")
                % {"placed": len(mutual - unplaced), "count": len(mutual)},
            )
        )
    bound, weight = stats.get("bound"), stats.get("weight")
    if bound is not None and weight is not None:
        if weight >= bound - 1e-6:
            sentence = _("No schedule places more of the requested meetings.")
        else:
            share = math.floor(100 * weight / bound) if bound else 0
            sentence = _(
                "At least %(share)d%% as good as the best possible schedule (a meeting both "
                "sides asked for counts three times)."
            ) % {"share": share}
        rows.append((_("Compared with the best possible"), sentence))
    breaks = engine.get("breaks")
    if breaks is not None:
        rows.append((_("Breaks between meetings"), str(breaks)))
        lower = engine.get("breaks_lower_bound")
        if lower is not None:
            if engine.get("optimal") is True or breaks <= lower:
                sentence = _("No schedule has fewer breaks.")
            else:
                above = breaks - lower
                sentence = ngettext(
                    "At most %(n)d break above the best possible.",
                    "At most %(n)d breaks above the best possible.",
                    above,
                ) % {"n": above}
            rows.append((_("Fewest breaks possible"), sentence))
    return rows
