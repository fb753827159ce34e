"""Calendars (iCalendar) and conference-app schedules (frab/C3VOC XML and JSON)."""

import hashlib

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.http import require_GET

from .. import calendars, frab
from ..selectors import public_events

CALENDAR_TYPE = "text/calendar; charset=utf-8"


def _public_event(slug):
    """A published, postponed or cancelled event; drafts do not exist for the public."""
    return get_object_or_404(public_events().select_related("venue"), slug=slug)


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


def _download(request, body: bytes, *, content_type: str, filename: str, etag: str | None = None):
    if etag:
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            return not_modified
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    if etag:
        response["ETag"] = etag
    return response


def _etag(key: str) -> str:
    return '"' + hashlib.blake2s(key.encode(), digest_size=12).hexdigest() + '"'


def _cached_export(request, slug: str, kind: str, build, *, content_type: str, filename: str):
    event = _public_event(slug)
    base_url = _base_url(request)
    body = frab.cached(kind, event, base_url, lambda: build(event, base_url=base_url))
    response = _download(
        request,
        body,
        content_type=content_type,
        filename=filename.format(slug=event.slug),
        etag=_etag(frab.cache_key(kind, event, base_url)),
    )
    patch_cache_control(response, public=True, max_age=300)
    return response


@require_GET
def event_ics(request, slug):
    """Public: the event and its sessions as iCalendar (published, postponed or cancelled)."""
    return _cached_export(
        request,
        slug,
        "ics",
        calendars.event_calendar,
        content_type=CALENDAR_TYPE,
        filename="{slug}.ics",
    )


@require_GET
def session_ics(request, slug, session_slug):
    """Public: one session of a published, postponed or cancelled event as iCalendar."""
    event = _public_event(slug)
    session = get_object_or_404(
        event.sessions.filter(held_back=False)
        .select_related("room")
        .prefetch_related(calendars.session_roles_prefetch())
        .in_language(),
        slug=session_slug,
    )
    session.event = event
    body = calendars.session_calendar(session, base_url=_base_url(request))
    return _download(
        request, body, content_type=CALENDAR_TYPE, filename=f"{event.slug}-{session.slug}.ics"
    )


@require_GET
def schedule_xml(request, slug):
    """Public: the frab/C3VOC schedule XML of a published, postponed or cancelled event."""
    return _cached_export(
        request,
        slug,
        "schedule.xml",
        frab.schedule_xml,
        content_type="application/xml; charset=utf-8",
        filename="schedule.xml",
    )


@require_GET
def schedule_json(request, slug):
    """Public: the frab/C3VOC schedule JSON of a published, postponed or cancelled event."""
    return _cached_export(
        request,
        slug,
        "schedule.json",
        frab.schedule_json,
        content_type="application/json",
        filename="schedule.json",
    )


@require_GET
def my_agenda_ics(request, token):
    """Whoever holds the user's secret calendar link: their personal agenda (sessions they
    speak in or marked). A tampered or unknown token answers 404."""
    user = calendars.user_for_personal_agenda_token(token)
    if user is None:
        raise Http404
    body = calendars.personal_agenda_calendar(user, base_url=_base_url(request))
    response = _download(request, body, content_type=CALENDAR_TYPE, filename="my-agenda.ics")
    patch_cache_control(response, private=True, no_cache=True)
    return response
