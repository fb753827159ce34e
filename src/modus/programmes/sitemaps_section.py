from django.contrib.sitemaps import Sitemap

from .models import Programme


class ProgrammeSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Programme.objects.order_by("slug")


def sitemap_sections():
    return {"programmes": ProgrammeSitemap}
