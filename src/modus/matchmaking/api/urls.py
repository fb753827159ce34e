from django.urls import path

from .views import InstanceView, MyMeetingsView, MyRequestsView, ScheduleImportView

urlpatterns = [
    path("requests/", MyRequestsView.as_view(), name="api-matchmaking-requests"),
    path("meetings/", MyMeetingsView.as_view(), name="api-matchmaking-meetings"),
    path("instance.json", InstanceView.as_view(), name="api-matchmaking-instance"),
    path("schedule/", ScheduleImportView.as_view(), name="api-matchmaking-schedule"),
]
