from django.urls import path

from modus.events.feeds import ProgrammeEventsFeed

from . import views

app_name = "programmes"

urlpatterns = [
    path("", views.programme_list, name="index"),
    path("<slug:slug>/", views.programme_detail, name="detail"),
    path("<slug:slug>/events.atom", ProgrammeEventsFeed(), name="events-feed"),
]
