"""The matchmaking API: participants list their own requests and meetings; organisers export
the scheduling instance and import a schedule made by an outside solver.

Token or session. Errors are problem documents, as everywhere in the API: a participant who
is not a co-host gets 403 ``not_cohost`` (the events app's ``NotCohost``).
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, permissions, status
from rest_framework.response import Response
from rest_framework.views import APIView

from modus.api.problems import ProblemSerializer
from modus.events.models import Event
from modus.events.permissions import require_cohost

from .. import selectors, services
from ..models import Meeting, MeetingRequest
from .serializers import (
    ImportedVersionSerializer,
    MeetingRequestSerializer,
    MeetingSerializer,
    ScheduleImportSerializer,
)

PROBLEM = OpenApiResponse(ProblemSerializer, description="A problem document (RFC 9457).")
ERRORS = {401: PROBLEM, 403: PROBLEM, 404: PROBLEM}


def _event(kwargs) -> Event:
    event = get_object_or_404(Event, slug=kwargs["event_slug"])
    if not selectors.is_enabled(event):
        raise exceptions.NotFound(_("This event has no matchmaking."))
    return event


def _organised_event(request, kwargs) -> Event:
    event = get_object_or_404(Event, slug=kwargs["event_slug"])
    require_cohost(request.user, event)
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
        return selectors.requests_involving(_event(self.kwargs), self.request.user)


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
        version = selectors.published_version(_event(self.kwargs))
        if version is None:
            return Meeting.objects.none()
        return selectors.meetings_of_user(version, self.request.user)


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
        version = services.import_schedule(
            event, actor=request.user, schedule=serializer.to_schedule()
        )
        return Response(ImportedVersionSerializer(version).data, status=status.HTTP_201_CREATED)
