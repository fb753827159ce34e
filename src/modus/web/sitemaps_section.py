from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class StaticPagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["web:home", "directory:index", "news:index", "programmes:index"]

    def location(self, item):
        return reverse(item)


def sitemap_sections():
    return {"pages": StaticPagesSitemap}
