from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from modus.web.sitemaps import TranslatedSitemap

from .models import Call


class CallSitemap(TranslatedSitemap):
    """One entry per language of each public call, with hreflang alternates."""

    changefreq = "weekly"

    def items(self):
        return Call.objects.exclude(status=Call.Status.DRAFT).order_by("slug")

    def lastmod(self, call):
        return call.updated_at


class PitchResultsSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Call.objects.filter(purpose=Call.Purpose.PITCHES, results_published=True).order_by(
            "slug"
        )

    def location(self, call):
        return reverse("selection:results", kwargs={"slug": call.slug})


def sitemap_sections():
    return {"calls": CallSitemap, "pitch-results": PitchResultsSitemap}
