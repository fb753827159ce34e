"""The sitemap: each app adds its public pages through `sitemaps_section.sitemap_sections()`."""

from functools import cache
from importlib import import_module

from django.contrib.sitemaps.views import sitemap
from django.views.decorators.http import require_GET

SITEMAP_APPS = [
    "modus.web",
    "modus.directory",
    "modus.news",
    "modus.programmes",
    "modus.events",
    "modus.selection",
]


@cache
def collect_sitemaps() -> dict:
    sections = {}
    for app in SITEMAP_APPS:
        try:
            module = import_module(f"{app}.sitemaps_section")
        except ModuleNotFoundError:
            continue
        sections.update(module.sitemap_sections())
    return sections


@require_GET
def sitemap_view(request):
    """Public: the sitemap of every public page."""
    return sitemap(request, sitemaps=collect_sitemaps())
