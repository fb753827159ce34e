"""Every change to programmes goes through here."""

from modus.web.translations import clean_translations

from .models import Programme


def save_programme(*, slug: str, translations=None, **fields) -> Programme:
    """Create the programme with this slug, or update it to these fields (idempotent).
    ``translations`` maps a language to its name and description (see web.translations)."""
    original = fields.get("original_language") or "en"
    if translations is not None:
        fields["translations"] = clean_translations(
            translations, Programme.translatable_fields, original=original
        )
    programme, _ = Programme.objects.update_or_create(slug=slug, defaults=fields)
    return programme
