"""The error pages every app shares (the project's handler404 and handler500)."""

from django.shortcuts import render


def page_not_found(request, exception=None):
    """Public: the 404 page in the site's layout."""
    return render(request, "web/404.html", status=404)


def server_error(request):
    """Public: a static 500 page that needs neither the database nor a template context."""
    return render(request, "web/500.html", status=500)
