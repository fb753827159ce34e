"""The events API: public events with their agendas, and co-hosts' writes to sessions.

Views are thin: selectors give the data, serializers check input, services write.
"""

import django_filters
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, permissions, status, viewsets
from rest_framework.response import Response

from modus.api.problems import PROBLEM
from modus.api.views import PublicReadOnlyViewSet

from .. import services
from ..models import Event, Session, SessionRole
from ..permissions import is_cohost
from ..selectors import public_events, search_events
from . import serializers


class EventFilter(django_filters.FilterSet):
    programme = django_filters.CharFilter(
        field_name="programme__slug", help_text="Slug of the programme."
    )
    region = django_filters.CharFilter(
        method="filter_region", help_text="NUTS code of the host region; includes sub-regions."
    )
    country = django_filters.CharFilter(
        field_name="country_code", lookup_expr="iexact", help_text="Two-letter country code."
    )
    date = django_filters.DateFilter(
        method="filter_date", help_text="Events running on this day (YYYY-MM-DD)."
    )
    search = django_filters.CharFilter(
        method="filter_search",
        help_text="Words to look for in the name, description or city, in any language.",
    )

    class Meta:
        model = Event
        fields = ["programme", "region", "country", "date", "search"]

    def filter_search(self, queryset, name, value):
        return search_events(queryset, value)

    def filter_region(self, queryset, name, value):
        return queryset.filter(region__code__startswith=value.upper())

    def filter_date(self, queryset, name, value):
        return queryset.filter(Q(starts_on__lte=value) & Q(ends_on__gte=value))


@extend_schema_view(
    list=extend_schema(summary="Public events, in date order"),
    retrieve=extend_schema(
        summary="One public event with its sessions",
        responses={200: serializers.EventDetailSerializer, 404: PROBLEM},
    ),
)
class EventViewSet(PublicReadOnlyViewSet):
    """Public. Published, postponed and cancelled events; drafts stay hidden."""

    serializer_class = serializers.EventSerializer
    filterset_class = EventFilter
    lookup_field = "slug"

    def get_queryset(self):
        events = public_events().order_by("starts_on", "pk")
        if self.action == "retrieve":
            events = events.prefetch_related(Prefetch("sessions", queryset=_agenda_sessions()))
        return events

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.EventDetailSerializer
        return serializers.EventSerializer


def _agenda_sessions(*, public=True):
    """The agenda's sessions; the public's leave out those held back for a clash."""
    roles = SessionRole.objects.select_related("person__organisation").order_by("position", "pk")
    return (
        Session.objects.filter(**({"held_back": False} if public else {}))
        .select_related("room")
        .prefetch_related(Prefetch("roles", queryset=roles))
        .order_by("starts_at", "room__position", "title")
    )


EVENT_SLUG = OpenApiParameter(
    "event_slug", str, OpenApiParameter.PATH, description="Slug of the event."
)
SESSION_SLUG = OpenApiParameter(
    "session_slug", str, OpenApiParameter.PATH, description="Slug of the session in the event."
)
SESSION_WRITE_ERRORS = {400: PROBLEM, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM}


@extend_schema_view(
    create=extend_schema(
        summary="Add a session to an event's agenda (its co-hosts only)",
        parameters=[EVENT_SLUG],
        request=serializers.SessionWriteSerializer,
        responses={201: serializers.SessionSerializer, **SESSION_WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Change a session (the event's co-hosts only)",
        parameters=[EVENT_SLUG, SESSION_SLUG],
        request=serializers.SessionWriteSerializer,
        responses={200: serializers.SessionSerializer, **SESSION_WRITE_ERRORS},
    ),
    destroy=extend_schema(
        summary="Remove a session (the event's co-hosts only)",
        parameters=[EVENT_SLUG, SESSION_SLUG],
        responses={204: None, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM},
    ),
)
class EventSessionViewSet(viewsets.GenericViewSet):
    """Co-hosts and organisers of the event (and staff), with a token or a session.

    Anonymous writers get 401, other signed-in users 403 (``not_cohost``). Writes go through
    ``events.services``, which check the same rule again.
    """

    queryset = Session.objects.none()
    serializer_class = serializers.SessionWriteSerializer
    permission_classes = [permissions.IsAuthenticated]
    lookup_field = "slug"
    lookup_url_kwarg = "session_slug"
    http_method_names = ["post", "patch", "delete", "options"]
    filter_backends = []
    pagination_class = None

    def get_event(self) -> Event:
        event = get_object_or_404(Event, slug=self.kwargs["event_slug"])
        if not is_cohost(self.request.user, event):
            raise exceptions.PermissionDenied(
                _("Only the co-hosts of this event may change it."), code="not_cohost"
            )
        return event

    def get_session(self, event) -> Session:
        return get_object_or_404(Session, event=event, slug=self.kwargs["session_slug"])

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if "event_slug" in self.kwargs and not getattr(self, "swagger_fake_view", False):
            context["event"] = self._event
        return context

    def _written(self, session, status_code):
        fresh = _agenda_sessions(public=False).select_related("event").get(pk=session.pk)
        data = serializers.SessionSerializer(fresh, context={"request": self.request}).data
        return Response(data, status=status_code)

    def create(self, request, *args, **kwargs):
        self._event = self.get_event()
        serializer = serializers.SessionWriteSerializer(
            data=request.data, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        session = services.create_session(
            self._event, actor=request.user, **serializer.service_fields()
        )
        return self._written(session, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        self._event = self.get_event()
        session = self.get_session(self._event)
        serializer = serializers.SessionWriteSerializer(
            session, data=request.data, partial=True, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        session = services.update_session(
            session, actor=request.user, **serializer.service_fields()
        )
        return self._written(session, status.HTTP_200_OK)

    def destroy(self, request, *args, **kwargs):
        self._event = self.get_event()
        services.delete_session(self.get_session(self._event), actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
