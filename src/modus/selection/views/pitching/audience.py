"""The audience of a pitching session: the vote and the results.

- ``vote``: logged-in people; only confirmed registrations of the event can vote (others are told
  so, never a 500). One vote per person, kept by the database's unique constraint.
- ``results``: public once published; before that only the co-hosts may preview them (404 else).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from ... import selectors, services
from ...forms.pitching import VoteForm
from ...models import Call
from ...permissions import may_manage_call, may_vote


@never_cache
@require_http_methods(["GET", "POST"])
def vote(request, slug):
    """Logged-in people; registered (confirmed) participants of the event cast one vote."""
    call = selectors.call_or_404(slug, purpose=Call.Purpose.PITCHES)
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    event = call.session.event
    allowed = may_vote(user, call)
    existing = selectors.vote_of(call, user)
    pitches = list(selectors.selected_pitches(call))
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
    call = selectors.call_or_404(slug, purpose=Call.Purpose.PITCHES)
    manager = may_manage_call(request.user, call)
    if not (call.results_published or manager):
        raise Http404
    outcome = selectors.pitch_results(call)
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
