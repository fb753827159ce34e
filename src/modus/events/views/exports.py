from django.http import Http404


def event_ics(request, slug):
    """Public: the event as iCalendar (to be built)."""
    raise Http404


def session_ics(request, slug, session_slug):
    """Public: one session as iCalendar (to be built)."""
    raise Http404


def schedule_xml(request, slug):
    """Public: the frab/C3VOC schedule XML (to be built)."""
    raise Http404


def schedule_json(request, slug):
    """Public: the frab/C3VOC schedule JSON (to be built)."""
    raise Http404


def my_agenda_ics(request, token):
    """Whoever holds the user's secret calendar link: their personal agenda (to be built)."""
    raise Http404
