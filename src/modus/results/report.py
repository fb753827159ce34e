"""The printable report of an edition (reportlab, A4): the summary a programme publishes.

The same fonts as the agendas (``modus.web.pdf``), the same public figures as the page (small
counts suppressed), the funnel drawn as bars, and where the figures come from."""

import io

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from modus.web.pdf import PdfWriter

from .suppression import THRESHOLD
from .views.labels import B2B, PARTICIPATION, single_rows

BRAND = colors.HexColor("#0b4f8a")


class _Report(PdfWriter):
    title_size, heading_space, body_size, body_leading = 18, 10, 10, 13

    def value(self, value) -> str:
        if value == "":
            return "–"
        if value is None:
            return _("fewer than %(n)s") % {"n": THRESHOLD}
        if isinstance(value, float):
            return number_format(value, 2)
        return number_format(value, force_grouping=True)

    def table(self, rows, heading: str) -> list:
        data = [[self.para(heading), self.para(_("Count"))]]
        data += [[self.para(label), self.para(self.value(value))] for label, value in rows]
        table = Table(data, colWidths=[110 * mm, 50 * mm], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.lightgrey),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return [table]

    def bars(self, rows) -> Drawing:
        drawing = Drawing(160 * mm, 12 * mm * len(rows) + 10 * mm)
        chart = HorizontalBarChart()
        chart.x, chart.y = 45 * mm, 5 * mm
        chart.width, chart.height = 110 * mm, 12 * mm * len(rows)
        chart.data = [[value if isinstance(value, int) else 0 for _l, value in reversed(rows)]]
        chart.categoryAxis.categoryNames = [self.text(label) for label, _v in reversed(rows)]
        chart.categoryAxis.labels.fontName = self.regular
        chart.valueAxis.labels.fontName = self.regular
        chart.valueAxis.valueMin = 0
        chart.bars[0].fillColor = BRAND
        drawing.add(chart)
        return drawing


def edition_report(event, snapshot, context: dict) -> bytes:
    """``context``: the public figures of the page (``views.pages.edition_context``)."""
    report = _Report()
    figures = context["figures"]
    when = timezone.localtime(snapshot.computed_at).strftime("%Y-%m-%d %H:%M")
    story = [
        report.para(_("Results of %(name)s") % {"name": event.name}, "title"),
        report.para(
            _("Computed %(when)s. %(responses)s of %(invited)s people asked for feedback answered.")
            % {"when": when, "responses": snapshot.responses, "invited": snapshot.invited},
            "meta",
        ),
    ]
    if snapshot.origin == "published":
        story.append(
            report.para(_("Published figures. Source: %(source)s") % {"source": snapshot.source})
        )
    elif snapshot.origin == "invented":
        story.append(report.para(_("These figures are invented for the demo.")))
    if not context["full"]:
        story.append(
            report.para(
                _("Counts below %(threshold)s are not shown, so that nobody can be singled out.")
                % {"threshold": THRESHOLD},
                "meta",
            )
        )
    story += [report.para(_("Participation"), "heading")]
    story += report.table(single_rows(figures, PARTICIPATION), _("Figure"))
    story += [report.para(_("B2B meetings and pitches"), "heading")]
    story += report.table(single_rows(figures, B2B), _("Figure"))
    story += [report.para(_("The cooperation funnel"), "heading"), report.bars(context["funnel"])]
    story += report.table(context["funnel"], _("Step"))
    story += [report.para(_("Kinds of organisation"), "heading")]
    story += report.table(context["kinds"], _("Kind"))
    story += [report.para(_("Where participants came from"), "heading")]
    story += report.table(context["countries"], _("Country"))
    story += [report.para(_("Ratings of the meetings"), "heading")]
    story += report.table(context["ratings"], _("Rating"))
    story += [Spacer(1, 4 * mm), report.para("Modus", "meta")]
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=report.text(_("Results of %(name)s") % {"name": event.name}),
        author="Modus",
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
    ).build(story)
    return buffer.getvalue()
