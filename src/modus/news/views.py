"""Public news pages: the list and one article. Feeds live in ``feeds.py``."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from modus.web.translations import language_url

from .forms import ArticleFilterForm
from .selectors import article_for_viewer, published_articles

ARTICLES_PER_PAGE = 10


@require_GET
def article_list(request):
    """Public: published articles, newest first, ten a page, optionally those available in one
    language or matching a search in any language."""
    form = ArticleFilterForm(request.GET or None)
    valid = form.is_valid()
    language = form.cleaned_data["language"] if valid else ""
    query = form.cleaned_data["q"] if valid else ""
    articles = published_articles(language=language or None, query=query)
    page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "news/article_list.html",
        {"form": form, "page_obj": page, "articles": page.object_list, "language": language},
    )


@require_GET
def article_detail(request, slug):
    """Public for published articles; drafts and scheduled articles only for staff."""
    article = article_for_viewer(slug, request.user)
    if article is None:
        raise Http404
    canonical_url = request.build_absolute_uri(article.get_absolute_url())
    return render(
        request,
        "news/article_detail.html",
        {
            "article": article,
            "is_public": article.is_public,
            "absolute_url": language_url(canonical_url, article),
            "canonical_url": canonical_url,
            "image_url": request.build_absolute_uri(article.image.url) if article.image else "",
        },
    )
