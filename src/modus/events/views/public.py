from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .. import selectors


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


def session_detail(request, slug, session_slug):
    """Public: one session (to be built)."""
    raise Http404


def speaker_detail(request, person_slug):
    """Public: a speaker's sessions across the programme (to be built)."""
    raise Http404


def toggle_agenda_mark(request, slug, session_slug):
    """Logged-in users: mark a session for their personal agenda (to be built)."""
    raise Http404


def my_agenda(request):
    """Logged-in users: their personal agenda (to be built)."""
    raise Http404
