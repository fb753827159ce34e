"""Every change to programmes goes through here."""

from .models import Programme


def save_programme(*, slug: str, **fields) -> Programme:
    """Create the programme with this slug, or update it to these fields (idempotent)."""
    programme, _ = Programme.objects.update_or_create(slug=slug, defaults=fields)
    return programme
