"""The matchmaking API: participants list their own requests and meetings; organisers export
the scheduling instance and import a schedule made by an outside solver.

Mounted under ``/api/v1/events/<slug>/matchmaking/`` (token or session). Errors are problem
documents, as everywhere in the API.
"""

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, permissions, status
from rest_framework.response import Response
from rest_framework.views import APIView

from modus.api.problems import ProblemSerializer
from modus.events.models import Event
from modus.events.permissions import is_cohost

from . import selectors, services, services_changes
from .api_serializers import (
    ImportedVersionSerializer,
    MeetingRequestSerializer,
    MeetingSerializer,
    ScheduleImportSerializer,
)
from .models import MarketplaceProfile, Meeting, MeetingRequest

PROBLEM = OpenApiResponse(ProblemSerializer, description="A problem document (RFC 9457).")
ERRORS = {401: PROBLEM, 403: PROBLEM, 404: PROBLEM}


def _event(kwargs) -> Event:
    event = get_object_or_404(Event, slug=kwargs["event_slug"])
    if not services.is_enabled(event):
        raise exceptions.NotFound(_("This event has no matchmaking."))
    return event


def _organised_event(request, kwargs) -> Event:
    event = get_object_or_404(Event, slug=kwargs["event_slug"])
    if not is_cohost(request.user, event):
        raise exceptions.PermissionDenied(
            _("Only the organisers of this event may do this."), code="not_cohost"
        )
    return event


class MyRequestsView(generics.ListAPIView):
    """Signed-in users: their own meeting requests at this event, sent and received."""

    serializer_class = MeetingRequestSerializer
    permission_classes = [permissions.IsAuthenticated]
    filter_backends = []

    @extend_schema(summary="My meeting requests at an event")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return MeetingRequest.objects.none()
        event = _event(self.kwargs)
        user = self.request.user
        reverse = MeetingRequest.objects.filter(
            from_profile=OuterRef("to_profile"), to_profile=OuterRef("from_profile")
        ).exclude(status=MeetingRequest.Status.DECLINED)
        people = ("from_profile__user", "from_profile__organisation")
        people += ("to_profile__user", "to_profile__organisation")
        return (
            MeetingRequest.objects.filter(event=event)
            .filter(Q(from_profile__user=user) | Q(to_profile__user=user))
            .annotate(mutual=Exists(reverse) & ~Q(status=MeetingRequest.Status.DECLINED))
            .select_related(*people)
            .order_by("-created_at", "-pk")
        )


class MyMeetingsView(generics.ListAPIView):
    """Signed-in users: their own meetings in the event's published schedule (none before)."""

    serializer_class = MeetingSerializer
    permission_classes = [permissions.IsAuthenticated]
    filter_backends = []

    @extend_schema(summary="My meetings in the published schedule")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Meeting.objects.none()
        event = _event(self.kwargs)
        version = selectors.published_version(event)
        if version is None:
            return Meeting.objects.none()
        people = MarketplaceProfile.objects.select_related("user", "organisation")
        return (
            version.meetings.filter(participants__user=self.request.user)
            .prefetch_related(Prefetch("participants", queryset=people))
            .order_by("starts_at", "table", "pk")
        )


class InstanceView(APIView):
    """Co-hosts and organisers of the event (and staff): the scheduling instance, in the
    ``modus-b2b-instance/1`` format, for an outside solver."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="Export the scheduling instance (organisers)",
        responses={200: OpenApiTypes.OBJECT, **ERRORS},
    )
    def get(self, request, event_slug):
        event = _organised_event(request, self.kwargs)
        return Response(services.build_instance(event))


class ScheduleImportView(APIView):
    """Co-hosts and organisers of the event (and staff): import a ``modus-b2b-schedule/1``;
    it is checked against the current instance by every rule and stored as a draft."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="Import a schedule made elsewhere (organisers)",
        request=ScheduleImportSerializer,
        responses={201: ImportedVersionSerializer, 400: PROBLEM, **ERRORS},
    )
    def post(self, request, event_slug):
        event = _organised_event(request, self.kwargs)
        serializer = ScheduleImportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        version = services_changes.import_schedule(
            event, actor=request.user, schedule=serializer.to_schedule()
        )
        return Response(ImportedVersionSerializer(version).data, status=status.HTTP_201_CREATED)


urlpatterns = [
    path("requests/", MyRequestsView.as_view(), name="api-matchmaking-requests"),
    path("meetings/", MyMeetingsView.as_view(), name="api-matchmaking-meetings"),
    path("instance.json", InstanceView.as_view(), name="api-matchmaking-instance"),
    path("schedule/", ScheduleImportView.as_view(), name="api-matchmaking-schedule"),
]
