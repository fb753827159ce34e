"""The one write path of the action log."""

import re

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from .models import ActionLogEntry


def log_action(target, action: str, *, actor=None, note: str = "", data: dict | None = None):
    """Record that ``actor`` did ``action`` to ``target`` (any saved model instance).

    ``data`` holds what a reader needs to see what changed (e.g. ``{"capacity": [80, 120]}``);
    it must be JSON. Anonymous or missing actors are stored as nobody."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return ActionLogEntry.objects.create(
        actor=actor,
        action=action,
        content_type=ContentType.objects.get_for_model(target, for_concrete_model=False),
        object_id=target.pk,
        note=note,
        data=data or {},
    )


def redact(names, replacement: str) -> int:
    """Replace every whole-word mention of ``names`` in the notes of the log with
    ``replacement`` (an erased person's name and address); returns the entries changed."""
    names = sorted({name.strip() for name in names if name and len(name.strip()) >= 3}, key=len)
    if not names:
        return 0
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(name) for name in reversed(names)) + r")(?!\w)",
        re.IGNORECASE,
    )
    query = Q()
    for name in names:
        query |= Q(note__icontains=name)
    changed = []
    for entry in ActionLogEntry.objects.filter(query).only("pk", "note"):
        note = pattern.sub(replacement, entry.note)
        if note != entry.note:
            entry.note = note
            changed.append(entry)
    ActionLogEntry.objects.bulk_update(changed, ["note"])
    return len(changed)
