"""Reusable reads of the directory, each with the joins its pages need."""

from django.db.models import Prefetch

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
    return organisations().get(slug=slug)


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
