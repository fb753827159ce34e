from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("regions", views.RegionViewSet, basename="region")
router.register("ecosystems", views.EcosystemViewSet, basename="ecosystem")
router.register("news", views.ArticleViewSet, basename="article")
router.register("programmes", views.ProgrammeViewSet, basename="programme")
router.register("events", views.EventViewSet, basename="event")
router.register(
    r"events/(?P<event_slug>[^/.]+)/sessions", views.EventSessionViewSet, basename="event-session"
)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("v1/events/<slug:event_slug>/matchmaking/", include("modus.matchmaking.api")),
    path("v1/", include("modus.selection.api.urls")),
    path("v1/", include((router.urls, "api"), namespace="api-v1")),
]
