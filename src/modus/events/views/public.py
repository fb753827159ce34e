from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from modus.accounts.models import Person
from modus.web.translations import requested_language

from .. import selectors, services
from ..forms import AgendaFilterForm
from ..models import Event, Registration, Session
from ..recordings import embed_for

AGENDA_CACHE_SECONDS = 60 * 60
EVENT_BODY_CACHE_SECONDS = 120


@require_GET
def event_list(request):
    """Public: upcoming and past events."""
    past = Paginator(selectors.past_events(), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "events/event_list.html",
        {"upcoming_events": selectors.upcoming_events(), "page_obj": past},
    )


def agenda_cache_key(event, *, room, kind, part="agenda") -> str:
    """Changes to the agenda (agenda_version) or the event (updated_at) make a new key."""
    return ":".join(
        str(value)
        for value in (
            f"events:{part}",
            event.pk,
            event.agenda_version,
            event.updated_at.timestamp(),
            translation.get_language(),
            requested_language(),
            room or "",
            kind or "",
        )
    )


def agenda_html(event, form: AgendaFilterForm) -> str:
    """The agenda with its filter form, rendered once per agenda version, language and filter."""
    filters = form.filters()
    cacheable = not form.errors
    key = agenda_cache_key(event, **filters)
    html = cache.get(key) if cacheable else None
    if html is None:
        agenda = selectors.event_agenda(event, **filters)
        form.offer(agenda.rooms, agenda.kinds)
        html = render_to_string(
            "events/public/_agenda.html",
            {"event": event, "agenda": agenda, "form": form, "filtered": any(filters.values())},
        )
        if cacheable:
            cache.set(key, str(html), AGENDA_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - our own template's output, escaped when it was rendered


def language_name(code: str) -> str:
    """The language's name in the reader's language, or its code when Django does not know it."""
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return code


def event_body_html(event, form: AgendaFilterForm) -> str:
    """Everything of the event page below the site's header, cached for a few minutes.

    Organisers, thematic focus, venue and report can change without touching the event row,
    so this part lives only ``EVENT_BODY_CACHE_SECONDS``; the agenda inside it stays cached
    until the agenda changes.
    """
    filters = form.filters()
    cacheable = not form.errors
    key = agenda_cache_key(event, **filters, part="event-body")
    html = cache.get(key) if cacheable else None
    if html is None:
        event = selectors.prefetch_event_page(selectors.event_for_page(event.slug))
        report = event.report if event.report and event.report.is_public else None
        co_located = event.co_located_with
        if co_located is not None and co_located.status not in selectors.PUBLIC_STATUSES:
            co_located = None
        html = render_to_string(
            "events/public/_event_body.html",
            {
                "event": event,
                "agenda_html": agenda_html(event, form),
                "report": report,
                "co_located": co_located,
                "event_languages": [language_name(code) for code in event.languages],
            },
        )
        if cacheable:
            cache.set(key, str(html), EVENT_BODY_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - our own template's output, escaped when it was rendered


@require_GET
def event_detail(request, slug):
    """Public: one published, postponed or cancelled event with its agenda by day."""
    form = AgendaFilterForm(request.GET or None)
    try:
        event = selectors.public_event_stamp(slug)
        body_html = event_body_html(event, form)
    except Event.DoesNotExist as error:  # also when it was unpublished a moment ago
        raise Http404 from error
    registration = position = None
    if request.user.is_authenticated:
        registration = selectors.registration_of(event, request.user)
        if registration is not None and registration.status == Registration.Status.CANCELLED:
            registration = None
        if registration is not None:
            position = selectors.waiting_list_position(registration)
    return render(
        request,
        "events/public/event_detail.html",
        {
            "event": event,
            "body_html": body_html,
            "registration": registration,
            "waiting_position": position,
            "can_register": event.registration_open and event.status == Event.Status.PUBLISHED,
            "canonical_url": request.build_absolute_uri(event.get_absolute_url()),
        },
    )


def _public_session_or_404(slug, session_slug):
    try:
        return selectors.public_session(slug, session_slug)
    except Session.DoesNotExist as error:
        raise Http404 from error


@require_GET
def session_detail(request, slug, session_slug):
    """Public: one session of a public event, its people, materials and recording."""
    session = _public_session_or_404(slug, session_slug)
    return render(
        request,
        "events/public/session_detail.html",
        {
            "event": session.event,
            "session": session,
            "embed": embed_for(session.recording_url) if session.recording_url else None,
            "marked": selectors.is_marked(request.user, session),
            "canonical_url": request.build_absolute_uri(session.get_absolute_url()),
        },
    )


@require_GET
def speaker_detail(request, person_slug):
    """Public: a person with a public profile or a role in a public event, and their sessions."""
    try:
        person = selectors.public_people().get(slug=person_slug)
    except Person.DoesNotExist as error:
        raise Http404 from error
    return render(
        request,
        "events/public/speaker_detail.html",
        {"person": person, "events": selectors.speaker_sessions(person)},
    )


@login_required
@require_POST
def toggle_agenda_mark(request, slug, session_slug):
    """Logged-in users: add a session to their personal agenda or take it off."""
    session = _public_session_or_404(slug, session_slug)
    try:
        marked = services.toggle_agenda_mark(user=request.user, session=session)
    except services.EventError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("Added to your agenda.") if marked else _("Taken off your agenda."),
        )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = session.get_absolute_url()
    return redirect(target)


@require_GET
def my_agenda(request):
    """Anybody: the one "My agenda" is the portal's now (sessions and meetings together)."""
    return redirect("web:my-agenda", permanent=True)
