"""The results API: an edition's or a programme's stored figures, as the pages show them.

Public: counts below 5 are ``null``, as on the public pages. ``?view=full`` gives every figure
to whom the full pages are for (an edition's co-hosts and its programme's office; the office
for a programme), with a token or a session: 401 ``not_authenticated`` without one, 403
``not_organiser`` for anyone else, 400 ``invalid_view`` for another value, 404 for an unknown
or unpublished slug. Errors are problem documents (application/problem+json)."""

from django.core.cache import cache
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from modus.api.problems import ProblemSerializer
from modus.api.throttling import AnonymousBurstThrottle

from . import selectors
from .permissions import may_see_full_edition, may_see_full_programme
from .suppression import THRESHOLD, suppress

PROBLEM = OpenApiResponse(ProblemSerializer, description="A problem document (RFC 9457).")
VIEW = OpenApiParameter(
    "view", str, enum=["public", "full"], description="full: every figure (organisers only)."
)


class ResultsSerializer(serializers.Serializer):
    slug = serializers.CharField()
    computed_at = serializers.DateTimeField()
    origin = serializers.ChoiceField(choices=["computed", "published", "invented"])
    source = serializers.CharField()
    invited = serializers.IntegerField(help_text="People asked for feedback.")
    responses = serializers.IntegerField(help_text="People who answered.")
    view = serializers.ChoiceField(choices=["public", "full"])
    threshold = serializers.IntegerField(help_text="Public counts below it are null.")
    figures = serializers.JSONField()


def _full(request, allowed) -> bool:
    view = request.query_params.get("view", "public")
    if view not in ("public", "full"):
        raise exceptions.ValidationError(
            {"view": [_("Choose public or full.")]}, code="invalid_view"
        )
    if view == "public":
        return False
    if not request.user.is_authenticated:
        raise exceptions.NotAuthenticated()
    if not allowed(request.user):
        raise exceptions.PermissionDenied(
            _("Only the organisers and the programme office see every figure."),
            code="not_organiser",
        )
    return True


def _figures(snapshot, full: bool) -> dict:
    """The public figures are suppressed once per snapshot (until it is computed again)."""
    if full:
        return snapshot.figures
    key = f"results:public:{snapshot.pk}:{snapshot.computed_at.timestamp()}"
    figures = cache.get(key)
    if figures is None:
        figures = suppress(snapshot.figures)
        cache.set(key, figures, 24 * 3600)
    return figures


def _body(slug, snapshot, full: bool) -> dict:
    return {
        "slug": slug,
        "computed_at": snapshot.computed_at,
        "origin": snapshot.origin,
        "source": snapshot.source,
        "invited": snapshot.invited,
        "responses": snapshot.responses,
        "view": "full" if full else "public",
        "threshold": THRESHOLD,
        "figures": _figures(snapshot, full),
    }


class _ResultsView(APIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = [AnonymousBurstThrottle]


class EditionResultsView(_ResultsView):
    """An edition's figures (public, or ``?view=full`` for its organisers)."""

    @extend_schema(
        summary="An edition's results",
        parameters=[VIEW],
        responses={200: ResultsSerializer, 400: PROBLEM, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM},
    )
    def get(self, request, event_slug):
        event = selectors.public_edition_or_404(event_slug)
        full = _full(request, lambda user: may_see_full_edition(user, event))
        snapshot = selectors.edition_snapshot(event)
        return Response(ResultsSerializer(_body(event.slug, snapshot, full)).data)


class ProgrammeResultsView(_ResultsView):
    """A programme's figures across its editions (public, or ``?view=full`` for its office)."""

    @extend_schema(
        summary="A programme's results across its editions",
        parameters=[VIEW],
        responses={200: ResultsSerializer, 400: PROBLEM, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM},
    )
    def get(self, request, programme_slug):
        programme = selectors.programme_or_404(programme_slug)
        full = _full(request, lambda user: may_see_full_programme(user, programme))
        snapshot = selectors.programme_snapshot(programme)
        return Response(ResultsSerializer(_body(programme.slug, snapshot, full)).data)
