"""Pitching sessions: the co-host's call and running order, the jury's phone score sheets, the
audience vote and the results.

Who may use what:
- ``pitch_call_create`` and ``running_order``: the event's co-hosts (and staff),
  ``may_manage_call``; anonymous visitors log in first, anyone else gets 403.
- ``jury``: members of the call's jury (its panel, or anyone with a live score sheet) and the
  co-hosts; anyone else gets 404.
- ``vote``: logged-in people; only confirmed registrations of the event can vote (others are told
  so, never a 500). One vote per person, kept by the database's unique constraint.
- ``results``: public once published; before that only the co-hosts may preview them (404 else).
"""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from modus.events.models import Event, Session
from modus.events.permissions import is_cohost
from modus.web.forms import add_service_errors

from .. import services
from ..forms_pitching import (
    DEFAULT_CRITERIA,
    CriterionFormSet,
    PitchCallForm,
    ScoreSheetForm,
    VoteForm,
)
from ..models import Application, AudienceVote, Call, Review
from ..permissions import has_conflict, may_manage_call
from ..services.pitching import may_vote


def _pitch_call_or_404(slug) -> Call:
    return get_object_or_404(
        Call.objects.select_related("session__event"), slug=slug, purpose=Call.Purpose.PITCHES
    )


def _selected_pitches(call: Call):
    return (
        call.applications.filter(status=Application.Status.ACCEPTED)
        .select_related("organisation")
        .order_by("running_order", "pk")
    )


def _login_or_403(request, allowed: bool):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not allowed:
        raise PermissionDenied
    return None


# Setting up ------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def pitch_call_create(request, event_slug, session_pk):
    """Co-hosts of the event (and staff): attach a call for pitches to a pitching session."""
    event = get_object_or_404(Event, slug=event_slug)
    if refusal := _login_or_403(request, is_cohost(request.user, event)):
        return refusal
    session = get_object_or_404(Session, pk=session_pk, event=event, kind=Session.Kind.PITCHING)
    existing = Call.objects.filter(session=session).first()
    if existing is not None:
        messages.info(request, _("This session already has a call for pitches."))
        return redirect("selection:call-manage", slug=existing.slug)
    if request.method == "POST":
        form = PitchCallForm(request.POST, time_zone=event.time_zone)
        criteria = CriterionFormSet(request.POST, prefix="criteria")
        if form.is_valid() and criteria.is_valid():
            try:
                call = _create_pitch_call(request.user, session, form, criteria)
            except ValidationError as error:
                add_service_errors(form, error, aliases={"local_deadline": "deadline_date"})
            else:
                if call.status == Call.Status.OPEN:
                    messages.success(request, _("The call for pitches is open."))
                else:
                    messages.success(request, _("The call for pitches is saved as a draft."))
                return redirect("selection:call-manage", slug=call.slug)
    else:
        form = PitchCallForm(
            time_zone=event.time_zone,
            initial={
                "title": _("Pitch at “%(session)s”") % {"session": session.title},
                "deadline_date": (
                    timezone.localtime(session.starts_at, event.zone) - dt.timedelta(days=14)
                ).date(),
            },
        )
        criteria = CriterionFormSet(prefix="criteria", initial=DEFAULT_CRITERIA)
    return render(
        request,
        "selection/pitch_call_form.html",
        {"event": event, "session": session, "form": form, "criteria": criteria},
    )


@transaction.atomic
def _create_pitch_call(user, session, form, criteria) -> Call:
    call = services.create_call(
        actor=user, purpose=Call.Purpose.PITCHES, session=session, **form.call_fields()
    )
    services.add_cut_off(
        call,
        actor=user,
        local_deadline=form.cleaned_data["local_deadline"],
        time_zone=session.event.time_zone,
    )
    for title, weight in criteria.entries():
        services.add_criterion(call, actor=user, title=title, weight=weight)
    if form.cleaned_data["open_now"]:
        services.open_call(call, actor=user)
    return call


# Running order and the co-host's switches ------------------------------------------------------


def _moved(order: list[int], pk: int, step: int) -> list[int]:
    position = order.index(pk)
    target = position + step
    if 0 <= target < len(order):
        order[position], order[target] = order[target], order[position]
    return order


@never_cache
@require_http_methods(["GET", "POST"])
def running_order(request, slug):
    """Co-hosts of the event (and staff): order the selected pitches, prepare the jury's score
    sheets, open and close the audience vote, publish the results. The jury itself is chosen on
    the call's manage page."""
    call = _pitch_call_or_404(slug)
    if refusal := _login_or_403(request, may_manage_call(request.user, call)):
        return refusal
    if request.method == "POST":
        _running_order_action(request, call, request.POST.get("action", ""))
        return redirect(reverse("selection:running-order", kwargs={"slug": call.slug}))
    pitches = list(
        _selected_pitches(call).annotate(
            sheets=Count("reviews", filter=Q(reviews__stage=Review.Stage.LIVE)),
            scored=Count(
                "reviews",
                filter=Q(reviews__stage=Review.Stage.LIVE, reviews__submitted_at__isnull=False),
            ),
            votes_cast=Count("votes", distinct=True),
        )
    )
    return render(
        request,
        "selection/running_order.html",
        {
            "call": call,
            "event": call.session.event,
            "session": call.session,
            "pitches": pitches,
            "jury": list(call.panel.order_by("full_name", "email")),
            "total_votes": sum(p.votes_cast for p in pitches),
        },
    )


def _running_order_action(request, call: Call, action: str) -> None:
    """One button of the running-order page; the outcome goes to the messages."""
    user = request.user
    try:
        if action in ("up", "down"):
            order = list(_selected_pitches(call).values_list("pk", flat=True))
            try:
                pk = int(request.POST.get("pitch", ""))
                order.index(pk)
            except ValueError:
                messages.error(request, _("This pitch is no longer selected."))
                return
            services.set_running_order(
                call, _moved(order, pk, -1 if action == "up" else 1), actor=user
            )
            messages.success(request, _("The running order is saved."))
        elif action == "prepare-jury":
            created = services.assign_jury(call, actor=user)
            messages.success(
                request,
                _("Score sheets prepared: %(count)s new.") % {"count": created},
            )
        elif action in ("open-voting", "close-voting"):
            services.set_voting(call, actor=user, open=action == "open-voting")
            if action == "open-voting":
                messages.success(request, _("Audience voting is open."))
            else:
                messages.success(request, _("Audience voting is closed."))
        elif action in ("publish", "unpublish"):
            services.publish_results(call, actor=user, published=action == "publish")
            if action == "publish":
                messages.success(request, _("The results are published."))
            else:
                messages.success(request, _("The results are hidden again."))
        else:
            messages.error(request, _("Unknown action."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)


# The jury --------------------------------------------------------------------------------------


def _ensure_own_sheets(call: Call, user) -> None:
    """A jury member who opens the page gets the score sheets they still miss."""
    if not call.panel.filter(pk=user.pk).exists():
        return
    own = Review.objects.filter(application=OuterRef("pk"), reviewer=user, stage=Review.Stage.LIVE)
    missing = call.applications.filter(status=Application.Status.ACCEPTED).filter(~Exists(own))
    if any(not has_conflict(user, application) for application in missing):
        services.open_own_jury_sheets(call, user=user)


@never_cache
@require_http_methods(["GET", "POST"])
def jury(request, slug):
    """The jury (the call's panel) and the co-hosts: score the pitches on a phone."""
    call = _pitch_call_or_404(slug)
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    manager = may_manage_call(user, call)
    on_panel = call.panel.filter(pk=user.pk).exists()
    if on_panel:
        _ensure_own_sheets(call, user)
    reviews = list(
        Review.objects.filter(
            reviewer=user,
            stage=Review.Stage.LIVE,
            application__call=call,
            application__status=Application.Status.ACCEPTED,
        )
        .select_related("application__organisation")
        .prefetch_related("scores")
        .order_by("application__running_order", "application__pk")
    )
    if not (manager or on_panel or reviews):
        raise Http404
    criteria = list(call.criteria.all())
    posted = None
    if request.method == "POST":
        try:
            posted = int(request.POST.get("review", ""))
        except ValueError as error:
            raise Http404 from error
        if posted not in {r.pk for r in reviews}:
            raise Http404
    sheets = []
    for review in reviews:
        bound = posted == review.pk
        form = ScoreSheetForm(
            request.POST if bound else None, call=call, criteria=criteria, review=review
        )
        if bound and form.is_valid() and not review.submitted_at:
            try:
                services.save_review(review, actor=user, scores=form.scores(), submit=True)
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    by_pk = {str(c.pk): c for c in criteria}
                    for key, errors in error.error_dict.items():
                        criterion = by_pk.get(key)
                        name = form.field_name(criterion) if criterion else None
                        for message in errors:
                            form.add_error(name, message)
                else:
                    for message in error.messages:
                        form.add_error(None, message)
            else:
                messages.success(
                    request,
                    _("Your scores for “%(pitch)s” are submitted.")
                    % {"pitch": review.application.title},
                )
                return redirect(
                    reverse("selection:jury", kwargs={"slug": call.slug})
                    + f"#pitch-{review.application_id}"
                )
        elif bound and review.submitted_at:
            messages.info(request, _("You had already submitted these scores; they are final."))
            return redirect(
                reverse("selection:jury", kwargs={"slug": call.slug})
                + f"#pitch-{review.application_id}"
            )
        scores = {s.criterion_id: s.value for s in review.scores.all()}
        sheets.append(
            {
                "review": review,
                "application": review.application,
                "form": form,
                "final": [(c, scores.get(c.pk)) for c in criteria],
            }
        )
    progress = []
    if manager:
        progress = list(
            _selected_pitches(call).annotate(
                sheets=Count("reviews", filter=Q(reviews__stage=Review.Stage.LIVE)),
                scored=Count(
                    "reviews",
                    filter=Q(reviews__stage=Review.Stage.LIVE, reviews__submitted_at__isnull=False),
                ),
            )
        )
    return render(
        request,
        "selection/jury.html",
        {
            "call": call,
            "event": call.session.event,
            "session": call.session,
            "sheets": sheets,
            "manager": manager,
            "on_panel": on_panel,
            "progress": progress,
            "scale": (call.score_min, call.score_max),
        },
    )


# The audience ----------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def vote(request, slug):
    """Logged-in people; registered (confirmed) participants of the event cast one vote."""
    call = _pitch_call_or_404(slug)
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    event = call.session.event
    allowed = may_vote(user, call)
    existing = (
        AudienceVote.objects.filter(call=call, user=user).select_related("application").first()
    )
    pitches = list(_selected_pitches(call))
    form = VoteForm(pitches=pitches)
    status = 200
    if request.method == "POST":
        if not allowed:
            status = 403
        elif existing is not None:
            messages.info(
                request,
                _("You have already voted for “%(pitch)s”. Each person votes once.")
                % {"pitch": existing.application.title},
            )
            return redirect("selection:vote", slug=call.slug)
        else:
            form = VoteForm(request.POST, pitches=pitches)
            if form.is_valid():
                try:
                    cast, created = services.cast_vote(call, form.application(), user=user)
                except PermissionDenied:
                    status = 403
                except ValidationError as error:
                    for message in error.messages:
                        form.add_error("pitch", message)
                else:
                    # A new vote is confirmed by the page itself (one confirmation, not two).
                    if not created:
                        messages.info(
                            request,
                            _("You have already voted for “%(pitch)s”. Each person votes once.")
                            % {"pitch": cast.application.title},
                        )
                    return redirect("selection:vote", slug=call.slug)
    return render(
        request,
        "selection/vote.html",
        {
            "call": call,
            "event": event,
            "session": call.session,
            "allowed": allowed,
            "existing": existing,
            "pitches": pitches,
            "form": form,
            "manager": may_manage_call(user, call),
        },
        status=status,
    )


@require_GET
def results(request, slug):
    """Public once the co-host publishes them; co-hosts may preview them before."""
    call = _pitch_call_or_404(slug)
    manager = may_manage_call(request.user, call)
    if not (call.results_published or manager):
        raise Http404
    outcome = services.pitch_results(call)
    favourites = {a.pk for a in outcome["favourites"]}
    return render(
        request,
        "selection/results.html",
        {
            "call": call,
            "event": call.session.event,
            "session": call.session,
            "jury": outcome["jury"],
            "votes": [(a, n, a.pk in favourites) for a, n in outcome["votes"]],
            "total_votes": outcome["total_votes"],
            "favourites": outcome["favourites"],
            "preview": not call.results_published,
            "manager": manager,
        },
    )
