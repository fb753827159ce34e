"""Reads of results: the stored figures a page shows (computed the first time if missing)."""

from django.shortcuts import get_object_or_404

from modus.events import selectors as events
from modus.programmes.models import Programme

from . import services
from .models import ResultSnapshot


def public_edition_or_404(slug: str):
    return get_object_or_404(
        events.public_events().select_related("programme", "region"), slug=slug
    )


def programme_or_404(slug: str) -> Programme:
    return get_object_or_404(Programme, slug=slug)


def _snapshots(lazy: bool):
    """``lazy``: the figures are read only when used (a page whose body is cached needs only
    when they were computed)."""
    return ResultSnapshot.objects.defer("figures") if lazy else ResultSnapshot.objects.all()


def edition_snapshot(event, *, lazy=False) -> ResultSnapshot:
    return _snapshots(lazy).filter(event=event).first() or services.recompute_edition(event)


def programme_snapshot(programme, *, lazy=False) -> ResultSnapshot:
    return _snapshots(lazy).filter(programme=programme).first() or services.recompute_programme(
        programme
    )
