from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.urls import reverse

from modus.web.sitemaps import TranslatedSitemap

from .models import Organisation, Region


class OrganisationSitemap(TranslatedSitemap):
    """One entry per language of each organisation's description."""

    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Organisation.objects.only(
            "slug", "updated_at", "original_language", "translations"
        ).order_by("slug")

    def lastmod(self, organisation):
        return organisation.updated_at


class RegionSitemap(Sitemap):
    """Countries and NUTS 1-2 regions, and any region with organisations or priorities."""

    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return (
            Region.objects.filter(
                Q(level__lte=2) | Q(organisations__isnull=False) | Q(priorities__isnull=False)
            )
            .only("code")
            .distinct()
            .order_by("code")
        )

    def location(self, region):
        return reverse("directory:region", kwargs={"code": region.code})


def sitemap_sections():
    return {"organisations": OrganisationSitemap, "regions": RegionSitemap}
