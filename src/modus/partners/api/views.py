"""The partners API: cooperation opportunities (public reads of live ones; members post;
signed-in people express interest) and one's own suggested partners at an event.

Token or session. Errors are problem documents: posting for an organisation one is not a
member of is 403 ``not_member``; an opportunity one may not see is 404, like one that does not
exist; asking for suggestions at an event one is not a marketplace participant of is 403
``not_participant``.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, generics, mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from modus.api.filters import KnownQueryParameters
from modus.api.problems import ProblemSerializer
from modus.api.throttling import AnonymousBurstThrottle
from modus.events.models import Event
from modus.matchmaking import selectors as mm_selectors

from .. import selectors, services
from ..models import Opportunity, Suggestion
from ..permissions import may_view
from ..suggestions import store
from . import serializers

PROBLEM = OpenApiResponse(ProblemSerializer, description="A problem document (RFC 9457).")

FILTERS = [
    OpenApiParameter(
        "event", str, description="Slug of an event: its marketplace's opportunities."
    ),
    OpenApiParameter("search", str, description="Words in the title, description or keywords."),
    OpenApiParameter("kind", str, description="Key of a kind: offer, request, partnership…"),
    OpenApiParameter("ecosystem", str, description="Key of an industrial ecosystem."),
    OpenApiParameter("country", str, description="Two-letter code: from or looking for it."),
]


@extend_schema_view(
    list=extend_schema(
        summary="Live cooperation opportunities (the directory's, or an event's)",
        parameters=FILTERS,
    ),
    retrieve=extend_schema(
        summary="One opportunity",
        responses={200: serializers.OpportunitySerializer, 404: PROBLEM},
    ),
    create=extend_schema(
        summary="Post an opportunity for one's organisation",
        request=serializers.OpportunityCreateSerializer,
        responses={
            201: serializers.OpportunitySerializer,
            400: PROBLEM,
            401: PROBLEM,
            403: PROBLEM,
        },
    ),
)
class OpportunityViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Anyone reads live opportunities; an opportunity waiting for validation, refused or
    expired only its organisation and the moderators. Members of an organisation post for it
    (in an event: its marketplace participants); signed-in people express interest."""

    serializer_class = serializers.OpportunitySerializer
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]
    throttle_classes = [AnonymousBurstThrottle]
    filter_backends = [KnownQueryParameters]
    query_parameters = [parameter.name for parameter in FILTERS]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Opportunity.objects.none()
        if self.action == "list":
            params = self.request.query_params
            slug = params.get("event")
            event = get_object_or_404(Event, slug=slug) if slug else None
            found = selectors.opportunities(
                event=event,
                text=params.get("search", ""),
                country=params.get("country", "").strip().upper()[:2],
            )
            if params.get("kind"):
                found = found.filter(kind__key=params["kind"])
            if params.get("ecosystem"):
                found = found.filter(ecosystems__key=params["ecosystem"])
            return found.prefetch_related("target_regions")
        if self.action == "mine":
            return selectors.own_opportunities(self.request.user).prefetch_related(
                "ecosystems", "target_regions"
            )
        return Opportunity.objects.select_related("organisation", "kind", "event").prefetch_related(
            "ecosystems", "target_regions"
        )

    def get_object(self):
        opportunity = super().get_object()
        if not may_view(self.request.user, opportunity):
            raise exceptions.NotFound()
        return opportunity

    def create(self, request, *args, **kwargs):
        serializer = serializers.OpportunityCreateSerializer(
            data=request.data, kinds=selectors.kinds_for
        )
        serializer.is_valid(raise_exception=True)
        opportunity = services.post_opportunity(actor=request.user, **serializer.validated_data)
        data = serializers.OpportunitySerializer(opportunity, context={"request": request}).data
        return Response(data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Opportunities of one's own organisations, whatever their status",
        responses={200: serializers.OpportunitySerializer(many=True), 401: PROBLEM},
    )
    @action(detail=False, methods=["get"], permission_classes=[permissions.IsAuthenticated])
    def mine(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        summary="Express interest (in an event: a meeting request; outside: a contact request)",
        request=serializers.InterestSerializer,
        responses={201: serializers.InterestSerializer, 400: PROBLEM, 401: PROBLEM, 404: PROBLEM},
    )
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def interest(self, request, pk=None):
        opportunity = self.get_object()
        serializer = serializers.InterestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        interest = services.express_interest(
            opportunity, actor=request.user, message=serializer.validated_data.get("message", "")
        )
        return Response(
            serializers.InterestSerializer(interest).data, status=status.HTTP_201_CREATED
        )


class MySuggestionsView(generics.ListAPIView):
    """Signed-in marketplace participants: their own suggested partners at the event, best
    first, each with its reasons (codes, parameters and words in the request's language).
    Serving them counts as showing them: requests that follow are counted as from a suggestion."""

    serializer_class = serializers.SuggestionSerializer
    permission_classes = [permissions.IsAuthenticated]
    filter_backends = []
    pagination_class = None

    @extend_schema(
        summary="My suggested partners at an event",
        responses={
            200: serializers.SuggestionSerializer(many=True),
            401: PROBLEM,
            403: PROBLEM,
            404: PROBLEM,
        },
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Suggestion.objects.none()
        event = get_object_or_404(Event, slug=self.kwargs["event_slug"])
        profile = mm_selectors.profile_of(self.request.user, event)
        if profile is None:
            raise exceptions.PermissionDenied(
                _("Only the event's marketplace participants have suggestions."),
                code="not_participant",
            )
        suggestions = store.suggestions_for(profile)
        store.log_impressions(profile, suggestions)
        return suggestions
