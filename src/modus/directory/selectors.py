"""Reusable reads of the directory, each with the joins its pages need."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from . import search
from .models import Ecosystem, Organisation, Region, SmartSpecialisationPriority
from .reference import sorted_countries


def ecosystems():
    """The industrial ecosystems in their official order."""
    return Ecosystem.objects.order_by("position", "label")


def organisations():
    return Organisation.objects.select_related("region").prefetch_related(
        Prefetch("ecosystems", queryset=ecosystems())
    )


def search_organisations(
    query="", *, kind=None, country=None, region=None, ecosystem=None, label=None
):
    """Organisations matching a full-text query and filters, best match first (else by name).

    ``region`` (a Region or a code) includes its sub-regions; ``ecosystem`` is an Ecosystem or
    its key; ``country`` a country code; ``kind`` and ``label`` their stored values.
    """
    queryset = organisations()
    if kind:
        queryset = queryset.filter(kind=kind)
    if country:
        queryset = queryset.filter(country_code=country)
    if region:
        code = region.code if isinstance(region, Region) else str(region)
        queryset = queryset.filter(region__code__startswith=code)
    if ecosystem:
        key = ecosystem.key if isinstance(ecosystem, Ecosystem) else str(ecosystem)
        queryset = queryset.filter(ecosystems__key=key)
    if label:
        queryset = queryset.filter(label=label)
    matched = search.apply(queryset, query)
    if matched is not queryset:
        return matched.order_by("-search_rank", "name", "pk")
    return matched.order_by("name", "pk")


def organisation_detail(slug):
    """The organisation with this slug, ready for its public page."""
    return organisations().in_language().get(slug=slug)


def regions_by_country():
    """Countries (level 0) with their NUTS 2 regions, as (country, [regions]) pairs."""
    rows = Region.objects.filter(level__in=(0, 2)).order_by("code")
    countries_, children = {}, {}
    for region in rows:
        if region.level == 0:
            countries_[region.code] = region
        else:
            children.setdefault(region.country_code, []).append(region)
    names = dict(sorted_countries(countries_))
    for country in countries_.values():
        country.display_name = names[country.code]
    ordered = [countries_[code] for code in names]  # by name in the reader's language
    return [(country, children.get(country.code, [])) for country in ordered]


def region_ancestors(region):
    """The region's parents, the country first (one query)."""
    codes = [region.code[:2]] + [region.code[:n] for n in range(3, len(region.code))]
    codes = [c for c in codes if c != region.code]
    found = Region.objects.in_bulk(codes)
    return [found[c] for c in codes if c in found]


def region_priorities(region):
    return SmartSpecialisationPriority.objects.filter(region=region).prefetch_related(
        Prefetch("ecosystems", queryset=ecosystems())
    )


def regions_with_priorities():
    """Every region with the codes of its sub-regions and its priorities (for the API)."""
    priorities = SmartSpecialisationPriority.objects.order_by("position", "title").prefetch_related(
        Prefetch("ecosystems", queryset=ecosystems())
    )
    return Region.objects.order_by("code").prefetch_related(
        Prefetch("children", queryset=Region.objects.order_by("code").only("code", "parent")),
        Prefetch("priorities", queryset=priorities),
    )


def region_organisations(region):
    return search_organisations(region=region)


# Cluster–region fit: which clusters match a region's smart-specialisation priorities, and which
# regions' priorities match an organisation. A match is a priority with the ecosystems it shares.
FIT_SHOWN = 8


@dataclass
class Fit:
    """One organisation (or region) that fits, with its matches: ``(priority, [ecosystems])``."""

    organisation: Organisation | None = None
    region: Region | None = None
    matches: list = field(default_factory=list)


@dataclass
class ClusterFit:
    """The clusters that fit a region's priorities, inside the region and outside it."""

    inside: list = field(default_factory=list)
    inside_total: int = 0
    outside: list = field(default_factory=list)
    outside_total: int = 0
    ecosystem_keys: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.inside or self.outside)


def _matches(ecosystems, priorities) -> list:
    keys = {e.pk for e in ecosystems}
    found = []
    for priority in priorities:
        shared = [e for e in priority.ecosystems.all() if e.pk in keys]
        if shared:
            found.append((priority, shared))
    return found


def _fitting_clusters(ecosystem_ids):
    """Clusters with at least one of these ecosystems, the most shared first."""
    return (
        Organisation.objects.filter(
            kind__in=Organisation.CLUSTER_KINDS, ecosystems__in=ecosystem_ids
        )
        .annotate(fit=Count("ecosystems", distinct=True))
        .select_related("region")
        .prefetch_related(Prefetch("ecosystems", queryset=ecosystems()))
        .order_by("-fit", "name", "pk")
    )


def clusters_for_region(region, *, ancestors=None, shown=FIT_SHOWN) -> ClusterFit:
    """Clusters whose ecosystems meet the priorities of ``region`` (or of a region it lies in):
    those inside it, and those outside it as partners for interregional cooperation."""
    if region is None:
        return ClusterFit()
    ancestors = region_ancestors(region) if ancestors is None else ancestors
    codes = [region.code] + [a.code for a in ancestors]
    priorities = list(
        SmartSpecialisationPriority.objects.filter(region__in=codes)
        .order_by("position", "title")
        .prefetch_related(Prefetch("ecosystems", queryset=ecosystems()))
    )
    ecosystem_ids = sorted({e.pk for p in priorities for e in p.ecosystems.all()})
    if not ecosystem_ids:
        return ClusterFit()
    found = _fitting_clusters(ecosystem_ids)
    inside_q = Q(region__code__startswith=region.code)
    result = ClusterFit()
    for name, queryset in (
        ("inside", found.filter(inside_q)),
        ("outside", found.exclude(inside_q)),
    ):
        rows = list(queryset[:shown])
        total = len(rows) if len(rows) < shown else queryset.count()
        fits = [Fit(organisation=o, matches=_matches(o.ecosystems.all(), priorities)) for o in rows]
        setattr(result, name, fits)
        setattr(result, f"{name}_total", total)
    keys = {e.pk: e.key for p in priorities for e in p.ecosystems.all()}
    result.ecosystem_keys = [keys[pk] for pk in ecosystem_ids]
    return result


def regions_for_organisation(organisation, shown=FIT_SHOWN) -> list:
    """Regions whose smart-specialisation priorities meet the organisation's ecosystems, the
    most priorities matched first."""
    own = list(organisation.ecosystems.all())
    if not own:
        return []
    priorities = (
        SmartSpecialisationPriority.objects.filter(ecosystems__in=[e.pk for e in own])
        .distinct()
        .select_related("region")
        .prefetch_related(Prefetch("ecosystems", queryset=ecosystems()))
        .order_by("region__code", "position", "title")
    )
    by_region = {}
    for priority in priorities:
        by_region.setdefault(priority.region.code, []).append(priority)
    fits = [
        Fit(region=group[0].region, matches=_matches(own, group)) for group in by_region.values()
    ]
    fits.sort(
        key=lambda f: (
            -len(f.matches),
            -sum(len(shared) for _p, shared in f.matches),
            f.region.code,
        )
    )
    return fits[:shown]
