from django.urls import path

from .views import exports, manage, public, registration

app_name = "events"

urlpatterns = [
    # Public pages (views/public.py)
    path("", public.event_list, name="index"),
    path("my-agenda/", public.my_agenda, name="my-agenda"),
    path("my-agenda/<str:token>.ics", exports.my_agenda_ics, name="my-agenda-ics"),
    path("speakers/<slug:person_slug>/", public.speaker_detail, name="speaker"),
    path("<slug:slug>/", public.event_detail, name="detail"),
    path("<slug:slug>/sessions/<slug:session_slug>/", public.session_detail, name="session"),
    path(
        "<slug:slug>/sessions/<slug:session_slug>/mark/",
        public.toggle_agenda_mark,
        name="session-mark",
    ),
    # Calendars and conference-app schedules (views/exports.py)
    path("<slug:slug>/event.ics", exports.event_ics, name="event-ics"),
    path(
        "<slug:slug>/sessions/<slug:session_slug>/session.ics",
        exports.session_ics,
        name="session-ics",
    ),
    path("<slug:slug>/schedule.xml", exports.schedule_xml, name="schedule-xml"),
    path("<slug:slug>/schedule.json", exports.schedule_json, name="schedule-json"),
    # Registration (views/registration.py)
    path("<slug:slug>/register/", registration.register, name="register"),
    path("<slug:slug>/registration/", registration.my_registration, name="my-registration"),
    path("registrations/cancel/<str:token>/", registration.cancel, name="cancel-registration"),
    path("registrations/<str:token>/qr.svg", registration.qr_code, name="registration-qr"),
    path("<slug:slug>/manage/participants/", registration.participants, name="participants"),
    path(
        "<slug:slug>/manage/participants.<str:fmt>",
        registration.participants_export,
        name="participants-export",
    ),
    path("<slug:slug>/manage/check-in/", registration.check_in, name="check-in"),
    # Co-hosts manage their event (views/manage.py)
    path("<slug:slug>/manage/", manage.event_edit, name="manage"),
    path("<slug:slug>/manage/agenda/", manage.agenda, name="manage-agenda"),
    path(
        "<slug:slug>/manage/agenda/publish/",
        manage.agenda_publish,
        name="manage-agenda-publish",
    ),
    path("<slug:slug>/manage/rooms/", manage.rooms, name="manage-rooms"),
    path("<slug:slug>/manage/sessions/new/", manage.session_create, name="manage-session-new"),
    path("<slug:slug>/manage/sessions/<int:pk>/", manage.session_edit, name="manage-session"),
    path(
        "<slug:slug>/manage/sessions/<int:pk>/delete/",
        manage.session_delete,
        name="manage-session-delete",
    ),
    path(
        "<slug:slug>/manage/sessions/<int:pk>/materials/",
        manage.material_upload,
        name="manage-materials",
    ),
]
