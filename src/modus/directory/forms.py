from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from modus.web.translation_forms import (
    TranslationsFormMixin,
    add_translation_fields,
    read_translations,
    tabbed_field_names,
    translation_tabs,
    with_translation_fields,
)
from modus.web.uploads import check_image_upload
from modus.web.widgets import DatalistInput, QuickSelect

from .models import (
    AWARDED_FIELDS,
    CLUSTER_FIELDS,
    PROFILE_FIELDS,
    Ecosystem,
    Organisation,
    Region,
    slug_for,
)
from .permissions import may_award
from .reference import COUNTRY_NAMES, collation_key, country_name, fold, sorted_countries


class DirectorySearchForm(forms.Form):
    """The directory's GET form. Invalid filters are reported and ignored, never a 500."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), required=False, widget=QuickSelect)
    country = forms.ChoiceField(label=_("Country"), required=False, widget=QuickSelect)
    region = forms.CharField(
        label=_("Region"),
        required=False,
        max_length=200,
        widget=DatalistInput,
        help_text=_("Type a region's name or NUTS code, for example Śląskie or PL22."),
    )
    ecosystem = forms.ChoiceField(
        label=_("Industrial ecosystem"), required=False, widget=QuickSelect
    )
    label = forms.ChoiceField(label=_("Excellence label"), required=False, widget=QuickSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _("Any"))]
        self.fields["q"].widget.attrs.update({"type": "search"})
        self.fields["q"].widget.input_type = "search"
        self.fields["kind"].choices = anything + list(Organisation.Kind.choices)
        self.fields["country"].choices = anything + sorted_countries(COUNTRY_NAMES)
        self.regions = region_choices()
        self.fields["region"].widget.choices = [
            (code, f"{name} · {country_name(country)}") for code, name, country in self.regions
        ]
        self.fields["ecosystem"].choices = anything + [
            (e.key, e.display_label) for e in Ecosystem.objects.all()
        ]
        self.fields["label"].choices = anything + [
            choice for choice in Organisation.Label.choices if choice[0]
        ]

    def clean_region(self):
        """A NUTS code, or a region's name (in Latin letters or its own, accents optional)."""
        text = self.cleaned_data["region"].strip()
        if not text:
            return ""
        code = text.split()[0].upper()
        if Region.objects.filter(code=code).exists():
            return code
        wanted = fold(text)
        matches = sorted(
            (code, country) for code, name, country in self.regions if fold(name) == wanted
        )
        if not matches:
            matches = list(
                Region.objects.filter(name__iexact=text)
                .order_by("code")
                .values_list("code", "country_code")
            )
        if not matches:
            raise forms.ValidationError(_("There is no region with this name or NUTS code."))
        if len({country for _code, country in matches}) > 1:
            raise forms.ValidationError(
                _("Regions in several countries have this name: choose one from the list.")
            )
        return min((code for code, _country in matches), key=len)

    def filters(self) -> dict:
        """The valid filters, ready for ``selectors.search_organisations``."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "query": data.get("q", ""),
            "kind": data.get("kind") or None,
            "country": data.get("country") or None,
            "region": data.get("region") or None,
            "ecosystem": data.get("ecosystem") or None,
            "label": data.get("label") or None,
        }


def region_choices() -> list[tuple[str, str, str]]:
    """The regions the directory filters by: NUTS 1 and 2, without the "Extra-Regio" codes, as
    (code, name in Latin letters, country code), ordered by country name, then code."""
    rows = (
        Region.objects.filter(level__in=(1, 2))
        .exclude(name__startswith="Extra-Regio")
        .values_list("code", "latin_name", "name", "country_code")
    )
    regions = [(code, latin or name, country) for code, latin, name, country in rows]
    return sorted(regions, key=lambda row: (collation_key(country_name(row[2])), row[0]))


class ListField(forms.CharField):
    """A list of short texts, typed one per line or separated by semicolons."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        items = [item.strip() for line in text.splitlines() for item in line.split(";")]
        return [item for item in items if item]


class OrganisationForm(forms.ModelForm):
    """An organisation's profile as its admins edit it.

    Cluster fields appear for cluster kinds; the label and validation status only for staff.
    """

    CLUSTER_FIELDS = CLUSTER_FIELDS
    STAFF_FIELDS = AWARDED_FIELDS

    region = forms.ModelChoiceField(
        label=_("Region (NUTS code)"),
        queryset=Region.objects.all(),
        to_field_name="code",
        required=False,
        widget=forms.TextInput(attrs={"size": 8}),
        help_text=_("The most precise NUTS code you know, for example PL22A or CZ080."),
        error_messages={"invalid_choice": _("There is no region with this NUTS code.")},
    )
    technology_fields = ListField(
        label=_("Technology fields"),
        required=False,
        help_text=_("One per line, or separated by semicolons."),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    ecosystems = forms.ModelMultipleChoiceField(
        label=_("Industrial ecosystems"),
        queryset=Ecosystem.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Organisation
        fields = [name for name in PROFILE_FIELDS if name != "translations"]
        widgets = {
            "logo": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
            "label_date": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.is_cluster:
            for name in self.CLUSTER_FIELDS:
                del self.fields[name]
        if not may_award(user):
            for name in self.STAFF_FIELDS:
                del self.fields[name]
        self.fields["country_code"].help_text = _("Two letters, as NUTS writes them (EL, CZ, PL).")
        self.fields["original_language"].label = _("Language of the description")
        self.fields["original_language"].required = False
        add_translation_fields(
            self, Organisation.translatable_fields, self.instance.translations or {}
        )

    @property
    def translation_tabs(self):
        """One tab per language of the description (``web/_translation_tabs.html``)."""
        value = self.data.get("original_language") if self.is_bound else None
        original = value or self.instance.original
        return translation_tabs(self, Organisation.translatable_fields, original)

    @staticmethod
    def tabbed_names() -> set[str]:
        return tabbed_field_names(Organisation.translatable_fields)

    def clean_original_language(self):
        return self.cleaned_data.get("original_language") or self.instance.original

    def clean_country_code(self):
        return (self.cleaned_data.get("country_code") or "").strip().upper()

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):  # a new upload, not the stored file
            check_image_upload(logo)
        return logo

    def clean(self):
        data = super().clean()
        region, country = data.get("region"), data.get("country_code")
        if region and country and region.country_code != country:
            self.add_error("region", _("This region is not in the country you chose."))
        return data

    def _post_clean(self):
        # Skip ModelForm's writing to the instance: services.update_organisation does that.
        pass

    def changed_fields(self) -> dict:
        """The cleaned values for update_organisation, logo only when it changes."""
        tabbed = self.tabbed_names() - {"original_language", "description"}
        fields = {
            name: self.cleaned_data[name]
            for name in self.fields
            if name != "logo" and name not in tabbed
        }
        fields["translations"] = read_translations(
            self.cleaned_data,
            Organisation.translatable_fields,
            original=self.cleaned_data.get("original_language") or self.instance.original,
        )
        logo = self.cleaned_data.get("logo")
        if logo is False:
            fields["logo"] = ""
        elif logo and hasattr(logo, "content_type"):
            fields["logo"] = logo
        return fields


@with_translation_fields
class OrganisationAdminForm(TranslationsFormMixin, forms.ModelForm):
    """The admin's organisation form: the description has a field per language."""

    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = [f.name for f in Organisation._meta.fields if f.editable and f.name != "id"]
        fields = [*(n for n in fields if n != "translations"), "ecosystems"]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, comma-separated, with a header row (the export's columns)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.MODUS_MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                _("The file is too large (%(size)s); the limit is %(limit)s."),
                code="too_large",
                params={
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(settings.MODUS_MAX_IMPORT_BYTES),
                },
            )
        return upload


# CSV exchange ----------------------------------------------------------------------------------

# The file's columns: the slug, then every profile field but the logo, in profile order. The
# region is written as its NUTS code; lists (ecosystem keys, technology fields) joined with ";".
CSV_FIELDS = [
    name for name in PROFILE_FIELDS if name not in ("logo", "original_language", "translations")
]
CSV_NAMES = {"region": "region_code"}
CSV_COLUMNS = ["slug", *(CSV_NAMES.get(name, name) for name in CSV_FIELDS)]
LIST_SEPARATOR = ";"


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]


def _csv_formfield(db_field, **kwargs):
    """A cell read by the model field's own rules (and validators); only the name and the kind
    may be required (the kind only when the file has its column)."""
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    elif isinstance(db_field, models.DateField):
        kwargs["input_formats"] = ["%Y-%m-%d"]
    elif isinstance(db_field, models.TextField):
        kwargs["strip"] = False
    elif isinstance(db_field, models.DecimalField):
        kwargs["min_value"] = 0
    # The model's ranges (a founding year from 1800 to 2100); other checks the form field has.
    kwargs["validators"] = [
        v for v in db_field.validators if isinstance(v, MinValueValidator | MaxValueValidator)
    ]
    field = db_field.formfield(**kwargs)
    field.required = db_field.name in ("name", "kind")
    return field


class OrganisationRowForm(forms.Form):
    """Validates one CSV row; field names are the CSV columns. The plain fields follow the
    model's; the columns below are the ones the file writes differently."""

    slug = forms.SlugField(max_length=220, required=False)
    country_code = forms.RegexField(regex=r"^[A-Z]{2}$", required=False)
    region_code = forms.CharField(max_length=8, required=False)
    ecosystems = forms.CharField(required=False)
    technology_fields = forms.CharField(required=False)

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


_declared = dict(OrganisationRowForm.base_fields)
_from_model = forms.fields_for_model(
    Organisation,
    fields=[name for name in CSV_COLUMNS if name not in _declared],
    formfield_callback=_csv_formfield,
)
OrganisationRowForm.base_fields = {
    column: _declared.get(column) or _from_model[column] for column in CSV_COLUMNS
}
