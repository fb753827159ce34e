"""The REST API, version 1. Reads are public; writes need a token or a session.

Views are thin: selectors give the data, serializers check input, services write.
"""

import django_filters
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, mixins, permissions, status, viewsets
from rest_framework.response import Response

from modus.directory.models import Ecosystem, Organisation, Region, SmartSpecialisationPriority
from modus.directory.selectors import organisations, search_organisations
from modus.events import services
from modus.events.models import Event, Session, SessionRole
from modus.events.permissions import is_cohost
from modus.events.selectors import public_events
from modus.news.selectors import published_articles
from modus.programmes.models import Programme

from . import serializers
from .permissions import IsOrganisationAdminOrReadOnly
from .problems import ProblemSerializer
from .throttling import AnonymousBurstThrottle

PROBLEM = OpenApiResponse(ProblemSerializer, description="A problem document (RFC 9457).")


class PublicReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """Public. Anyone may read; nobody writes through these endpoints."""

    permission_classes = [permissions.AllowAny]
    throttle_classes = [AnonymousBurstThrottle]


# Organisations ----------------------------------------------------------------------------------

ORGANISATION_FILTERS = [
    OpenApiParameter("search", str, description="Words to look for (full-text search)."),
    OpenApiParameter("kind", str, enum=Organisation.Kind.values, description="Kind of body."),
    OpenApiParameter("country", str, description="Two-letter country code, e.g. PL."),
    OpenApiParameter("region", str, description="NUTS code; includes its sub-regions."),
    OpenApiParameter("ecosystem", str, description="Key of an industrial ecosystem."),
    OpenApiParameter(
        "label", str, enum=[v for v in Organisation.Label.values if v], description="Label."
    ),
]


@extend_schema_view(
    list=extend_schema(
        summary="Search the directory of organisations",
        parameters=ORGANISATION_FILTERS,
    ),
    retrieve=extend_schema(
        summary="One organisation",
        responses={200: serializers.OrganisationDetailSerializer, 404: PROBLEM},
    ),
    partial_update=extend_schema(
        summary="Change an organisation's profile (its admins only)",
        request=serializers.OrganisationUpdateSerializer,
        responses={
            200: serializers.OrganisationDetailSerializer,
            400: PROBLEM,
            401: PROBLEM,
            403: PROBLEM,
            404: PROBLEM,
        },
    ),
)
class OrganisationViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Public reads. PATCH: the organisation's admins and staff (token or session).

    Anonymous writers get 401, other signed-in users 403.
    """

    lookup_field = "slug"
    http_method_names = ["get", "patch", "head", "options"]
    permission_classes = [IsOrganisationAdminOrReadOnly]
    throttle_classes = [AnonymousBurstThrottle]
    filter_backends = []  # the directory's search does the filtering

    def get_queryset(self):
        if self.action != "list":
            return organisations()
        params = self.request.query_params
        return search_organisations(
            params.get("search", "").strip(),
            kind=params.get("kind") or None,
            country=(params.get("country") or "").upper() or None,
            region=(params.get("region") or "").upper() or None,
            ecosystem=params.get("ecosystem") or None,
            label=params.get("label") or None,
        )

    def get_serializer_class(self):
        if self.action == "list":
            return serializers.OrganisationSerializer
        if self.action == "partial_update":
            return serializers.OrganisationUpdateSerializer
        return serializers.OrganisationDetailSerializer

    def update(self, request, *args, **kwargs):
        organisation = self.get_object()
        serializer = serializers.OrganisationUpdateSerializer(
            organisation, data=request.data, partial=True, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        serializer.save()
        fresh = organisations().get(pk=organisation.pk)
        return Response(
            serializers.OrganisationDetailSerializer(
                fresh, context=self.get_serializer_context()
            ).data
        )


# Regions and ecosystems ---------------------------------------------------------------------------


class RegionFilter(django_filters.FilterSet):
    level = django_filters.NumberFilter(help_text="NUTS level: 0 (country) to 3.")
    country = django_filters.CharFilter(
        field_name="country_code", lookup_expr="iexact", help_text="Two-letter country code."
    )

    class Meta:
        model = Region
        fields = ["level", "country"]


@extend_schema_view(
    list=extend_schema(summary="NUTS regions"),
    retrieve=extend_schema(
        summary="One region with its smart-specialisation priorities",
        responses={200: serializers.RegionSerializer, 404: PROBLEM},
    ),
)
class RegionViewSet(PublicReadOnlyViewSet):
    """Public. NUTS regions with their sub-regions and smart-specialisation priorities."""

    serializer_class = serializers.RegionSerializer
    filterset_class = RegionFilter
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z0-9]+"

    def get_queryset(self):
        priorities = SmartSpecialisationPriority.objects.order_by(
            "position", "title"
        ).prefetch_related(
            Prefetch("ecosystems", queryset=Ecosystem.objects.order_by("position", "label"))
        )
        return Region.objects.order_by("code").prefetch_related(
            Prefetch("children", queryset=Region.objects.order_by("code").only("code", "parent")),
            Prefetch("priorities", queryset=priorities),
        )

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()


@extend_schema_view(
    list=extend_schema(summary="The EU's industrial ecosystems"),
    retrieve=extend_schema(
        summary="One industrial ecosystem",
        responses={200: serializers.EcosystemSerializer, 404: PROBLEM},
    ),
)
class EcosystemViewSet(PublicReadOnlyViewSet):
    """Public. The 14 industrial ecosystems, by key."""

    serializer_class = serializers.EcosystemSerializer
    queryset = Ecosystem.objects.order_by("position", "label")
    lookup_field = "key"


# News, programmes, events -----------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="Published news articles, newest first"),
    retrieve=extend_schema(
        summary="One published article",
        responses={200: serializers.ArticleSerializer, 404: PROBLEM},
    ),
)
class ArticleViewSet(PublicReadOnlyViewSet):
    """Public. Published articles only; drafts and scheduled articles stay hidden."""

    serializer_class = serializers.ArticleSerializer
    lookup_field = "slug"
    filterset_fields = ["language"]

    def get_queryset(self):
        return published_articles().order_by("-published_at", "-pk")


@extend_schema_view(
    list=extend_schema(summary="Programmes (series of events)"),
    retrieve=extend_schema(
        summary="One programme",
        responses={200: serializers.ProgrammeSerializer, 404: PROBLEM},
    ),
)
class ProgrammeViewSet(PublicReadOnlyViewSet):
    """Public. Every programme with its owner organisation."""

    serializer_class = serializers.ProgrammeSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return Programme.objects.select_related("owner").order_by("-starts_on", "pk")


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

    class Meta:
        model = Event
        fields = ["programme", "region", "country", "date"]

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


def _agenda_sessions():
    roles = SessionRole.objects.select_related("person__organisation").order_by("position", "pk")
    return (
        Session.objects.select_related("room")
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
        fresh = _agenda_sessions().select_related("event").get(pk=session.pk)
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


__all__ = [
    "ArticleViewSet",
    "EcosystemViewSet",
    "EventSessionViewSet",
    "EventViewSet",
    "OrganisationViewSet",
    "ProgrammeViewSet",
    "RegionViewSet",
]
