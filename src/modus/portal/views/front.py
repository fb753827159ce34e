"""The front pages above every domain app: the home page, robots.txt and the health check."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from modus.events.selectors import past_events, upcoming_events
from modus.news.selectors import latest_articles


@require_GET
def home(request):
    """Public: the latest news and what is coming."""
    return render(
        request,
        "portal/home.html",
        {
            "articles": latest_articles(limit=6),
            "upcoming_events": upcoming_events(limit=5),
            "recent_events": past_events(limit=3),
        },
    )


@require_GET
def health(request):
    """Public: a liveness probe for load balancers."""
    return JsonResponse({"status": "ok"})


@require_GET
def robots_txt(request):
    """Public."""
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    body = f"User-agent: *\nDisallow: /admin/\nDisallow: /accounts/\nSitemap: {sitemap}\n"
    return HttpResponse(body, content_type="text/plain")
