"""The error pages every app shares (the project's handler404 and handler500)."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

API_PREFIX = "/api/"
PROBLEM_CONTENT_TYPE = "application/problem+json"


def page_not_found(request, exception=None):
    """Public: the 404 page in the site's layout; under /api/ a problem document."""
    if request.path.startswith(API_PREFIX):
        problem = {
            "type": "about:blank",
            "title": "Not Found",
            "status": 404,
            "code": "not_found",
            "detail": _("Nothing is at this address."),
        }
        return JsonResponse(problem, status=404, content_type=PROBLEM_CONTENT_TYPE)
    return render(request, "web/404.html", status=404)


def server_error(request):
    """Public: a static 500 page that needs neither the database nor a template context."""
    return render(request, "web/500.html", status=500)
