"""Copy every application's log into the shared action log (``activity.ActionLogEntry``).

Each entry keeps its actor, note and time; its action becomes a dotted code. The rows are copied
in the order they were written, so the history reads as before. ``0003`` then removes the model.
Backwards, the entries are copied back and removed from the shared log."""

from django.db import migrations

PREFIX = "selection.application."
CODES = {
    "created": "selection.application.created",
    "submitted": "selection.application.submitted",
    "withdrawn": "selection.application.withdrawn",
    "reopened": "selection.application.reopened",
    "assigned": "selection.application.reviewer_assigned",
    "unassigned": "selection.application.reviewer_removed",
    "accepted": "selection.application.accepted",
    "rejected": "selection.application.rejected",
    "ordered": "selection.application.ordered",
}
BATCH = 500


def _application_type(apps, db):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.db_manager(db).get_or_create(
        app_label="selection", model="application"
    )
    return content_type


def to_activity(apps, schema_editor):
    db = schema_editor.connection.alias
    LogEntry = apps.get_model("selection", "LogEntry")
    ActionLogEntry = apps.get_model("activity", "ActionLogEntry")
    entries = LogEntry.objects.using(db).order_by("at", "pk")
    if not entries.exists():
        return
    content_type = _application_type(apps, db)
    ActionLogEntry.objects.using(db).bulk_create(
        (
            ActionLogEntry(
                actor_id=entry.actor_id,
                action=CODES.get(entry.action, PREFIX + entry.action),
                content_type=content_type,
                object_id=entry.application_id,
                note=entry.note,
                data={},
                at=entry.at,
            )
            for entry in entries.iterator(chunk_size=BATCH)
        ),
        batch_size=BATCH,
    )


def from_activity(apps, schema_editor):
    db = schema_editor.connection.alias
    LogEntry = apps.get_model("selection", "LogEntry")
    ActionLogEntry = apps.get_model("activity", "ActionLogEntry")
    actions = {code: action for action, code in CODES.items()}
    copied = ActionLogEntry.objects.using(db).filter(
        content_type=_application_type(apps, db), action__startswith=PREFIX
    )
    for entry in copied.order_by("at", "pk").iterator(chunk_size=BATCH):
        restored = LogEntry.objects.using(db).create(
            application_id=entry.object_id,
            actor_id=entry.actor_id,
            action=actions.get(entry.action, entry.action.removeprefix(PREFIX))[:16],
            note=entry.note,
        )
        # ``at`` is stamped on creation; give it back its time.
        LogEntry.objects.using(db).filter(pk=restored.pk).update(at=entry.at)
    copied.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("selection", "0001_initial"),
        ("activity", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(to_activity, from_activity)]
