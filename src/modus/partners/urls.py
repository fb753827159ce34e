from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("", views.opportunity_list, name="list"),
    path("hints/", views.hints, name="hints"),
    path("new/", views.create, name="create"),
    path("moderation/", views.moderation, name="moderation"),
    path("interests/", views.interests, name="interests"),
    path("interests/<int:pk>/answer/", views.answer, name="answer"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/moderate/", views.moderate, name="moderate"),
]
