"""The results pages: public (small counts suppressed) and full (organisers, the office)."""

from django.contrib import messages
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from modus.directory.reference import ECOSYSTEM_LABELS

from .. import selectors, services
from ..charts.render import edition_pictures, programme_pictures
from ..models import Rating, Stage
from ..permissions import may_see_full_programme
from ..suppression import THRESHOLD, suppress
from .access import for_edition_organisers, guard
from .labels import funnel_rows, kind_rows, labelled, pair_rows

CACHE_SECONDS = 24 * 3600


def _edition_context(snapshot, *, full: bool) -> dict:
    figures = snapshot.figures if full else suppress(snapshot.figures)
    b2b = figures.get("b2b", {})
    participation = figures.get("participation", {})
    return {
        "snapshot": snapshot,
        "figures": figures,
        "full": full,
        "threshold": THRESHOLD,
        "kinds": kind_rows(participation.get("kinds", {})),
        "countries": labelled(participation.get("by_country", {}), country=True),
        "funnel": funnel_rows(b2b.get("funnel", {})),
        "ratings": labelled(b2b.get("ratings", {}), choices=Rating),
        "stages": labelled(b2b.get("stages", {}), choices=Stage),
        "pairs": pair_rows(b2b.get("country_pairs", {})),
    }


def edition_context(snapshot, *, full: bool) -> dict:
    """The figures of an edition's page (``edition_body`` adds the pictures)."""
    return _edition_context(snapshot, full=full)


def _body(kind: str, snapshot, full: bool, build) -> str:
    """The figures, tables and pictures of a page, rendered once per snapshot, language and
    view and kept until the figures are computed again (their time is in the key): a warm page
    costs two queries and a cache read, whatever the size of the series."""
    stamp = snapshot.computed_at.timestamp()
    key = f"results:body:{kind}:{snapshot.pk}:{stamp}:{get_language()}:{int(full)}"
    body = cache.get(key)
    if body is None:
        body = render_to_string(f"results/_{kind}_body.html", build())
        cache.set(key, body, CACHE_SECONDS)
    return mark_safe(body)  # noqa: S308 - rendered by our own template, escaped there


def edition_body(snapshot, *, full: bool) -> str:
    def build():
        context = _edition_context(snapshot, full=full)
        return {**context, "pictures": edition_pictures(context)}

    return _body("edition", snapshot, full, build)


@require_GET
def edition(request, slug):
    """Public: an edition's figures, counts below 5 suppressed."""
    event = selectors.public_edition_or_404(slug)
    snapshot = selectors.edition_snapshot(event, lazy=True)
    context = {"snapshot": snapshot, "full": False, "threshold": THRESHOLD}
    body = edition_body(snapshot, full=False)
    return render(request, "results/edition.html", {"event": event, "body": body, **context})


@require_GET
@for_edition_organisers
def edition_full(request, event):
    """The edition's co-hosts and its programme's office: every figure, and the answers."""
    snapshot = selectors.edition_snapshot(event, lazy=True)
    context = {"snapshot": snapshot, "full": True, "threshold": THRESHOLD}
    body = edition_body(snapshot, full=True)
    return render(request, "results/edition.html", {"event": event, "body": body, **context})


@require_POST
@for_edition_organisers
def edition_recompute(request, event):
    """The edition's co-hosts and programme office: compute the figures now."""
    services.recompute_edition(event)
    if event.programme_id:
        services.recompute_programme(event.programme)
    messages.success(request, _("The figures were computed again."))
    return redirect("results:edition-full", slug=event.slug)


def _programme_context(snapshot, *, full: bool) -> dict:
    figures = snapshot.figures if full else suppress(snapshot.figures)
    return {
        "snapshot": snapshot,
        "figures": figures,
        "full": full,
        "threshold": THRESHOLD,
        "kinds": kind_rows(figures.get("kinds", {})),
        "countries": labelled(figures.get("by_country", {}), country=True),
        "funnel": funnel_rows(figures.get("funnel", {})),
        "ratings": labelled(figures.get("ratings", {}), choices=Rating),
        "pairs": pair_rows(figures.get("country_pairs", {})),
        "ecosystems": [
            (str(ECOSYSTEM_LABELS.get(key, key)), row.get("meetings"))
            for key, row in figures.get("by_ecosystem", {}).items()
        ],
        "by_ecosystem": [
            (str(ECOSYSTEM_LABELS.get(key, key)), row)
            for key, row in figures.get("by_ecosystem", {}).items()
        ],
        "invented": any(row.get("origin") == "invented" for row in figures.get("trends", [])),
    }


def programme_body(snapshot, *, full: bool) -> str:
    def build():
        context = _programme_context(snapshot, full=full)
        return {**context, "pictures": programme_pictures(context)}

    return _body("programme", snapshot, full, build)


@require_GET
def programme(request, slug):
    """Public: a programme's figures across its editions, counts below 5 suppressed."""
    programme = selectors.programme_or_404(slug)
    snapshot = selectors.programme_snapshot(programme, lazy=True)
    context = {"snapshot": snapshot, "full": False, "threshold": THRESHOLD}
    body = programme_body(snapshot, full=False)
    return render(
        request, "results/programme.html", {"programme": programme, "body": body, **context}
    )


@require_GET
def programme_full(request, slug):
    """The programme's office (and staff): every figure of the series."""
    programme = selectors.programme_or_404(slug)
    denied = guard(request, may_see_full_programme(request.user, programme))
    if denied:
        return denied
    snapshot = selectors.programme_snapshot(programme, lazy=True)
    context = {"snapshot": snapshot, "full": True, "threshold": THRESHOLD}
    body = programme_body(snapshot, full=True)
    return render(
        request, "results/programme.html", {"programme": programme, "body": body, **context}
    )
