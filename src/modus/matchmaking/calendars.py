"""A personal agenda as iCalendar (RFC 5545): one VEVENT per item, times in UTC, stable UIDs."""

import datetime as dt
from urllib.parse import urljoin

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from .selectors.agenda import Agenda

PRODID = "-//Modus//Matchmaking//EN"


def agenda_calendar(agenda: Agenda, *, base_url: str) -> bytes:
    """The agenda as iCalendar, in the active language."""
    event = agenda.event
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("My agenda at %(event)s") % {"event": event.name})
    calendar.add("x-wr-timezone", event.time_zone)
    stamp = timezone.now()
    for item in agenda.items:
        component = icalendar.Event()
        component.add("uid", item.uid)
        component.add("dtstamp", stamp)
        component.add("dtstart", item.starts_at.astimezone(dt.UTC))
        component.add("dtend", item.ends_at.astimezone(dt.UTC))
        component.add("summary", item.title)
        if item.location:
            component.add("location", item.location)
        if item.kind == "meeting":
            lines = []
            for other in item.others:
                line = other.display_name
                if other.organisation_id:
                    line += f" ({other.organisation.name})"
                lines.append(line)
                if other.offers:
                    lines.append(_("Offers: %(text)s") % {"text": other.offers})
                if other.seeks:
                    lines.append(_("Seeks: %(text)s") % {"text": other.seeks})
            component.add("description", "\n".join(lines))
            component.add("categories", [_("Meeting")])
        if item.url:
            component.add("url", urljoin(base_url, item.url))
        calendar.add_component(component)
    return calendar.to_ical()
