"""The REST API's address space, assembled above every app: the OpenAPI schema and its docs
page, and version 1, where each app's viewsets are registered on one router (so the API root
lists them all) beside the URL modules of the apps with their own."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from modus.directory.api.views import EcosystemViewSet, OrganisationViewSet, RegionViewSet
from modus.events.api.views import EventSessionViewSet, EventViewSet
from modus.news.api import ArticleViewSet
from modus.partners.api.views import OpportunityViewSet
from modus.programmes.api import ProgrammeViewSet
from modus.results.api import EditionResultsView, ProgrammeResultsView

router = DefaultRouter()
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("regions", RegionViewSet, basename="region")
router.register("ecosystems", EcosystemViewSet, basename="ecosystem")
router.register("news", ArticleViewSet, basename="article")
router.register("programmes", ProgrammeViewSet, basename="programme")
router.register("events", EventViewSet, basename="event")
router.register("opportunities", OpportunityViewSet, basename="opportunity")
router.register(
    r"events/(?P<event_slug>[^/.]+)/sessions", EventSessionViewSet, basename="event-session"
)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path(
        "v1/events/<slug:event_slug>/results/",
        EditionResultsView.as_view(),
        name="api-event-results",
    ),
    path(
        "v1/programmes/<slug:programme_slug>/results/",
        ProgrammeResultsView.as_view(),
        name="api-programme-results",
    ),
    path("v1/events/<slug:event_slug>/matchmaking/", include("modus.matchmaking.api.urls")),
    path("v1/events/<slug:event_slug>/", include("modus.partners.api.urls")),
    path("v1/", include("modus.selection.api.urls")),
    path("v1/", include((router.urls, "api"), namespace="api-v1")),
]
