"""Organisations: create, edit (by their admins), and the system's idempotent save by slug."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from modus.accounts.services import add_founding_admin
from modus.activity.services import log_action
from modus.web.translations import clean_translations

from ..models import AWARDED_FIELDS, PROFILE_FIELDS, Organisation, Region, slug_for
from ..permissions import may_award, may_edit_organisation
from ..reference import english_country_name
from .regions import region_chain_codes


class OrganisationError(ValidationError):
    """A directory rule was broken. ``code`` says which one (tests and the API use it)."""


class OrganisationPermissionError(OrganisationError, PermissionDenied):
    """The acting user may not do this (codes ``not_admin``, ``not_staff``, ``not_signed_in``)."""


# What callers may write; the rest (slug, search text, dates) is the system's.
EDITABLE_FIELDS = frozenset(PROFILE_FIELDS)


def build_search_text(organisation, *, ecosystem_labels=None, regions_by_code=None) -> str:
    """The text full-text search indexes: names, description, place, fields and ecosystems.

    ``ecosystem_labels`` and ``regions_by_code`` may be given to avoid queries in bulk work.
    """
    if ecosystem_labels is None:
        ecosystem_labels = (
            [e.label for e in organisation.ecosystems.all()] if organisation.pk else []
        )
    region_names = []
    if organisation.region_id:
        codes = region_chain_codes(organisation.region_id)
        if regions_by_code is None:
            regions_by_code = Region.objects.in_bulk(codes)
        region_names = [regions_by_code[c].name for c in codes[1:] if c in regions_by_code]
    translated = [
        texts.get("description", "") for texts in (organisation.translations or {}).values()
    ]
    parts = [
        organisation.name,
        organisation.acronym,
        organisation.original_text("description"),
        *translated,
        organisation.city,
        " ".join(organisation.technology_fields or []),
        " ".join(ecosystem_labels),
        " ".join(region_names),
        english_country_name(organisation.country_code) if organisation.country_code else "",
    ]
    return "\n".join(part for part in parts if part)


def refresh_search_text(organisation) -> None:
    text = build_search_text(organisation)
    if text != organisation.search_text:
        organisation.search_text = text
        Organisation.objects.filter(pk=organisation.pk).update(search_text=text)


def _check_fields(fields) -> None:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Not editable organisation fields: {', '.join(sorted(unknown))}")


def _apply(organisation, fields) -> Organisation:
    """Write the fields, validate the model, save, set ecosystems, refresh search text."""
    fields = dict(fields)
    ecosystems = fields.pop("ecosystems", None)
    logo = fields.pop("logo", None)
    for name, value in fields.items():
        setattr(organisation, name, value)
    if logo is not None:
        organisation.logo = logo or ""
    if organisation.region_id and not organisation.country_code:
        organisation.country_code = organisation.region_id[:2]
    if organisation.technology_fields is None:
        organisation.technology_fields = []
    organisation.translations = clean_translations(
        organisation.translations, Organisation.translatable_fields, original=organisation.original
    )
    organisation.full_clean(exclude=["logo", "search_text"])
    organisation.save()
    if ecosystems is not None:
        organisation.ecosystems.set(ecosystems)
    refresh_search_text(organisation)
    return organisation


def create_organisation(*, name: str, kind: str, slug: str = "", actor=None, **fields):
    """Create an organisation. ``actor=None`` is the system (imports, demo, commands).

    A signed-in person who creates an organisation becomes its admin.
    """
    _check_fields(fields)
    if actor is not None and not (actor.is_authenticated and actor.is_active):
        raise OrganisationPermissionError(
            _("Sign in to add an organisation."), code="not_signed_in"
        )
    slug = slug or slug_for(name)
    if not slug:
        raise OrganisationError(_("The name needs at least one letter or digit."), code="no_slug")
    if Organisation.objects.filter(slug=slug).exists():
        raise OrganisationError(
            _("An organisation with the address “%(slug)s” already exists.") % {"slug": slug},
            code="duplicate_slug",
        )
    with transaction.atomic():
        organisation = _apply(Organisation(slug=slug, name=name, kind=kind), fields)
        if actor is not None and not actor.is_staff:
            add_founding_admin(actor, organisation)
    return organisation


def update_organisation(organisation, *, actor, **fields):
    """Change an organisation's profile. Only its admins (and staff) may.

    The label and validation status are awarded by others: only staff may change them. A change
    is written to the action log with the names of the fields it changed.
    """
    _check_fields(fields)
    if not may_edit_organisation(actor, organisation):
        raise OrganisationPermissionError(
            _("Only an admin of this organisation may change its profile."), code="not_admin"
        )
    changed = changed_fields(organisation, fields)
    if set(changed) & set(AWARDED_FIELDS) and not may_award(actor):
        raise OrganisationPermissionError(
            _("Labels and validation are set by the platform staff."), code="not_staff"
        )
    with transaction.atomic():
        organisation = _apply(organisation, fields)
        if changed:
            log_action(
                organisation, "directory.organisation.edited", actor=actor, data={"fields": changed}
            )
    return organisation


def changed_fields(organisation, fields) -> list[str]:
    """The names of the fields whose writing would change the organisation, in profile order."""
    changed = []
    for name in sorted(fields, key=PROFILE_FIELDS.index):
        value = fields[name]
        if name == "ecosystems":
            if {e.key for e in organisation.ecosystems.all()} != {e.key for e in value}:
                changed.append(name)
        elif name == "region":
            if organisation.region_id != (value.code if value else None):
                changed.append(name)
        elif name == "country_code" and not value and "region" in fields:
            continue  # derived from the region on save
        elif getattr(organisation, name) != value:
            changed.append(name)
    return changed


def organisation_differs(organisation, fields) -> bool:
    """Whether writing these fields would change the organisation (imports skip equal rows)."""
    return bool(changed_fields(organisation, fields))


def save_organisation(*, slug: str, **fields) -> tuple[Organisation, bool]:
    """The system's idempotent write (demo data, imports): create or update by slug.

    An organisation that already has these values is not written at all.
    """
    _check_fields(fields)
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is not None and not organisation_differs(organisation, fields):
        return organisation, False
    with transaction.atomic():
        if organisation is None:
            return _apply(Organisation(slug=slug), fields), True
        return _apply(organisation, fields), False
