from modus.web.sitemaps import TranslatedSitemap

from .models import Programme


class ProgrammeSitemap(TranslatedSitemap):
    changefreq = "weekly"

    def items(self):
        return Programme.objects.order_by("slug")


def sitemap_sections():
    return {"programmes": ProgrammeSitemap}
