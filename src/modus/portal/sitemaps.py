"""The sitemap: the front pages, and each app's public pages from its
``sitemaps_section.sitemap_sections()``."""

from functools import cache

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.urls import reverse
from django.utils.module_loading import import_string
from django.views.decorators.http import require_GET

SITEMAP_APPS = [
    "modus.directory",
    "modus.news",
    "modus.programmes",
    "modus.events",
    "modus.selection",
]


class StaticPagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["web:home", "directory:index", "news:index", "programmes:index"]

    def location(self, item):
        return reverse(item)


@cache
def collect_sitemaps() -> dict:
    sections = {"pages": StaticPagesSitemap}
    for app in SITEMAP_APPS:
        sections.update(import_string(f"{app}.sitemaps_section.sitemap_sections")())
    return sections


@require_GET
def sitemap_view(request):
    """Public: the sitemap of every public page."""
    return sitemap(request, sitemaps=collect_sitemaps())
