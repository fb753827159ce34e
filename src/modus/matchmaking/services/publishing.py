"""Publishing a schedule: the one way a draft becomes the published schedule.

``publish`` compares the draft with the schedule published before (``selectors.schedule_changes``)
and then, in one transaction:

- a published meeting that goes on between the same people keeps its row, its id and its
  outcomes: it moves over to the new version, in the draft's slot and at the draft's table (the
  draft's own copy of it is merged away);
- a published meeting the draft leaves out is marked cancelled, with the time, and stays with its
  outcomes as the history of the published version;
- the draft's new meetings are added.

Nothing a participant saw or recorded is deleted. When the draft would move or cancel published
meetings, the organiser must have looked at what changes first: ``confirm_over`` names the
published version the preview was made against, so a preview that has gone stale (someone
published meanwhile) does not count. The e-mails go only to the people whose meetings changed,
and each lists the changes (at the first publication, everyone gets their plan).
"""

from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from modus.activity.services import log_action
from modus.events.models import Event
from modus.events.permissions import require_cohost
from modus.web.tasks import send_email

from .. import selectors
from ..apps import published_note
from ..models import MarketplaceProfile, Meeting, ScheduleVersion
from ..selectors import ScheduleChanges
from .errors import MatchmakingError

CARRIED_FIELDS = ["version", "slot_id", "starts_at", "ends_at", "table", "pinned"]


def changes_between(old: ScheduleVersion | None, new: ScheduleVersion) -> ScheduleChanges:
    """What publishing ``new`` over ``old`` changes (see ``selectors.schedule_changes``)."""
    return selectors.schedule_changes(old, new)


def publish(version: ScheduleVersion, *, actor, confirm_over: int | None = None):
    """Publish a draft; keep every published meeting and outcome; mail the people affected.

    ``confirm_over``: the id of the published version whose changes the organiser reviewed.
    It is required when the draft moves or cancels published meetings."""
    event = version.event
    require_cohost(actor, event)
    with transaction.atomic():
        Event.objects.select_for_update().filter(pk=event.pk).first()  # one publisher at a time
        version.refresh_from_db(fields=["status"])
        if version.status != ScheduleVersion.Status.DRAFT:
            raise MatchmakingError(_("Only a draft schedule can be published."), code="not_draft")
        previous = selectors.published_version(event)
        changes = selectors.schedule_changes(previous, version)
        if changes.needs_confirmation and confirm_over != previous.pk:
            raise MatchmakingError(
                _(
                    "This draft moves or cancels published meetings: review the changes and "
                    "confirm them before publishing."
                ),
                code="confirmation_needed",
            )
        now = timezone.now()
        _carry_over(changes, version, now)
        if previous is not None:
            previous.status = ScheduleVersion.Status.SUPERSEDED
            previous.save(update_fields=["status"])
        version.status = ScheduleVersion.Status.PUBLISHED
        version.published_at = now
        version.save(update_fields=["status", "published_at"])
        counts = changes.counts
        log_action(
            event,
            "matchmaking.schedule.published",
            actor=actor,
            note=published_note(counts),  # kept for the record; pages word it in their language
            data={
                "version": version.pk,
                "previous": previous.pk if previous else None,
                **counts,
                "outcomes_kept": sum(len(c.outcomes) for c in changes.kept + changes.moved),
                "outcomes_on_cancelled": len(changes.detached),
            },
        )
    _mail(version, changes)
    return version


def _carry_over(changes: ScheduleChanges, version: ScheduleVersion, now) -> None:
    """Move the published meetings that go on into ``version``; mark the others cancelled."""
    going_on = changes.kept + changes.moved
    rows, copies = [], []
    for change in going_on:  # the changes keep describing the meetings as they were
        new = change.after
        fields = {field: getattr(new, field) for field in CARRIED_FIELDS[1:]}
        rows.append(Meeting(pk=change.before.pk, version=version, **fields))
        copies.append(new.pk)
    Meeting.objects.bulk_update(rows, CARRIED_FIELDS)
    through = Meeting.requests.through
    links = list(
        through.objects.filter(meeting_id__in=copies).values_list("meeting_id", "meetingrequest_id")
    )
    copy_to_row = {change.after.pk: change.before.pk for change in going_on}
    through.objects.filter(meeting_id__in=[row.pk for row in rows]).delete()
    through.objects.bulk_create(
        through(meeting_id=copy_to_row[copy], meetingrequest_id=request) for copy, request in links
    )
    Meeting.objects.filter(pk__in=copies, version=version).delete()  # the draft's copies only
    Meeting.objects.filter(pk__in=[c.before.pk for c in changes.cancelled]).update(
        status=Meeting.Status.CANCELLED, cancelled_at=now, version=version
    )
    if changes.previous is not None:  # the history of earlier cancellations comes along
        changes.previous.meetings.cancelled().update(version=version)


def plans_of(version: ScheduleVersion, profile_ids) -> dict[int, list]:
    """Each participant's scheduled meetings in ``version``, in time order, with ``others``."""
    event = version.event
    plans = defaultdict(list)
    for meeting in (
        selectors.version_meetings(version).filter(participants__in=profile_ids).distinct()
    ):
        for profile in meeting.participants.all():
            plans[profile.pk].append(
                {
                    "starts_at": timezone.localtime(meeting.starts_at, event.zone),
                    "ends_at": timezone.localtime(meeting.ends_at, event.zone),
                    "table": meeting.table,
                    "others": [p for p in meeting.participants.all() if p.pk != profile.pk],
                }
            )
    return plans


def side_name(profile) -> str:
    if profile.organisation_id:
        return f"{profile.display_name} ({profile.organisation.name})"
    return profile.display_name


def _mail(version: ScheduleVersion, changes: ScheduleChanges) -> None:
    """Each participant whose meetings changed gets the list of changes and their plan now;
    at the first publication, everyone gets their plan. Each in their own language."""
    if not changes.people:
        return
    event = version.event
    changed = changes.previous is not None
    plans = plans_of(version, changes.people)
    mm_settings = selectors.settings_for(event)
    zone = event.zone
    for profile in MarketplaceProfile.objects.filter(pk__in=changes.people).select_related("user"):
        items = [
            {
                "kind": change.kind,
                "names": ", ".join(side_name(other) for other in change.others(profile.pk)),
                "before": change.before,
                "after": change.after,
            }
            for change in (changes.of(profile.pk) if changed else [])
        ]
        for item in items:
            for key in ("before", "after"):
                if item[key] is not None:
                    item[f"{key}_at"] = timezone.localtime(item[key].starts_at, zone)
        context = {
            "event": event,
            "profile": profile,
            "meetings": plans.get(profile.pk, []),
            "changes": items,
            "settings": mm_settings,
            "changed": changed,
        }
        language = profile.user.preferred_language or settings.LANGUAGE_CODE
        # In the reader's language, with times as the event's participants read them.
        with translation.override(language), timezone.override(zone):
            subject = (
                _("Your meetings at %(event)s have changed")
                if changed
                else _("Your meetings at %(event)s")
            ) % {"event": event.name}
            body = render_to_string("matchmaking/email/plan.txt", context)
        send_email.delay(to=[profile.user.email], subject=subject, body=body)
