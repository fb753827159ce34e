"""Pages of partners. Each view says who may use it.

Event marketplaces are chosen with ``?event=<slug>``; without it the pages are the directory's
partner search."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from modus.events.models import Event
from modus.web.forms import add_service_errors

from . import selectors, services
from .forms import FilterForm, InterestForm, ModerationModeForm, OpportunityForm, RefusalForm
from .models import Interest, ModerationSettings, Opportunity
from .permissions import may_manage, may_moderate, may_view, sees_contact


def _event(request):
    slug = request.GET.get("event") or request.POST.get("event")
    return get_object_or_404(Event, slug=slug) if slug else None


@require_GET
def opportunity_list(request):
    """Everybody: live opportunities of the directory or of an event's marketplace."""
    event = _event(request)
    form = FilterForm(request.GET or None, event=event)
    filters = form.cleaned_data if form.is_valid() else {}
    found = selectors.opportunities(
        event=event,
        text=filters.get("q", ""),
        kind=filters.get("kind"),
        ecosystem=filters.get("ecosystem"),
        country=(filters.get("country") or "").upper(),
    )
    page = Paginator(found, selectors.PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "partners/list.html",
        {"event": event, "form": form, "page": page, "query": query.urlencode()},
    )


@require_GET
def hints(request):
    """Everybody: titles for the search field's type-ahead (JSON)."""
    return JsonResponse(
        {"titles": selectors.title_hints(request.GET.get("q", ""), event=_event(request))}
    )


@require_http_methods(["GET", "POST"])
def detail(request, pk):
    """Everybody for live opportunities; its organisation and moderators otherwise. Logged-in
    people express interest."""
    opportunity = get_object_or_404(
        Opportunity.objects.select_related(
            "organisation__region", "kind", "event", "author"
        ).in_language(),
        pk=pk,
    )
    if not may_view(request.user, opportunity):
        raise PermissionDenied
    form = InterestForm(request.POST or None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if form.is_valid():
            try:
                services.express_interest(opportunity, actor=request.user, **form.cleaned_data)
            except PermissionDenied:
                raise
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if opportunity.event_id:
                    messages.success(request, _("Your meeting request was sent."))
                    return redirect("matchmaking:requests", slug=opportunity.event.slug)
                messages.success(request, _("Your contact request was sent."))
                return redirect("partners:interests")
    interest = None
    if request.user.is_authenticated:
        interest = opportunity.interests.filter(user=request.user).first()
    return render(
        request,
        "partners/detail.html",
        {
            "opportunity": opportunity,
            "canonical_url": request.build_absolute_uri(opportunity.get_absolute_url()),
            "form": form,
            "interest": interest,
            "manages": may_manage(request.user, opportunity),
            "ecosystems": opportunity.ecosystems.all(),
            "regions": opportunity.target_regions.all(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    """Members of an organisation (in an event: its marketplace participants) post."""
    event = _event(request)
    form = OpportunityForm(request.POST or None, user=request.user, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            opportunity = services.post_opportunity(
                actor=request.user, event=event, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            if opportunity.status == Opportunity.Status.PENDING:
                messages.success(
                    request, _("Your opportunity waits for the organisers' validation.")
                )
            else:
                messages.success(request, _("Your opportunity is published."))
            return redirect(opportunity)
    return render(request, "partners/create.html", {"form": form, "event": event})


@login_required
@require_http_methods(["GET", "POST"])
def moderation(request):
    """An event's co-hosts (directory: staff): the queue and the validation mode."""
    event = _event(request)
    if not may_moderate(request.user, event):
        raise PermissionDenied
    current = ModerationSettings.objects.filter(event=event).first()
    mode = ModerationModeForm(
        request.POST or None, initial={"manual": bool(current and current.manual)}
    )
    if request.method == "POST" and mode.is_valid() and event is not None:
        services.set_moderation(event, actor=request.user, **mode.cleaned_data)
        messages.success(request, _("The validation mode was saved."))
        return redirect(f"{request.path}?event={event.slug}")
    return render(
        request,
        "partners/moderation.html",
        {
            "event": event,
            "queue": selectors.moderation_queue(event=event),
            "mode": mode,
            "refusal": RefusalForm(),
        },
    )


@login_required
@require_POST
def moderate(request, pk):
    """An event's co-hosts (directory: staff): approve or refuse with a reason."""
    opportunity = get_object_or_404(Opportunity, pk=pk)
    form = RefusalForm(request.POST)
    form.is_valid()
    try:
        services.moderate(
            opportunity,
            actor=request.user,
            approve=request.POST.get("decision") == "approve",
            reason=form.cleaned_data.get("reason", ""),
        )
    except PermissionDenied:
        raise
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The decision was saved."))
    suffix = f"?event={opportunity.event.slug}" if opportunity.event_id else ""
    return redirect(reverse("partners:moderation") + suffix)


@login_required
@require_GET
def interests(request):
    """The logged-in person: contact requests they sent and those about their opportunities."""
    received = list(selectors.received_interests(request.user))
    sent = list(selectors.sent_interests(request.user))
    for interest in received + sent:
        interest.show_contact = sees_contact(request.user, interest)
    return render(
        request,
        "partners/interests.html",
        {"received": received, "sent": sent, "own": selectors.own_opportunities(request.user)},
    )


@login_required
@require_POST
def answer(request, pk):
    """The opportunity's organisation: accept or decline a contact request."""
    interest = get_object_or_404(Interest, pk=pk)
    try:
        services.answer_interest(
            interest, actor=request.user, accept=request.POST.get("accept") == "1"
        )
    except PermissionDenied:
        raise
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Your answer was saved."))
    return redirect("partners:interests")
