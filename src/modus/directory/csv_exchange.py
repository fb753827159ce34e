"""Organisations in and out of CSV files.

An export re-imports unchanged. Rows are matched by slug (the ``slug`` column, or one derived from
the name). Each row is saved in its own savepoint, so one bad row never costs the good ones; bad
rows are reported with their line number and the reason.
"""

import csv
import io
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from modus.accounts.permissions import is_staff

from .models import Ecosystem, Organisation, Region

CSV_COLUMNS = [
    "slug",
    "name",
    "acronym",
    "kind",
    "country_code",
    "region_code",
    "city",
    "website",
    "email",
    "phone",
    "founded_year",
    "description",
    "ecosystems",
    "technology_fields",
    "members_sme",
    "members_large",
    "members_research",
    "members_public",
    "members_other",
    "management_staff_fte",
    "label",
    "label_date",
    "validation_status",
]
LIST_SEPARATOR = ";"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected

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


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]


class OrganisationRowForm(forms.Form):
    """Validates one CSV row; field names are the CSV columns."""

    slug = forms.SlugField(max_length=220, required=False)
    name = forms.CharField(max_length=250)
    acronym = forms.CharField(max_length=40, required=False)
    kind = forms.ChoiceField(choices=Organisation.Kind.choices)
    country_code = forms.RegexField(regex=r"^[A-Z]{2}$", required=False)
    region_code = forms.CharField(max_length=8, required=False)
    city = forms.CharField(max_length=120, required=False)
    website = forms.URLField(required=False, assume_scheme="https")
    email = forms.EmailField(required=False)
    phone = forms.CharField(max_length=40, required=False)
    founded_year = forms.IntegerField(min_value=1800, max_value=2100, required=False)
    description = forms.CharField(required=False, strip=False)
    ecosystems = forms.CharField(required=False)
    technology_fields = forms.CharField(required=False)
    members_sme = forms.IntegerField(min_value=0, required=False)
    members_large = forms.IntegerField(min_value=0, required=False)
    members_research = forms.IntegerField(min_value=0, required=False)
    members_public = forms.IntegerField(min_value=0, required=False)
    members_other = forms.IntegerField(min_value=0, required=False)
    management_staff_fte = forms.DecimalField(
        min_value=0, max_digits=6, decimal_places=1, required=False
    )
    label = forms.ChoiceField(choices=Organisation.Label.choices, required=False)
    label_date = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    validation_status = forms.ChoiceField(choices=Organisation.Validation.choices, required=False)

    def __init__(self, *args, ecosystems_by_key, regions_by_code, **kwargs):
        super().__init__(*args, **kwargs)
        self.ecosystems_by_key = ecosystems_by_key
        self.regions_by_code = regions_by_code

    def clean_region_code(self):
        code = self.cleaned_data["region_code"].strip().upper()
        if code and code not in self.regions_by_code:
            raise forms.ValidationError(_("unknown region code “%(code)s”") % {"code": code})
        return self.regions_by_code.get(code) if code else None

    def clean_ecosystems(self):
        keys = _split(self.cleaned_data["ecosystems"])
        unknown = [key for key in keys if key not in self.ecosystems_by_key]
        if unknown:
            raise forms.ValidationError(
                _("unknown ecosystem key “%(key)s”") % {"key": ", ".join(unknown)}
            )
        return [self.ecosystems_by_key[key] for key in keys]

    def clean_technology_fields(self):
        return _split(self.cleaned_data["technology_fields"])

    def clean(self):
        data = super().clean()
        region = data.get("region_code")
        country = data.get("country_code")
        if region and country and region.country_code != country:
            self.add_error(
                "region_code",
                _("region %(code)s is not in country %(country)s")
                % {"code": region.code, "country": country},
            )
        if "name" in data and not data.get("slug"):
            from .services import slug_for

            data["slug"] = slug_for(data["name"])
            if not data["slug"]:
                self.add_error("name", _("the name needs at least one letter or digit"))
        return data

    def first_error(self) -> str:
        for name, errors in self.errors.items():
            message = errors[0]
            if errors.as_data()[0].code == "required":
                return _("missing %(column)s") % {"column": name}
            if name in ("kind", "label", "validation_status") and "choice" in (
                errors.as_data()[0].code or ""
            ):
                return _("unknown %(column)s “%(value)s”") % {
                    "column": name,
                    "value": self.data.get(name, ""),
                }
            return f"{name}: {message}" if name != "__all__" else message
        return ""


def _fields_from_row(cleaned, columns) -> dict:
    """The organisation fields this row sets: only the columns the file has."""
    fields = {}
    for column in columns:
        if column == "slug":
            continue
        value = cleaned[column]
        if column == "region_code":
            fields["region"] = value
        elif column in ("label", "validation_status") and value == "":
            fields[column] = (
                Organisation.Validation.UNVALIDATED if column == "validation_status" else ""
            )
        else:
            fields[column] = value
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
    from . import services

    if actor is not None and not is_staff(actor):
        raise services.OrganisationPermissionError(
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
                (r.get("slug") or "").strip() or services.slug_for(r.get("name") or "")
                for _line, r in rows
            ]
        )
    }
    for line, row in rows:
        if None in row:
            report.rejected.append((line, _("more values than columns")))
            continue
        data = {key: (value or "").strip() for key, value in row.items()}
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
        if organisation is not None and not services.organisation_differs(organisation, fields):
            report.unchanged += 1
            continue
        try:
            with transaction.atomic():
                saved, created = services.save_organisation(slug=slug, **fields)
        except ValidationError as error:
            report.rejected.append((line, "; ".join(error.messages)))
            continue
        existing[slug] = saved
        if created:
            report.created += 1
        else:
            report.updated += 1
    if report.created > 100:
        from .search import optimise

        optimise()
    return report


def organisation_row(organisation) -> dict:
    def text(value):
        return "" if value is None else str(value)

    return {
        "slug": organisation.slug,
        "name": organisation.name,
        "acronym": organisation.acronym,
        "kind": organisation.kind,
        "country_code": organisation.country_code,
        "region_code": organisation.region_id or "",
        "city": organisation.city,
        "website": organisation.website,
        "email": organisation.email,
        "phone": organisation.phone,
        "founded_year": text(organisation.founded_year),
        "description": organisation.description,
        "ecosystems": LIST_SEPARATOR.join(e.key for e in organisation.ecosystems.all()),
        "technology_fields": LIST_SEPARATOR.join(organisation.technology_fields or []),
        "members_sme": text(organisation.members_sme),
        "members_large": text(organisation.members_large),
        "members_research": text(organisation.members_research),
        "members_public": text(organisation.members_public),
        "members_other": text(organisation.members_other),
        "management_staff_fte": text(organisation.management_staff_fte),
        "label": organisation.label,
        "label_date": organisation.label_date.isoformat() if organisation.label_date else "",
        "validation_status": organisation.validation_status,
    }


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
