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


def edition_snapshot(event) -> ResultSnapshot:
    return ResultSnapshot.objects.filter(event=event).first() or services.recompute_edition(event)


def programme_snapshot(programme) -> ResultSnapshot:
    return ResultSnapshot.objects.filter(
        programme=programme
    ).first() or services.recompute_programme(programme)
