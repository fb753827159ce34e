"""Meetings keep their identity across publications; outcomes detached by earlier re-runs come
back to the meeting they belong to (see ``reattach``)."""

from django.db import migrations


def reattach(apps, schema_editor):
    """Give meetings the identity publications now keep, and their outcomes back.

    Before this migration every publication made new meetings, and outcomes recorded on the
    old ones dropped out of the published schedule. For each event, walk the published and
    superseded versions in the order they were published: a meeting that goes on between the
    same people keeps its first row (moved to the newer version, in its newer slot), with the
    outcomes of both rows (the later one wins for a side that recorded twice); a meeting a newer
    version left out is marked cancelled at that version's publication and moves along too."""
    ScheduleVersion = apps.get_model("matchmaking", "ScheduleVersion")
    Meeting = apps.get_model("matchmaking", "Meeting")
    MeetingOutcome = apps.get_model("matchmaking", "MeetingOutcome")
    versions = (
        ScheduleVersion.objects.filter(published_at__isnull=False)
        .exclude(status="draft")
        .order_by("event_id", "published_at", "pk")
    )
    by_event = {}
    for version in versions:
        by_event.setdefault(version.event_id, []).append(version)

    def pair(meeting):
        return tuple(sorted(meeting.participants.values_list("pk", flat=True)))

    for chain in by_event.values():
        live, cancelled = {}, []
        for version in chain:
            rows = {pair(m): m for m in Meeting.objects.filter(version=version)}
            for key, row in rows.items():
                old = live.get(key)
                if old is None:
                    live[key] = row
                    continue
                for outcome in MeetingOutcome.objects.filter(meeting=row):
                    mine = MeetingOutcome.objects.filter(meeting=old, profile_id=outcome.profile_id)
                    if mine.filter(recorded_at__gte=outcome.recorded_at).exists():
                        outcome.delete()
                        continue
                    mine.delete()
                    outcome.meeting = old
                    outcome.save()
                for field in ("slot_id", "starts_at", "ends_at", "table", "pinned"):
                    setattr(old, field, getattr(row, field))
                old.version = version
                old.save()
                old.requests.set(row.requests.all())
                row.delete()
            for key in [key for key in live if key not in rows]:
                row = live.pop(key)
                row.status = "cancelled"
                row.cancelled_at = version.published_at
                row.save()
                cancelled.append(row)
            for row in cancelled:
                row.version = version
                row.save()


class Migration(migrations.Migration):

    dependencies = [
        ("matchmaking", "0004_meeting_status"),
    ]

    operations = [
        migrations.RunPython(reattach, migrations.RunPython.noop),
    ]
