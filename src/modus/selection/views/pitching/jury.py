"""The jury's score sheets on a phone, for a call for pitches.

For the members of the call's jury (its panel, or anyone with a live score sheet) and the
co-hosts; anyone else gets 404, anonymous visitors log in first.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from ... import selectors, services
from ...forms.pitching import ScoreSheetForm
from ...models import Call
from ...permissions import may_manage_call


@never_cache
@require_http_methods(["GET", "POST"])
def jury(request, slug):
    """The jury (the call's panel) and the co-hosts: score the pitches on a phone."""
    call = selectors.call_or_404(slug, purpose=Call.Purpose.PITCHES)
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    manager = may_manage_call(user, call)
    on_panel = selectors.on_panel(call, user)
    if on_panel and selectors.misses_sheets(call, user):
        # A jury member who opens the page gets the score sheets they still miss.
        services.open_own_jury_sheets(call, user=user)
    reviews = selectors.live_sheets(call, user)
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
    progress = selectors.pitch_progress(call) if manager else []
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
