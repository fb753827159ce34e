from django.contrib.sitemaps import Sitemap

from .selectors import public_events


class EventSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return public_events().order_by("starts_on")


def sitemap_sections():
    return {"events": EventSitemap}
