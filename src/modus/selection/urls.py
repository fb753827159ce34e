from django.urls import path

from .views import applicant, public, review
from .views.office import applications as office_applications
from .views.office import calls as office_calls
from .views.pitching import audience, jury, setup

app_name = "selection"

urlpatterns = [
    # Public
    path("", public.call_list, name="calls"),
    # Applicants
    path("mine/", applicant.my_applications, name="my-applications"),
    path("applications/<int:pk>/", applicant.application_detail, name="application"),
    path("applications/<int:pk>/edit/", applicant.application_edit, name="application-edit"),
    path("applications/<int:pk>/submit/", applicant.application_submit, name="application-submit"),
    path(
        "applications/<int:pk>/withdraw/",
        applicant.application_withdraw,
        name="application-withdraw",
    ),
    path(
        "applications/<int:pk>/documents/<int:document_pk>/",
        applicant.application_document,
        name="application-document",
    ),
    # Programme office / co-hosts
    path("new/<slug:programme_slug>/", office_calls.call_create, name="call-new"),
    path(
        "pitching/<slug:event_slug>/<int:session_pk>/new/",
        setup.pitch_call_create,
        name="pitch-call-new",
    ),
    path(
        "applications/<int:pk>/reopen/",
        office_applications.application_reopen,
        name="application-reopen",
    ),
    path(
        "applications/<int:pk>/decide/",
        office_applications.application_decide,
        name="application-decide",
    ),
    path(
        "applications/<int:pk>/reviewers/",
        office_applications.application_assign,
        name="application-assign",
    ),
    # Reviewers and jury
    path("reviews/", review.my_reviews, name="my-reviews"),
    path("reviews/<int:pk>/", review.review_form, name="review"),
    # One call
    path("<slug:slug>/", public.call_detail, name="call"),
    path("<slug:slug>/apply/", applicant.apply, name="apply"),
    path("<slug:slug>/manage/", office_calls.call_manage, name="call-manage"),
    path(
        "<slug:slug>/applications/", office_applications.call_applications, name="call-applications"
    ),
    path("<slug:slug>/running-order/", setup.running_order, name="running-order"),
    path("<slug:slug>/jury/", jury.jury, name="jury"),
    path("<slug:slug>/vote/", audience.vote, name="vote"),
    path("<slug:slug>/results/", audience.results, name="results"),
]
