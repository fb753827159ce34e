"""Reads of applications: who sees which, one application with what its page shows, what a
draft still misses and which cut-off a submission would count toward."""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from modus.accounts.models import Membership
from modus.accounts.selectors import memberships_of
from modus.activity.selectors import actions_on
from modus.directory.selectors import clusters_for_region

from ..models import Application, ApplicationDocument, Call, CutOff
from ..permissions import conflicts, managed_calls


def visible_applications(user):
    """Every application this user may open (for lists and the API): their organisations', those
    of the calls they run, and those they review without a conflict of interest."""
    if not (user and user.is_authenticated and user.is_active):
        return Application.objects.none()
    if user.is_staff:
        return Application.objects.all()
    member_of = Membership.objects.filter(user=user).values("organisation_id")
    reviewing = Q(reviews__reviewer=user)
    mine = Q(organisation_id__in=member_of)
    return Application.objects.filter(
        mine | managed_calls(user, "call__") | (reviewing & ~conflicts(user))
    ).distinct()


def applications_for(user, *, call_slug: str | None = None, status: str | None = None):
    """The API's list of the applications this user may open, by call and id."""
    applications = Application.objects.filter(
        pk__in=visible_applications(user).values("pk")
    ).select_related("call", "organisation", "region", "created_event")
    if call_slug:
        applications = applications.filter(call__slug=call_slug)
    if status:
        applications = applications.filter(status=status)
    return applications.order_by("call_id", "pk")


def application_or_404(pk: int) -> Application:
    """One application with its call (and the call's owner), organisation, cut-off and region."""
    return get_object_or_404(
        Application.objects.select_related(
            "call__programme", "call__session__event", "organisation", "cut_off", "region"
        ),
        pk=pk,
    )


def application_with_details(pk: int) -> Application:
    """One application with everything the API shows of it."""
    return (
        Application.objects.select_related("call", "organisation", "region", "created_event")
        .prefetch_related("ecosystems", "co_organisers", "documents")
        .get(pk=pk)
    )


def applications_of_member(user):
    """The applications of every organisation the user is a member of, latest change first."""
    return (
        Application.objects.filter(organisation__memberships__user=user)
        .select_related("call", "organisation", "cut_off")
        .distinct()
        .order_by("-updated_at", "-pk")
    )


def member_organisations(user) -> list:
    """The organisations the user is a member of, by name."""
    return [membership.organisation for membership in memberships_of(user)]


def applications_by_organisation(call: Call, organisations) -> dict:
    """This call's applications of these organisations, by organisation id."""
    applications = Application.objects.filter(
        call=call, organisation__in=[organisation.pk for organisation in organisations]
    )
    return {application.organisation_id: application for application in applications}


def has_applied(call: Call, organisation) -> bool:
    return Application.objects.filter(call=call, organisation=organisation).exists()


def application_summary(application: Application) -> dict:
    """What ``selection/_application_summary.html`` shows: answers by question, the documents,
    the thematic focus, the co-organisers, and for a host application the clusters that fit the
    proposed region's priorities (those it could bring, those it could invite)."""
    answers = application.answers or {}
    hosting = application.call.purpose == Call.Purpose.HOST and application.region_id
    return {
        "answered_questions": [
            (question, answers.get(str(question.pk), ""))
            for question in application.call.questions.all()
        ],
        "application_documents": list(
            application.documents.select_related("requirement", "uploaded_by").order_by(
                "requirement__position", "requirement__pk"
            )
        ),
        "ecosystems": list(application.ecosystems.all()),
        "co_organisers": list(application.co_organisers.order_by("name")),
        "host_fit": clusters_for_region(application.region) if hosting else None,
    }


def documents_by_requirement(application: Application) -> dict:
    """The application's uploaded documents, by required document id."""
    documents = ApplicationDocument.objects.filter(application=application).select_related(
        "uploaded_by"
    )
    return {document.requirement_id: document for document in documents}


def document_or_404(application_pk: int, pk: int) -> ApplicationDocument:
    return get_object_or_404(
        ApplicationDocument.objects.select_related("application__call"),
        pk=pk,
        application_id=application_pk,
    )


def application_history(application: Application) -> list:
    """Who did what to the application, and when (the shared action log): oldest first."""
    return list(actions_on(application).reverse())


def withdrawn_applications(call: Call, cut_off: CutOff | None = None) -> list[Application]:
    withdrawn = call.applications.filter(status=Application.Status.WITHDRAWN).select_related(
        "organisation"
    )
    if cut_off is not None:
        withdrawn = withdrawn.filter(cut_off=cut_off)
    return list(withdrawn)


def draft_count(call: Call) -> int:
    return call.applications.filter(status=Application.Status.DRAFT).count()


def next_cut_off(call: Call, now=None) -> CutOff | None:
    """The first cut-off whose deadline is still ahead: a submission at ``now`` counts toward it.

    The deadline itself is the first moment that is too late."""
    now = now or timezone.now()
    return call.cut_offs.filter(deadline__gt=now).order_by("deadline").first()


def missing_parts(application: Application) -> list[str]:
    """What must still be filled in before this application can be submitted."""
    call = application.call
    missing = []
    if call.purpose == Call.Purpose.HOST:
        labels = {
            "region": _("the proposed host region"),
            "proposed_starts_on": _("the proposed first day"),
            "proposed_ends_on": _("the proposed last day"),
            "city": _("the city"),
        }
        missing += [label for name, label in labels.items() if not getattr(application, name)]
    if not application.summary.strip():
        missing.append(_("the summary"))
    for question in call.questions.filter(required=True):
        if not application.answers.get(str(question.pk), "").strip():
            missing.append(_("an answer to “%s”") % question.text)
    uploaded = set(application.documents.values_list("requirement_id", flat=True))
    for requirement in call.documents.filter(required=True):
        if requirement.pk not in uploaded:
            missing.append(requirement.title)
    return missing
