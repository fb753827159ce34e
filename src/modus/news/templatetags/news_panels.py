"""Panels of news on other apps' pages, which ``{% load news_panels %}`` them (the directory
shows the articles about an organisation without importing this app)."""

from django import template

from ..selectors import published_articles

register = template.Library()


@register.inclusion_tag("news/panels/organisation_articles.html")
def organisation_articles(organisation, limit=10):
    """The newest published articles about the organisation."""
    articles = published_articles().filter(organisations=organisation)
    return {"articles": articles.order_by("-published_at")[:limit]}
