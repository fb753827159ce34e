from django.urls import path

from .views import agenda, changes, organisers, participants

app_name = "matchmaking"

urlpatterns = [
    path("<slug:slug>/", participants.marketplace, name="marketplace"),
    path("<slug:slug>/setup/", organisers.setup, name="setup"),
    path("<slug:slug>/my-profile/", participants.my_profile, name="my-profile"),
    path("<slug:slug>/profiles/<int:pk>/", participants.profile_detail, name="profile"),
    path("<slug:slug>/requests/", participants.my_requests, name="requests"),
    path("<slug:slug>/requests/<int:pk>/answer/", participants.answer_request, name="answer"),
    path("<slug:slug>/availability/", participants.my_availability, name="availability"),
    path("<slug:slug>/schedule/", organisers.schedule, name="schedule"),
    path("<slug:slug>/schedule/runs/<int:pk>/", organisers.run_status, name="run-status"),
    path("<slug:slug>/meetings/", participants.my_meetings, name="meetings"),
    path("<slug:slug>/agenda/", agenda.my_agenda, name="agenda"),
    path("<slug:slug>/agenda.ics", agenda.my_agenda_ics, name="agenda-ics"),
    path("<slug:slug>/agenda.pdf", agenda.my_agenda_pdf, name="agenda-pdf"),
    path("<slug:slug>/meetings/<int:pk>/outcome/", agenda.record_outcome, name="outcome"),
    path("<slug:slug>/agendas.pdf", agenda.all_agendas_pdf, name="agendas-pdf"),
    path("<slug:slug>/outcomes/", agenda.outcome_totals, name="outcomes"),
    path(
        "<slug:slug>/schedule/meetings/<int:pk>/move/",
        changes.move_meeting,
        name="move-meeting",
    ),
    path("<slug:slug>/schedule/reschedule/", changes.reschedule, name="reschedule"),
    path(
        "<slug:slug>/schedule/versions/<int:pk>/publish/",
        changes.publish_preview,
        name="publish",
    ),
]
