from .models import Article


def published_articles():
    return Article.objects.published().select_related("author_organisation")


def latest_articles(*, limit=10):
    return published_articles().order_by("-published_at")[:limit]
