from django.urls import path

from .views import exports, feedback, organisers, pages

app_name = "results"

urlpatterns = [
    path("programmes/<slug:slug>/", pages.programme, name="programme"),
    path("programmes/<slug:slug>/full/", pages.programme_full, name="programme-full"),
    path(
        "programmes/<slug:slug>/results.<str:fmt>",
        exports.programme_export,
        name="programme-export",
    ),
    path(
        "programmes/<slug:slug>/full/results.<str:fmt>",
        exports.programme_export,
        {"full": True},
        name="programme-export-full",
    ),
    path("events/<slug:slug>/", pages.edition, name="edition"),
    path("events/<slug:slug>/full/", pages.edition_full, name="edition-full"),
    path("events/<slug:slug>/report.pdf", exports.edition_pdf, name="edition-pdf"),
    path("events/<slug:slug>/results.<str:fmt>", exports.edition_export, name="edition-export"),
    path(
        "events/<slug:slug>/full/results.<str:fmt>",
        exports.edition_export,
        {"full": True},
        name="edition-export-full",
    ),
    path("events/<slug:slug>/recompute/", pages.edition_recompute, name="edition-recompute"),
    path("events/<slug:slug>/responses/", organisers.responses, name="responses"),
    path("events/<slug:slug>/responses/remind/", organisers.remind, name="remind"),
    path("events/<slug:slug>/responses/plan/", organisers.plan, name="plan"),
    path("feedback/<str:token>/", feedback.feedback, name="feedback"),
    path("follow-up/<str:token>/", feedback.follow_up, name="follow-up"),
    path(
        "link/<str:kind>/<str:token>/new/",
        feedback.resend,
        name="resend",
    ),
]
