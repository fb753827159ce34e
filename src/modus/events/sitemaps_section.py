from modus.web.sitemaps import TranslatedSitemap

from .selectors import public_events


class EventSitemap(TranslatedSitemap):
    changefreq = "weekly"

    def items(self):
        return public_events().order_by("starts_on")


def sitemap_sections():
    return {"events": EventSitemap}
