"""Organisations in and out of CSV files.

An export re-imports unchanged. Rows are matched by slug (the ``slug`` column, or one derived from
the name). Each row is saved in its own savepoint, so one bad row never costs the good ones; bad
rows are reported with their line number and the reason.
"""

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from modus.web.spreadsheets import is_unsafe_import, safe_cell, unescape_cell

from ..forms import (
    CSV_COLUMNS,
    CSV_FIELDS,
    CSV_NAMES,
    LIST_SEPARATOR,
    OrganisationRowForm,
)
from ..models import Ecosystem, Organisation, Region, slug_for
from ..permissions import may_exchange_csv
from ..search import optimise
from .organisations import (
    OrganisationPermissionError,
    organisation_differs,
    save_organisation,
)

FIELD_OF_COLUMN = {column: name for name, column in CSV_NAMES.items()}


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)

    def summary(self) -> str:
        return _(
            "%(created)d created, %(updated)d updated, %(unchanged)d unchanged, "
            "%(rejected)d rejected"
        ) % {  # fmt: skip
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": len(self.rejected),
        }


def _fields_from_row(cleaned, columns) -> dict:
    """The organisation fields this row sets: only the columns the file has."""
    fields = {}
    for column in columns:
        if column == "slug":
            continue
        value = cleaned[column]
        if column == "validation_status" and value == "":
            value = Organisation.Validation.UNVALIDATED
        fields[FIELD_OF_COLUMN.get(column, column)] = value
    return fields


def _read_text(file_or_text) -> str:
    if isinstance(file_or_text, bytes):
        return file_or_text.decode("utf-8-sig")
    if isinstance(file_or_text, str):
        return file_or_text
    content = file_or_text.read()
    if isinstance(content, bytes):
        content = content.decode("utf-8-sig")
    return content.lstrip("\ufeff")


def import_organisations_csv(file_or_text, *, actor=None) -> ImportReport:
    """Create or update organisations from CSV. ``actor=None`` is the system; people must be staff.

    Unknown columns are rejected; missing columns leave those fields as they are.
    """
    if actor is not None and not may_exchange_csv(actor):
        raise OrganisationPermissionError(
            _("Only platform staff may import organisations."), code="not_staff"
        )
    report = ImportReport()
    try:
        text = _read_text(file_or_text)
    except UnicodeDecodeError:
        report.rejected.append((1, _("the file is not UTF-8 text")))
        return report
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [c.strip() for c in (reader.fieldnames or [])]
    reader.fieldnames = columns
    unknown = [c for c in columns if c not in CSV_COLUMNS]
    if "name" not in columns or unknown:
        reason = (
            _("unknown columns: %(columns)s") % {"columns": ", ".join(unknown)}
            if unknown
            else _("missing column name")
        )
        report.rejected.append((1, reason))
        return report

    ecosystems_by_key = {e.key: e for e in Ecosystem.objects.all()}
    codes = set()
    rows = []
    for row in reader:
        rows.append((reader.line_num, row))
        codes.add((row.get("region_code") or "").strip().upper())
    regions_by_code = Region.objects.in_bulk([c for c in codes if c])
    existing = {
        o.slug: o
        for o in Organisation.objects.prefetch_related("ecosystems").filter(
            slug__in=[
                (r.get("slug") or "").strip() or slug_for(r.get("name") or "") for _line, r in rows
            ]
        )
    }
    for line, row in rows:
        if None in row:
            report.rejected.append((line, _("more values than columns")))
            continue
        formulas = [key for key, value in row.items() if is_unsafe_import((value or "").strip())]
        if formulas:
            report.rejected.append(
                (
                    line,
                    _("%(columns)s: a cell may not start with = + - @ (a spreadsheet formula)")
                    % {"columns": ", ".join(formulas)},
                )
            )
            continue
        data = {key: unescape_cell((value or "").strip()) for key, value in row.items()}
        form = OrganisationRowForm(
            data, ecosystems_by_key=ecosystems_by_key, regions_by_code=regions_by_code
        )
        form.fields["kind"].required = "kind" in columns
        if not form.is_valid():
            report.rejected.append((line, form.first_error()))
            continue
        slug = form.cleaned_data["slug"]
        fields = _fields_from_row(form.cleaned_data, [c for c in columns if c in data])
        organisation = existing.get(slug)
        if organisation is not None and not organisation_differs(organisation, fields):
            report.unchanged += 1
            continue
        try:
            with transaction.atomic():
                saved, created = save_organisation(slug=slug, **fields)
        except ValidationError as error:
            report.rejected.append((line, "; ".join(error.messages)))
            continue
        existing[slug] = saved
        if created:
            report.created += 1
        else:
            report.updated += 1
    if report.created > 100:
        optimise()
    return report


def _cell(organisation, name) -> str:
    """One profile field as the CSV writes it (the import reads it back unchanged)."""
    if name == "region":
        return organisation.region_id or ""
    if name == "ecosystems":
        return LIST_SEPARATOR.join(e.key for e in organisation.ecosystems.all())
    value = getattr(organisation, name)
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def organisation_row(organisation) -> dict:
    """One organisation as a CSV row; text a spreadsheet would run as a formula is escaped."""
    cells = {CSV_NAMES.get(name, name): safe_cell(_cell(organisation, name)) for name in CSV_FIELDS}
    return {"slug": safe_cell(organisation.slug), **cells}


def export_organisations_csv(queryset, out) -> int:
    """Write the organisations as CSV (the import's columns) to a text stream; returns the count."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for organisation in (
        queryset.order_by("slug").prefetch_related("ecosystems").iterator(chunk_size=500)
    ):
        writer.writerow(organisation_row(organisation))
        count += 1
    return count
