"""Synthetic organisations, so the directory can be tried (and measured) at a realistic size.

Every synthetic organisation says in its description that it is invented. Each one is derived
from (seed, number) alone, so the same call always gives the same data and asking for more later
adds only the missing ones.
"""

import random
from decimal import Decimal

from django.db import transaction

from modus.directory import search
from modus.directory.models import Ecosystem, Organisation, Region
from modus.directory.services import build_search_text

SLUG_PREFIX = "synthetic-"
BATCH_SIZE = 1000

# Topic → the ecosystem it belongs to, and a technology field.
TOPICS = [
    ("Hydrogen", "energy-renewables", "hydrogen"),
    ("Solar", "energy-renewables", "photovoltaics"),
    ("Robotics", "electronics", "robotics"),
    ("Microelectronics", "electronics", "semiconductors"),
    ("Aerospace", "aerospace-defence", "aviation"),
    ("Drone", "aerospace-defence", "unmanned aircraft"),
    ("Food", "agri-food", "food processing"),
    ("Wine", "agri-food", "viticulture"),
    ("Timber Construction", "construction", "wood engineering"),
    ("Smart Building", "construction", "building automation"),
    ("Games", "cultural-creative", "game development"),
    ("Design", "cultural-creative", "industrial design"),
    ("AI", "digital", "artificial intelligence"),
    ("Cybersecurity", "digital", "cybersecurity"),
    ("Steel", "energy-intensive", "metallurgy"),
    ("Chemicals", "energy-intensive", "green chemistry"),
    ("MedTech", "health", "medical devices"),
    ("Biotech", "health", "biotechnology"),
    ("Automotive", "mobility-transport-automotive", "electromobility"),
    ("Rail", "mobility-transport-automotive", "rail systems"),
    ("Social Innovation", "proximity-social-economy", "social enterprise"),
    ("Retail Tech", "retail", "e-commerce"),
    ("Textile", "textiles", "technical textiles"),
    ("Tourism", "tourism", "sustainable tourism"),
]
WORDS = [
    "Nova", "Arcus", "Vento", "Lumen", "Orbis", "Terra", "Helix", "Quanta", "Silva", "Aqua",
    "Ferrum", "Vectra", "Polar", "Strata", "Cedar", "Kestrel", "Meridian", "Atlas", "Zenit",
    "Borealis", "Corvus", "Delta", "Iris", "Nexa",
]  # fmt: skip
COMPANY_FORMS = {
    "CZ": "s.r.o.", "SK": "s.r.o.", "PL": "Sp. z o.o.", "DE": "GmbH", "AT": "GmbH",
    "FR": "SAS", "IT": "S.r.l.", "ES": "S.L.", "FI": "Oy", "SE": "AB", "NL": "B.V.",
    "BE": "SRL", "PT": "Lda.", "RO": "S.R.L.", "HU": "Kft.", "DK": "ApS",
}  # fmt: skip
KINDS = [
    (Organisation.Kind.CLUSTER, 30),
    (Organisation.Kind.COMPANY, 35),
    (Organisation.Kind.RESEARCH, 12),
    (Organisation.Kind.AGENCY, 8),
    (Organisation.Kind.AUTHORITY, 6),
    (Organisation.Kind.INVESTOR, 5),
    (Organisation.Kind.CLUSTER_ASSOCIATION, 1),
    (Organisation.Kind.OTHER, 3),
]


def synthetic_slug(number: int) -> str:
    return f"{SLUG_PREFIX}{number:05d}"


def _name(rng, kind, region, topic) -> str:
    place = (region.latin_name or region.name) if region else "European"
    word = rng.choice(WORDS)
    if kind == Organisation.Kind.CLUSTER:
        return f"{place} {topic} Cluster"
    if kind == Organisation.Kind.COMPANY:
        form = COMPANY_FORMS.get(region.country_code if region else "", "Ltd")
        return f"{word} {topic} {form}"
    if kind == Organisation.Kind.RESEARCH:
        return f"{place} Institute of {topic} Research"
    if kind == Organisation.Kind.AGENCY:
        return f"{place} Development Agency"
    if kind == Organisation.Kind.AUTHORITY:
        return f"{place} Regional Authority"
    if kind == Organisation.Kind.INVESTOR:
        return f"{word} {topic} Ventures"
    if kind == Organisation.Kind.CLUSTER_ASSOCIATION:
        return f"{place} Cluster Network"
    return f"{word} {topic} Forum"


def build_organisation(number, *, seed, regions, ecosystems) -> tuple[Organisation, list]:
    """The synthetic organisation with this number (unsaved) and its ecosystems."""
    rng = random.Random(f"{seed}:{number}")
    kinds, weights = zip(*KINDS, strict=True)
    kind = rng.choices(kinds, weights)[0]
    region = rng.choice(regions) if regions else None
    topic, ecosystem_key, technology = rng.choice(TOPICS)
    chosen = [ecosystems[ecosystem_key]] if ecosystem_key in ecosystems else []
    if ecosystems and rng.random() < 0.35:
        extra = rng.choice(list(ecosystems.values()))
        if extra not in chosen:
            chosen.append(extra)
    slug = synthetic_slug(number)
    organisation = Organisation(
        slug=slug,
        name=_name(rng, kind, region, topic),
        kind=kind,
        region=region,
        country_code=region.country_code if region else "",
        city="",
        website=f"https://{slug}.example.org",
        email=f"contact@{slug}.example.org",
        founded_year=rng.randint(1990, 2023),
        technology_fields=[technology],
        description=(
            f"A synthetic {kind.label.lower()} working on {technology}, invented for the demo "
            "and for load tests. It is not a real organisation; its figures are illustrative."
        ),
    )
    if kind == Organisation.Kind.CLUSTER:
        organisation.members_sme = rng.randint(10, 120)
        organisation.members_large = rng.randint(0, 15)
        organisation.members_research = rng.randint(1, 12)
        organisation.members_public = rng.randint(0, 6)
        organisation.members_other = rng.randint(0, 5)
        organisation.management_staff_fte = Decimal(rng.randint(5, 80)) / 10
        roll = rng.random()
        if roll < 0.35:
            organisation.label = rng.choice(["bronze", "bronze", "silver", "gold"])
            organisation.validation_status = Organisation.Validation.VALIDATED
        elif roll < 0.5:
            organisation.validation_status = Organisation.Validation.PENDING
    return organisation, chosen


def generate_organisations(total: int, *, seed=2022, log=print) -> int:
    """Make sure synthetic organisations 1..total exist; returns how many were created."""
    existing = set(
        Organisation.objects.filter(slug__startswith=SLUG_PREFIX).values_list("slug", flat=True)
    )
    missing = [n for n in range(1, total + 1) if synthetic_slug(n) not in existing]
    if not missing:
        return 0
    all_regions = Region.objects.in_bulk()
    # Extra-Regio codes (ending in Z) are statistical placeholders, not places to be located in.
    regions = sorted(
        (r for r in all_regions.values() if r.level == 3 and not r.code.endswith("Z")),
        key=lambda r: r.code,
    )
    regions = regions or sorted(all_regions.values(), key=lambda r: r.code)
    ecosystems = {e.key: e for e in Ecosystem.objects.all()}
    through = Organisation.ecosystems.through
    created = 0
    for start in range(0, len(missing), BATCH_SIZE):
        batch = []
        for number in missing[start : start + BATCH_SIZE]:
            organisation, chosen = build_organisation(
                number, seed=seed, regions=regions, ecosystems=ecosystems
            )
            organisation.search_text = build_search_text(
                organisation,
                ecosystem_labels=[e.label for e in chosen],
                regions_by_code=all_regions,
            )
            batch.append((organisation, chosen))
        with transaction.atomic():
            saved = Organisation.objects.bulk_create([o for o, _ in batch])
            through.objects.bulk_create(
                [
                    through(organisation_id=o.pk, ecosystem_id=e.pk)
                    for o, (_, chosen) in zip(saved, batch, strict=True)
                    for e in chosen
                ]
            )
        created += len(saved)
        log(f"Synthetic organisations: {created} of {len(missing)} created.")
    search.optimise()
    return created
