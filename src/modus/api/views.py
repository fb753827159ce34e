"""The REST API, version 1. Reads are public; writes need a token or a session.

Views are thin: selectors give the data, serializers check input, services write.
"""

import django_filters
from django.db.models import Prefetch, Q
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, permissions, viewsets
from rest_framework.response import Response

from modus.directory.models import Ecosystem, Organisation, Region, SmartSpecialisationPriority
from modus.directory.selectors import organisations, search_organisations
from modus.events.models import Event
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
        summary="One public event",
        responses={200: serializers.EventSerializer, 404: PROBLEM},
    ),
)
class EventViewSet(PublicReadOnlyViewSet):
    """Public. Published, postponed and cancelled events; drafts stay hidden."""

    serializer_class = serializers.EventSerializer
    filterset_class = EventFilter
    lookup_field = "slug"

    def get_queryset(self):
        return public_events().order_by("starts_on", "pk")


__all__ = [
    "ArticleViewSet",
    "EcosystemViewSet",
    "EventViewSet",
    "OrganisationViewSet",
    "ProgrammeViewSet",
    "RegionViewSet",
]
