from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from . import selectors


@require_GET
def event_list(request):
    """Public: upcoming and past events."""
    past = Paginator(selectors.past_events(), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "events/event_list.html",
        {"upcoming_events": selectors.upcoming_events(), "page_obj": past},
    )


@require_GET
def event_detail(request, slug):
    """Public: one published, postponed or cancelled event."""
    event = get_object_or_404(
        selectors.public_events().prefetch_related("organiser_roles__organisation"), slug=slug
    )
    return render(request, "events/event_detail.html", {"event": event})
