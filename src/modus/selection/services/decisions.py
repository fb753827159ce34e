"""Decisions: accept (a host call creates the draft event; a pitch is selected) or reject."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from modus.events.models import Event, EventOrganiser, Venue
from modus.events.services import bump_agenda_version, save_event
from modus.web.slugs import free_slug

from ..models import Application, Call
from ..time_zones import COUNTRY_TIME_ZONES
from . import notifications
from .calls import check_manager
from .errors import SelectionError
from .history import Action, log


def _decidable(application: Application) -> None:
    if application.status != Application.Status.SUBMITTED:
        raise SelectionError(
            _("Only a submitted application can be accepted or rejected."), code="not_submitted"
        )


def edition_name(programme, city: str) -> str:
    """The name of a new edition in ``city``, like the programme's other editions: the latest
    edition named after its city lends its name with the city swapped ("Clusters meet Regions:
    Katowice" → "Clusters meet Regions: Brno"); else "<programme>: <city>"."""
    editions = Event.objects.filter(programme=programme).exclude(city="").order_by("-starts_on")
    for edition in editions.only("name", "city")[:20]:
        if edition.city in edition.name:
            return edition.name.replace(edition.city, city)
    if not city:
        return programme.name
    return _("%(programme)s: %(city)s") % {"programme": programme.name, "city": city}


def _create_draft_event(application: Application) -> Event:
    """The edition an accepted host application proposes, as a draft its applicant co-hosts,
    named like the programme's other editions; its dates are those proposed, or empty until the
    co-hosts set them."""
    call = application.call
    region = application.region
    country = region.country_code if region else application.organisation.country_code
    city = application.city or (region.name if region else "")
    name = edition_name(call.programme, city)
    year = application.proposed_starts_on.year if application.proposed_starts_on else ""
    slug = free_slug(f"{call.programme.slug} {city} {year}", Event.objects.all(), fallback="event")
    venue = None
    if application.venue:
        venue, _created = Venue.objects.get_or_create(
            name=application.venue, city=city, defaults={"country_code": country}
        )
    event = save_event(
        slug=slug,
        name=name,
        programme=call.programme,
        city=city,
        country_code=country,
        region=region,
        venue=venue,
        starts_on=None,  # the proposed days are the application's; the co-hosts set them
        ends_on=None,
        time_zone=COUNTRY_TIME_ZONES.get(country, "Europe/Brussels"),
        description=application.summary,
        status=Event.Status.DRAFT,
        ecosystems=list(application.ecosystems.all()),
    )
    roles = [(call.programme.owner, EventOrganiser.Role.ORGANISER)]
    roles.append((application.organisation, EventOrganiser.Role.COHOST))
    roles += [(org, EventOrganiser.Role.PARTNER) for org in application.co_organisers.all()]
    for organisation, role in roles:
        EventOrganiser.objects.get_or_create(
            event=event, organisation=organisation, defaults={"role": role}
        )
    return event


@transaction.atomic
def accept_application(given: Application, *, actor, reasons: str = "") -> Application:
    """Accept: a host application becomes a draft event co-hosted by the applicant; a pitch is
    selected and goes to the end of the running order (within the session's places)."""
    application = Application.objects.select_for_update().get(pk=given.pk)
    call = application.call
    check_manager(actor, call)
    _decidable(application)
    if call.purpose == Call.Purpose.PITCHES:
        selected = call.applications.filter(status=Application.Status.ACCEPTED)
        if call.places and selected.count() >= call.places:
            raise SelectionError(
                _("All %(places)s places are taken; reject or withdraw a pitch first.")
                % {"places": call.places},
                code="no_places_left",
            )
        last = selected.aggregate(last=Max("running_order"))["last"] or 0
        application.running_order = last + 1
    else:
        application.created_event = _create_draft_event(application)
    application.status = Application.Status.ACCEPTED
    application.decision_reasons = reasons.strip()
    application.decided_at = timezone.now()
    application.decided_by = actor
    application.save()
    log(application, actor, Action.ACCEPTED, application.decision_reasons)
    if call.purpose == Call.Purpose.PITCHES:
        bump_agenda_version(call.session.event)
    notifications.application_changed(application, "accepted")
    given.refresh_from_db()
    return given


@transaction.atomic
def reject_application(given: Application, *, actor, reasons: str) -> Application:
    """Reject with reasons; the applicant receives them."""
    application = Application.objects.select_for_update().get(pk=given.pk)
    check_manager(actor, application.call)
    _decidable(application)
    reasons = (reasons or "").strip()
    if not reasons:
        raise SelectionError(
            {"reasons": [_("Give the applicant the reasons for the decision.")]},
            code="reasons_required",
        )
    application.status = Application.Status.REJECTED
    application.decision_reasons = reasons
    application.decided_at = timezone.now()
    application.decided_by = actor
    application.running_order = None
    application.save()
    log(application, actor, Action.REJECTED, reasons)
    if application.call.purpose == Call.Purpose.PITCHES:
        bump_agenda_version(application.call.session.event)
    notifications.application_changed(application, "rejected")
    given.refresh_from_db()
    return given
