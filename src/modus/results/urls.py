from django.urls import path

from .views import pages

app_name = "results"

urlpatterns = [
    path("programmes/<slug:slug>/", pages.programme, name="programme"),
    path("programmes/<slug:slug>/full/", pages.programme_full, name="programme-full"),
    path("events/<slug:slug>/", pages.edition, name="edition"),
    path("events/<slug:slug>/full/", pages.edition_full, name="edition-full"),
    path("events/<slug:slug>/recompute/", pages.edition_recompute, name="edition-recompute"),
]
