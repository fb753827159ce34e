from django.urls import path

from . import views
from .feeds import ProgrammeEventsFeed

app_name = "programmes"

urlpatterns = [
    path("", views.programme_list, name="index"),
    path("<slug:slug>/", views.programme_detail, name="detail"),
    path("<slug:slug>/events.atom", ProgrammeEventsFeed(), name="events-feed"),
]
