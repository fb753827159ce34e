"""Reusable reads of news articles, with the related rows each page needs."""

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q

from modus.accounts.permissions import is_staff
from modus.directory.models import Organisation, Region
from modus.events.selectors import public_events
from modus.web.translation_search import search_translated

from .models import Article


def published_articles(*, language=None, query=""):
    """Articles the public may read (published, publication time reached), newest first, shown
    in the reader's language; ``language`` keeps those available in it, ``query`` those whose
    text in any language matches."""
    articles = (
        Article.objects.published()
        .select_related("author_organisation")
        .order_by("-published_at", "-created_at", "-pk")
        .in_language()
    )
    if language:
        articles = articles.filter(Q(language=language) | Q(translations__has_key=language))
    if query:
        articles = search_translated(articles, query)
    return articles


def latest_articles(*, limit=10, language=None):
    return published_articles(language=language)[:limit]


def _with_links(articles):
    return articles.select_related("author_organisation").prefetch_related(
        Prefetch("organisations", queryset=Organisation.objects.order_by("name")),
        Prefetch("regions", queryset=Region.objects.order_by("code")),
        Prefetch("events", queryset=public_events().order_by("starts_on")),
    )


def article_for_viewer(slug, user):
    """The article with this slug if ``user`` may read it (drafts: staff only), else None."""
    articles = Article.objects.all() if is_staff(user) else Article.objects.published()
    return _with_links(articles).filter(slug=slug).in_language().first()


def articles_by_author(user) -> list[dict]:
    """The articles written by the user, for the personal-data export: those whose fields point
    to the user (articles have no user author yet, so the list is empty for now)."""
    author_fields = [
        field.name
        for field in Article._meta.get_fields()
        if field.many_to_one and field.concrete and field.related_model is get_user_model()
    ]
    return [
        {"slug": article.slug, "title": article.title, "created": article.created_at.isoformat()}
        for name in author_fields
        for article in Article.objects.filter(**{name: user})
    ]
