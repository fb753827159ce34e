"""The one write path of the action log."""

from django.contrib.contenttypes.models import ContentType

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
