"""The selection API's views: calls, applications, reviews and the ranking.

Mounted under ``/api/v1/`` (token or session). Calls are public (drafts only to the people who run
them); everything else needs a signed-in user and answers exactly what ``permissions`` allows:
an application this user may not open is a 404, as if it did not exist. Writes go through the
services; their errors become problem documents that keep the service's code (``SelectionError``
→ 400 with field errors, ``NotAllowed`` → 403).
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, permissions, status
from rest_framework.exceptions import ErrorDetail
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from modus.accounts.selectors import memberships_of
from modus.api.filters import KnownQueryParameters
from modus.api.problems import ProblemSerializer
from modus.api.throttling import AnonymousBurstThrottle

from .. import selectors, services
from ..models import Application, Call, Review
from ..permissions import has_conflict, may_manage_call, may_see_call, may_view_application
from ..services import SelectionError
from .serializers import (
    ApplicationDetailSerializer,
    ApplicationDraftSerializer,
    ApplicationSerializer,
    ApplicationStartSerializer,
    CallDetailSerializer,
    CallSerializer,
    RankingRowSerializer,
    ReviewDetailSerializer,
    ReviewInputSerializer,
    ReviewSerializer,
    WithdrawSerializer,
)

PROBLEM = OpenApiResponse(ProblemSerializer, description="A problem document (RFC 9457).")
ERRORS = {401: PROBLEM, 403: PROBLEM, 404: PROBLEM}
WRITE_ERRORS = {400: PROBLEM, **ERRORS}


def as_validation_error(error: SelectionError) -> exceptions.ValidationError:
    """A service's SelectionError as a 400 problem that keeps its code, field by field."""
    code = error.code or "invalid"

    def details(errors):
        return [ErrorDetail(message, code=e.code or code) for e in errors for message in e]

    if hasattr(error, "error_dict"):
        detail = {field: details(errors) for field, errors in error.error_dict.items()}
    else:
        detail = {api_settings.NON_FIELD_ERRORS_KEY: details(error.error_list)}
    return exceptions.ValidationError(detail=detail)


class SelectionAPIMixin:
    def handle_exception(self, exc):
        if isinstance(exc, SelectionError):
            exc = as_validation_error(exc)
        return super().handle_exception(exc)


def _call(request, slug) -> Call:
    call = selectors.call_or_404(slug)
    if not may_see_call(request.user, call):
        raise exceptions.NotFound()
    return call


def _application(request, pk) -> Application:
    """The application, if this user may open it; otherwise 404 (a conflicted reviewer too)."""
    application = selectors.application_or_404(pk)
    if not may_view_application(request.user, application):
        raise exceptions.NotFound()
    return application


def _detail(application) -> dict:
    """What the API shows of one application, read afresh after a change."""
    return ApplicationDetailSerializer(selectors.application_with_details(application.pk)).data


# Calls ------------------------------------------------------------------------------------------


class CallListView(SelectionAPIMixin, generics.ListAPIView):
    """Public: open and closed calls (drafts too for the people who run them)."""

    serializer_class = CallSerializer
    permission_classes = [permissions.AllowAny]
    throttle_classes = [AnonymousBurstThrottle]
    filter_backends = [KnownQueryParameters]
    query_parameters = ["purpose", "status"]

    @extend_schema(
        summary="Calls for expression of interest and for pitches",
        parameters=[
            OpenApiParameter("purpose", str, enum=Call.Purpose.values),
            OpenApiParameter("status", str, enum=Call.Status.values),
        ],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        query = self.request.query_params
        return selectors.calls_for(
            self.request.user, purpose=query.get("purpose"), status=query.get("status")
        )


class CallDetailView(SelectionAPIMixin, generics.GenericAPIView):
    """Public: one call with its cut-offs (UTC and local), criteria, questions and documents."""

    serializer_class = CallDetailSerializer
    permission_classes = [permissions.AllowAny]
    throttle_classes = [AnonymousBurstThrottle]
    queryset = Call.objects.none()

    @extend_schema(summary="One call", responses={200: CallDetailSerializer, 404: PROBLEM})
    def get(self, request, slug):
        call = _call(request, slug)
        return Response(self.get_serializer(call).data)


class CallApplyView(SelectionAPIMixin, generics.GenericAPIView):
    """Members of an organisation: start its application to the call (or get the draft a
    colleague already started: 200 instead of 201)."""

    serializer_class = ApplicationStartSerializer
    permission_classes = [permissions.IsAuthenticated]
    queryset = Application.objects.none()

    @extend_schema(
        summary="Start an application (applicants)",
        request=ApplicationStartSerializer,
        responses={
            201: ApplicationDetailSerializer,
            200: ApplicationDetailSerializer,
            **WRITE_ERRORS,
        },
    )
    def post(self, request, slug):
        call = _call(request, slug)
        serializer = ApplicationStartSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        organisation = serializer.validated_data.get("organisation")
        if organisation is None:
            memberships = list(memberships_of(request.user)[:2])
            if len(memberships) != 1:
                raise exceptions.ValidationError(
                    {"organisation": [_("Name the organisation that applies.")]},
                    code="organisation_required",
                )
            organisation = memberships[0].organisation
        existed = selectors.has_applied(call, organisation)
        application = services.start_application(
            call,
            organisation=organisation,
            actor=request.user,
            title=serializer.validated_data.get("title", ""),
        )
        code = status.HTTP_200_OK if existed else status.HTTP_201_CREATED
        return Response(_detail(application), status=code)


class RankingView(SelectionAPIMixin, generics.GenericAPIView):
    """The people who run the call: applications by weighted mean score, best first."""

    serializer_class = RankingRowSerializer
    permission_classes = [permissions.IsAuthenticated]
    pagination_class = None
    queryset = Application.objects.none()

    @extend_schema(
        summary="Ranking of a call or one cut-off (the people who run the call)",
        parameters=[OpenApiParameter("cut_off", int, description="Only this cut-off's.")],
        responses={200: RankingRowSerializer(many=True), **WRITE_ERRORS},
    )
    def get(self, request, slug):
        call = _call(request, slug)
        if not may_manage_call(request.user, call):
            raise exceptions.PermissionDenied(
                _("Only the people who run this call may see the ranking."), code="not_manager"
            )
        cut_off = None
        raw = request.query_params.get("cut_off")
        if raw:
            if not raw.isdigit():
                raise exceptions.ValidationError({"cut_off": [_("Give a cut-off's id.")]})
            cut_off = selectors.cut_off_or_404(call, int(raw))
        rows = selectors.ranking(call, cut_off=cut_off)
        return Response(RankingRowSerializer(rows, many=True).data)


# Applications -----------------------------------------------------------------------------------


class ApplicationListView(SelectionAPIMixin, generics.ListAPIView):
    """Signed-in users: the applications they may open (their organisation's, the calls they run,
    those they review without a conflict of interest)."""

    serializer_class = ApplicationSerializer
    permission_classes = [permissions.IsAuthenticated]
    filter_backends = [KnownQueryParameters]
    query_parameters = ["call", "status"]

    @extend_schema(
        summary="Applications I may open",
        parameters=[
            OpenApiParameter("call", str, description="Slug of a call."),
            OpenApiParameter("status", str, enum=Application.Status.values),
        ],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Application.objects.none()
        query = self.request.query_params
        return selectors.applications_for(
            self.request.user, call_slug=query.get("call"), status=query.get("status")
        )


class ApplicationDetailView(SelectionAPIMixin, generics.GenericAPIView):
    """Applicants, the call's managers and assigned reviewers without a conflict of interest read
    it; applicants change their draft."""

    serializer_class = ApplicationDetailSerializer
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="One application", responses={200: ApplicationDetailSerializer, **ERRORS}
    )
    def get(self, request, pk):
        application = _application(request, pk)
        return Response(_detail(application))

    @extend_schema(
        summary="Save the draft (applicants)",
        request=ApplicationDraftSerializer,
        responses={200: ApplicationDetailSerializer, **WRITE_ERRORS},
    )
    def patch(self, request, pk):
        application = _application(request, pk)
        serializer = ApplicationDraftSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        if application.call.is_pitch_call:
            for name in services.applications.HOST_FIELDS:
                fields.pop(name, None)
            fields.pop("co_organisers", None)
        services.save_draft(application, actor=request.user, **fields)
        return Response(_detail(application))


class ApplicationSubmitView(SelectionAPIMixin, APIView):
    """Applicants: submit before the next cut-off. Late or incomplete: 400, the draft is kept."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="Submit (applicants)",
        request=None,
        responses={200: ApplicationDetailSerializer, **WRITE_ERRORS},
    )
    def post(self, request, pk):
        application = _application(request, pk)
        services.submit_application(application, actor=request.user)
        return Response(_detail(application))


class ApplicationWithdrawView(SelectionAPIMixin, APIView):
    """Applicants: withdraw a submitted application that has no decision yet."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="Withdraw (applicants)",
        request=WithdrawSerializer,
        responses={200: ApplicationDetailSerializer, **WRITE_ERRORS},
    )
    def post(self, request, pk):
        application = _application(request, pk)
        serializer = WithdrawSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.withdraw_application(
            application, actor=request.user, reason=serializer.validated_data["reason"]
        )
        return Response(_detail(application))


# Reviews ----------------------------------------------------------------------------------------


class ReviewListView(SelectionAPIMixin, generics.ListAPIView):
    """Reviewers and jury members: their own score sheets (none with a conflict of interest)."""

    serializer_class = ReviewSerializer
    permission_classes = [permissions.IsAuthenticated]
    filter_backends = []

    @extend_schema(summary="My reviews")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Review.objects.none()
        return selectors.reviews_for_api(self.request.user)


def _review(request, pk) -> Review:
    review = selectors.own_review_or_404(request.user, pk)
    if has_conflict(request.user, review.application):
        raise exceptions.NotFound()
    return review


class ReviewDetailView(SelectionAPIMixin, generics.GenericAPIView):
    """The reviewer: read and fill in their own score sheet; ``submit`` makes it final."""

    serializer_class = ReviewDetailSerializer
    permission_classes = [permissions.IsAuthenticated]
    queryset = Review.objects.none()

    def _data(self, request, review):
        others = selectors.visible_reviews(review.application, request.user)
        return ReviewDetailSerializer(review, context={"visible_reviews": others}).data

    @extend_schema(summary="My review", responses={200: ReviewDetailSerializer, **ERRORS})
    def get(self, request, pk):
        return Response(self._data(request, _review(request, pk)))

    @extend_schema(
        summary="Score the criteria (reviewers)",
        request=ReviewInputSerializer,
        responses={200: ReviewDetailSerializer, **WRITE_ERRORS},
    )
    def put(self, request, pk):
        review = _review(request, pk)
        serializer = ReviewInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        scores = {}
        for key, entry in data["scores"].items():
            if not str(key).isdigit():
                raise exceptions.ValidationError(
                    {"scores": [_("Scores are keyed by criterion id.")]}, code="bad_criterion"
                )
            scores[int(key)] = (entry["value"], entry.get("comment", ""))
        services.save_review(
            review,
            actor=request.user,
            scores=scores,
            comment=data["comment"],
            submit=data["submit"],
        )
        return Response(self._data(request, _review(request, pk)))
