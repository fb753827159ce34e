"""The directory's API: organisations (search, profile, PATCH by their admins), NUTS regions
and the industrial ecosystems. Selectors give the data, serializers check input, services write.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.response import Response

from modus.api.filters import KnownQueryParameters
from modus.api.permissions import ReadOnlyOrPredicate
from modus.api.problems import PROBLEM
from modus.api.throttling import AnonymousBurstThrottle
from modus.api.views import PublicReadOnlyViewSet

from .. import selectors
from ..models import Organisation, Region
from ..permissions import may_edit_organisation
from . import serializers


class IsOrganisationAdminOrReadOnly(ReadOnlyOrPredicate):
    """Anyone reads; only the organisation's admins (and staff) change it."""

    predicate = staticmethod(may_edit_organisation)
    message = _("Only an admin of this organisation may change its profile.")
    code = "not_admin"


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
    filter_backends = [KnownQueryParameters]  # the directory's search does the filtering
    query_parameters = [parameter.name for parameter in ORGANISATION_FILTERS]

    def get_queryset(self):
        if self.action != "list":
            return selectors.organisations()
        params = self.request.query_params
        return selectors.search_organisations(
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
        fresh = selectors.organisations().get(pk=organisation.pk)
        return Response(
            serializers.OrganisationDetailSerializer(
                fresh, context=self.get_serializer_context()
            ).data
        )


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
        return selectors.regions_with_priorities()

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
    queryset = selectors.ecosystems()
    lookup_field = "key"
