from django.urls import path

from .views import MySuggestionsView

urlpatterns = [
    path("suggestions/", MySuggestionsView.as_view(), name="api-partners-suggestions"),
]
