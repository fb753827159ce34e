from modus.web.sitemaps import TranslatedSitemap

from .selectors import published_articles


class ArticleSitemap(TranslatedSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return published_articles()

    def lastmod(self, item):
        return item.updated_at


def sitemap_sections():
    return {"news": ArticleSitemap}
