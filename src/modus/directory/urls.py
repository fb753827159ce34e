from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.organisation_list, name="index"),
    path("export.csv", views.organisation_export, name="export"),
    path("import/", views.organisation_import, name="import"),
    path("regions/", views.region_list, name="regions"),
    path("regions/<str:code>/", views.region_detail, name="region"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("organisations/<slug:slug>/edit/", views.organisation_edit, name="organisation-edit"),
]
