"""Reads of events: the public lists, the event page, an organisation's history."""

from collections import OrderedDict
from dataclasses import dataclass

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext

from modus.directory.models import Ecosystem
from modus.directory.reference import country_name
from modus.web.translation_search import query_words, search_translated

from ..models import Event, EventOrganiser, Registration, SessionRole

PUBLIC_STATUSES = (Event.Status.PUBLISHED, Event.Status.POSTPONED, Event.Status.CANCELLED)


def public_events():
    """Events the public sees, shown in the reader's language."""
    return (
        Event.objects.filter(status__in=PUBLIC_STATUSES)
        .select_related("region", "programme")
        .in_language()
    )


def search_events(events, query: str):
    """The events among ``events`` whose name, description or city hold every word of
    ``query``, in the original or any translation."""
    words = query_words(query)
    if not words:
        return events
    by_city = Q()
    for word in words:
        by_city &= Q(city__icontains=word)
    return (search_translated(events, query) | events.filter(by_city)).distinct()


def upcoming_events(*, limit=None, region=None):
    events = public_events().filter(ends_on__gte=timezone.localdate()).order_by("starts_on")
    if region is not None:
        events = events.filter(region__code__startswith=region.code)
    return events[:limit] if limit else events


def past_events(*, limit=None, region=None):
    events = public_events().filter(ends_on__lt=timezone.localdate()).order_by("-starts_on")
    if region is not None:
        events = events.filter(region__code__startswith=region.code)
    return events[:limit] if limit else events


def programme_events(programme):
    """A programme's public editions, the newest first (for its feed)."""
    return public_events().filter(programme=programme).order_by("-starts_on", "pk")


# The event page --------------------------------------------------------------------------------


def event_for_page(slug):
    """The public event with this slug, with what its page shows beside it (1 query)."""
    return public_events().select_related("venue", "co_located_with", "report").get(slug=slug)


def public_event_stamp(slug):
    """Just enough of the public event to find its cached page: no joins (1 query)."""
    return (
        Event.objects.filter(status__in=PUBLIC_STATUSES)
        .only(
            "pk",
            "slug",
            "name",
            "description",
            "status",
            "registration_open",
            "agenda_version",
            "updated_at",
            "original_language",
            "translations",
        )
        .in_language()
        .get(slug=slug)
    )


def prefetch_event_page(event):
    """Load the event's organisers and thematic focus for its page (3 queries)."""
    prefetch_related_objects(
        [event],
        Prefetch(
            "organiser_roles",
            queryset=EventOrganiser.objects.select_related("organisation").order_by(
                "role", "organisation__name"
            ),
        ),
        Prefetch("ecosystems", queryset=Ecosystem.objects.order_by("position", "label")),
        "priorities",
    )
    return event


# An organisation's history ---------------------------------------------------------------------


@dataclass
class ProgrammeHistory:
    programme: object
    events: list
    countries: list

    @property
    def countries_text(self) -> str:
        """ "Spain, Lithuania and Poland", in the reader's language."""
        if len(self.countries) < 2:
            return "".join(self.countries)
        return gettext("%(list)s and %(last)s") % {
            "list": ", ".join(self.countries[:-1]),
            "last": self.countries[-1],
        }


def organisation_history(organisation) -> list[ProgrammeHistory]:
    """Public events the organisation organised, spoke at or attended, grouped by programme.

    Attendance counts only confirmed participants who agreed to appear on attendee lists;
    the others are never counted or shown. Two queries, whatever the history's length.
    """
    attendees = (
        Registration.objects.filter(
            event=OuterRef("pk"),
            organisation=organisation,
            status=Registration.Status.CONFIRMED,
            consent_attendee_list=True,
        )
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    events = (
        public_events()
        .annotate(
            organised=Exists(
                EventOrganiser.objects.filter(event=OuterRef("pk"), organisation=organisation)
            ),
            spoke=Exists(
                SessionRole.objects.filter(
                    session__event=OuterRef("pk"), person__organisation=organisation
                )
            ),
            attendee_count=Coalesce(Subquery(attendees, output_field=IntegerField()), Value(0)),
        )
        .filter(Q(organised=True) | Q(spoke=True) | Q(attendee_count__gt=0))
        .prefetch_related(
            Prefetch(
                "organiser_roles",
                queryset=EventOrganiser.objects.filter(organisation=organisation),
                to_attr="roles_of_organisation",
            )
        )
        .order_by("programme__name", "-starts_on")
    )
    grouped: OrderedDict[object, list] = OrderedDict()
    for event in events:
        grouped.setdefault(event.programme_id, []).append(event)
    history = []
    for items in grouped.values():
        codes = []
        for event in sorted(items, key=lambda e: e.starts_on):
            if event.country_code and event.country_code not in codes:
                codes.append(event.country_code)
        history.append(
            ProgrammeHistory(items[0].programme, items, [str(country_name(c)) for c in codes])
        )
    return history
