"""Reads of the action log for the pages that show an object's history."""

from django.contrib.contenttypes.models import ContentType

from .models import ActionLogEntry


def actions_on(target, *, limit: int | None = None):
    """The log of one object, newest first, with each actor loaded."""
    entries = (
        ActionLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(target, for_concrete_model=False),
            object_id=target.pk,
        )
        .select_related("actor")
        .order_by("-at", "-pk")
    )
    return entries[:limit] if limit else entries
