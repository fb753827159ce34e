"""Every figure as rows of a spreadsheet (CSV or XLSX): one row per figure, named by its path
("b2b.funnel.cooperation"), with the value as the page shows it (suppressed counts read "<5").

Text cells go through ``web.spreadsheets.safe_cell``: an edition's name never runs as a formula.
"""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from modus.web.spreadsheets import safe_cell

from .suppression import THRESHOLD

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _flatten(value, path: str):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            name = item.get("slug", index) if isinstance(item, dict) else index
            yield from _flatten(item, f"{path}.{name}")
    else:
        yield path, value


def _cell(value):
    if value is None:
        return f"<{THRESHOLD}"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int | float):
        return value
    return safe_cell(value)


def rows(snapshot, figures: dict):
    """The header (what, when, where from), then one row per figure."""
    yield [_("Figure"), _("Value")]
    yield [_("Computed"), timezone.localtime(snapshot.computed_at).strftime("%Y-%m-%d %H:%M")]
    yield [_("Origin"), snapshot.get_origin_display()]
    if snapshot.source:
        yield [_("Source"), safe_cell(snapshot.source)]
    yield [_("Asked for feedback"), snapshot.invited]
    yield [_("Answered"), snapshot.responses]
    for path, value in _flatten(figures, ""):
        yield [safe_cell(path), _cell(value)]


def as_csv(snapshot, figures: dict) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows(snapshot, figures))
    return out.getvalue().encode("utf-8")


def as_xlsx(snapshot, figures: dict) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Figures"))
    for row in rows(snapshot, figures):
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
