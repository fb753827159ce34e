"""Downloads of the figures: CSV and XLSX of every figure, the edition's PDF report.

Public downloads carry the public figures (counts below 5 suppressed); the ``full`` ones need
what the full pages need: an edition's co-hosts or its programme's office."""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from .. import exports, selectors
from ..permissions import may_see_full_edition, may_see_full_programme
from ..report import edition_report
from ..suppression import suppress
from .access import guard
from .pages import edition_context

TYPES = {"csv": "text/csv; charset=utf-8", "xlsx": exports.XLSX_TYPE}


def _download(snapshot, figures, fmt: str, filename: str) -> HttpResponse:
    if fmt not in TYPES:
        raise Http404
    body = exports.as_csv(snapshot, figures) if fmt == "csv" else exports.as_xlsx(snapshot, figures)
    response = HttpResponse(body, content_type=TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@require_GET
def edition_export(request, slug, fmt, full=False):
    """Public (suppressed), or with ``full`` the edition's co-hosts and programme office."""
    event = selectors.public_edition_or_404(slug)
    if full:
        denied = guard(request, may_see_full_edition(request.user, event))
        if denied:
            return denied
    snapshot = selectors.edition_snapshot(event)
    figures = snapshot.figures if full else suppress(snapshot.figures)
    response = _download(snapshot, figures, fmt, f"{event.slug}-results{'-full' if full else ''}")
    response["Cache-Control"] = "private, no-store" if full else "public, max-age=300"
    return response


@require_GET
def programme_export(request, slug, fmt, full=False):
    """Public (suppressed), or with ``full`` the programme's office."""
    programme = selectors.programme_or_404(slug)
    if full:
        denied = guard(request, may_see_full_programme(request.user, programme))
        if denied:
            return denied
    snapshot = selectors.programme_snapshot(programme)
    figures = snapshot.figures if full else suppress(snapshot.figures)
    name = f"{programme.slug}-results{'-full' if full else ''}"
    response = _download(snapshot, figures, fmt, name)
    response["Cache-Control"] = "private, no-store" if full else "public, max-age=300"
    return response


@require_GET
def edition_pdf(request, slug):
    """Public: the edition's printable report, with the public figures."""
    event = selectors.public_edition_or_404(slug)
    snapshot = selectors.edition_snapshot(event)
    body = edition_report(event, snapshot, edition_context(snapshot, full=False))
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{event.slug}-results.pdf"'
    return response
