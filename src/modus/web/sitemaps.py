"""A sitemap section for translatable objects: one entry per language of each object, each
with ``hreflang`` alternates (``?lang=`` addresses, see ``ContentLanguageMiddleware``)."""

from django.contrib.sitemaps import Sitemap
from django.utils import translation
from django.utils.http import urlencode


class TranslatedSitemap(Sitemap):
    i18n = True
    alternates = True

    def get_languages_for_item(self, item):
        return item.text_languages

    def location(self, item):
        url = item.get_absolute_url()
        if len(item.text_languages) < 2:
            return url
        return f"{url}?{urlencode({'lang': translation.get_language()})}"
