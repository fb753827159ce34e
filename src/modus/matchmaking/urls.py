from django.urls import path

from . import views, views_agenda, views_changes

app_name = "matchmaking"

urlpatterns = [
    path("<slug:slug>/", views.marketplace, name="marketplace"),
    path("<slug:slug>/setup/", views.setup, name="setup"),
    path("<slug:slug>/my-profile/", views.my_profile, name="my-profile"),
    path("<slug:slug>/profiles/<int:pk>/", views.profile_detail, name="profile"),
    path("<slug:slug>/requests/", views.my_requests, name="requests"),
    path("<slug:slug>/requests/<int:pk>/answer/", views.answer_request, name="answer"),
    path("<slug:slug>/availability/", views.my_availability, name="availability"),
    path("<slug:slug>/schedule/", views.schedule, name="schedule"),
    path("<slug:slug>/schedule/runs/<int:pk>/", views.run_status, name="run-status"),
    path("<slug:slug>/meetings/", views.my_meetings, name="meetings"),
    path("<slug:slug>/agenda/", views_agenda.my_agenda, name="agenda"),
    path("<slug:slug>/agenda.ics", views_agenda.my_agenda_ics, name="agenda-ics"),
    path("<slug:slug>/agenda.pdf", views_agenda.my_agenda_pdf, name="agenda-pdf"),
    path("<slug:slug>/meetings/<int:pk>/outcome/", views_agenda.record_outcome, name="outcome"),
    path("<slug:slug>/agendas.pdf", views_agenda.all_agendas_pdf, name="agendas-pdf"),
    path("<slug:slug>/outcomes/", views_agenda.outcome_totals, name="outcomes"),
    path(
        "<slug:slug>/schedule/meetings/<int:pk>/move/",
        views_changes.move_meeting,
        name="move-meeting",
    ),
    path("<slug:slug>/schedule/reschedule/", views_changes.reschedule, name="reschedule"),
]
