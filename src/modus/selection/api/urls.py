"""The selection API's addresses, mounted under ``/api/v1/`` by the project's API URLs."""

from django.urls import path

from .views import (
    ApplicationDetailView,
    ApplicationListView,
    ApplicationSubmitView,
    ApplicationWithdrawView,
    CallApplyView,
    CallDetailView,
    CallListView,
    RankingView,
    ReviewDetailView,
    ReviewListView,
)

urlpatterns = [
    path("calls/", CallListView.as_view(), name="api-selection-calls"),
    path("calls/<slug:slug>/", CallDetailView.as_view(), name="api-selection-call"),
    path(
        "calls/<slug:slug>/applications/",
        CallApplyView.as_view(),
        name="api-selection-call-apply",
    ),
    path("calls/<slug:slug>/ranking/", RankingView.as_view(), name="api-selection-ranking"),
    path("applications/", ApplicationListView.as_view(), name="api-selection-applications"),
    path(
        "applications/<int:pk>/",
        ApplicationDetailView.as_view(),
        name="api-selection-application",
    ),
    path(
        "applications/<int:pk>/submit/",
        ApplicationSubmitView.as_view(),
        name="api-selection-application-submit",
    ),
    path(
        "applications/<int:pk>/withdraw/",
        ApplicationWithdrawView.as_view(),
        name="api-selection-application-withdraw",
    ),
    path("reviews/", ReviewListView.as_view(), name="api-selection-reviews"),
    path("reviews/<int:pk>/", ReviewDetailView.as_view(), name="api-selection-review"),
]
