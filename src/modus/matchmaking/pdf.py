"""Printable agendas (reportlab): one participant's, or every participant's plus the table plan.

The fonts (embedded DejaVu or Liberation Sans for Polish and Czech letters, or Helvetica with
accents removed) are chosen in ``modus.web.pdf``, for every PDF of the project.
"""

import io

from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer, Table, TableStyle

from modus.web.pdf import PdfWriter

from . import dates
from .selectors.agenda import Agenda


class _Writer(PdfWriter):
    def table(self, rows, widths) -> Table:
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.lightgrey),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return table

    def agenda(self, agenda: Agenda) -> list:
        name = agenda.profile.display_name if agenda.profile else agenda.user.get_full_name()
        story = [
            self.para(_("Personal agenda: %(name)s") % {"name": name}, "title"),
            self.para(agenda.event.name, "meta"),
        ]
        if agenda.profile and agenda.profile.organisation_id:
            story.append(self.para(agenda.profile.organisation.name, "meta"))
        if not agenda.items:
            story += [Spacer(1, 6 * mm), self.para(_("Nothing on the agenda yet."))]
        for day, items in agenda.days:
            story.append(self.para(dates.day(day), "heading"))
            rows = [[self.para(_("Time")), self.para(_("What")), self.para(_("Where"))]]
            for item in items:
                what = item.title
                if item.kind == "meeting":
                    details = []
                    for other in item.others:
                        if other.organisation_id:
                            details.append(f"{other.display_name}: {other.organisation.name}")
                        if other.seeks:
                            details.append(_("Seeks: %(text)s") % {"text": other.seeks})
                    what = "\n".join([what, *details])
                rows.append(
                    [
                        self.para(dates.time_range(item.starts_at, item.ends_at)),
                        self.para(what),
                        self.para("\n".join(item.where) or item.location),
                    ]
                )
            story.append(self.table(rows, [28 * mm, 102 * mm, 45 * mm]))
        return story

    def table_plan(self, event, plan) -> list:
        story = [self.para(_("Table plan of %(event)s") % {"event": event.name}, "title")]
        if not plan:
            story.append(self.para(_("No meetings were placed.")))
        for starts_at, rows in plan:
            label = dates.moment(starts_at)
            story.append(self.para(label, "heading"))
            table_rows = [[self.para(_("Table")), self.para(_("Participants"))]]
            for table, names in rows:
                table_rows.append([self.para(table or "–"), self.para(" – ".join(names))])
            story.append(self.table(table_rows, [25 * mm, 150 * mm]))
        return story


def _build(story, title: str) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author="Modus",
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
    )
    document.build(story)
    return buffer.getvalue()


def agenda_pdf(agenda: Agenda) -> bytes:
    """One participant's agenda, in the active language."""
    writer = _Writer()
    return _build(writer.agenda(agenda), writer.text(agenda.event.name))


def organiser_pdf(event, agendas: list[Agenda], plan) -> bytes:
    """Every participant's agenda, a page (or more) each, then the table plan."""
    writer = _Writer()
    story = []
    for agenda in agendas:
        story += writer.agenda(agenda)
        story.append(PageBreak())
    story += writer.table_plan(event, plan)
    return _build(story, writer.text(event.name))
