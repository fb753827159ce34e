"""Atom and RSS feeds of the latest published articles. Public."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from modus.web.translations import language_url

from .selectors import latest_articles
from .services import plain_text

FEED_LENGTH = 20


class RssArticleFeed(Feed):
    """Public: the latest published articles as RSS 2.0."""

    title = _("Modus news")
    link = reverse_lazy("news:index")
    description = _("News from cluster–region collaboration programmes.")

    def items(self):
        return latest_articles(limit=FEED_LENGTH)

    def item_link(self, item):
        return language_url(item.get_absolute_url(), item)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead or plain_text(item.body)[:500]

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author_organisation.name if item.author_organisation else None


class AtomArticleFeed(RssArticleFeed):
    """Public: the latest published articles as Atom 1.0."""

    feed_type = Atom1Feed
    subtitle = RssArticleFeed.description
