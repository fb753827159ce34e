"""Forms applicants use: choose the organisation that applies, and fill in the application.

Nothing is required until submission (``services.applications.missing_parts`` says what is
missing then), so the form only checks what is typed is well-formed; the services decide the rest.
Uploads are never refused by the form itself: ``attach_document`` checks each file by content and
size, and the view puts its message next to that file's field.
"""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from modus.directory.models import Ecosystem, Organisation, Region
from modus.directory.reference import sorted_countries
from modus.web.translations import localise
from modus.web.widgets import QuickSelect, QuickSelectMultiple

from ..models import Application, Call

HOST_REGION_LEVEL = 2


class ApplyForm(forms.Form):
    """Which of the user's organisations applies (shown only when there is a choice)."""

    organisation = forms.ModelChoiceField(
        label=_("Apply for"), queryset=Organisation.objects.none(), empty_label=None
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[org.pk for org in organisations]
        ).order_by("name")


def question_field_name(question) -> str:
    return f"question_{question.pk}"


def document_field_name(requirement) -> str:
    return f"document_{requirement.pk}"


class ApplicationForm(forms.Form):
    """Everything an applicant fills in: the text, what a host proposes, answers and documents."""

    title = forms.CharField(label=_("Title"), max_length=250)
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Required before you submit."),
    )
    # Host calls only (removed for pitches).
    region = forms.ModelChoiceField(
        label=_("Proposed host region"),
        queryset=Region.objects.none(),
        required=False,
        widget=QuickSelect,
        help_text=_("A NUTS-2 region. Required before you submit."),
    )
    proposed_starts_on = forms.DateField(
        label=_("Proposed first day"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Required before you submit."),
    )
    proposed_ends_on = forms.DateField(
        label=_("Proposed last day"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Required before you submit."),
    )
    venue = forms.CharField(label=_("Proposed venue"), max_length=250, required=False)
    city = forms.CharField(
        label=_("City"),
        max_length=120,
        required=False,
        help_text=_("Required before you submit."),
    )
    ecosystems = forms.ModelMultipleChoiceField(
        label=_("Thematic focus (industrial ecosystems)"),
        queryset=Ecosystem.objects.order_by("position", "label"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    co_organisers = forms.ModelMultipleChoiceField(
        label=_("Co-organisers"),
        queryset=Organisation.objects.none(),
        widget=QuickSelectMultiple(attrs={"size": 8}),
        required=False,
        help_text=_("Hold Ctrl (or ⌘) to choose several organisations."),
    )

    HOST_FIELDS = (
        "region",
        "proposed_starts_on",
        "proposed_ends_on",
        "venue",
        "city",
        "ecosystems",
        "co_organisers",
    )

    def __init__(self, *args, application: Application, **kwargs):
        self.application = application
        call = application.call
        # In the applicant's language where the call has it (the call's original otherwise).
        self.questions = localise(list(call.questions.all()))
        self.requirements = localise(list(call.documents.all()))
        if "initial" not in kwargs:
            kwargs["initial"] = self._initial(application)
        super().__init__(*args, **kwargs)
        if call.purpose == Call.Purpose.HOST:
            self._set_host_choices(call, application)
        else:
            for name in self.HOST_FIELDS:
                del self.fields[name]
        for question in self.questions:
            self.fields[question_field_name(question)] = forms.CharField(
                label=question.text,
                required=False,
                widget=forms.Textarea(attrs={"rows": 5}),
                help_text=question.help_text,
            )
        for requirement in self.requirements:
            help_text = _("A PDF of at most %(limit)s.") % {
                "limit": filesizeformat(requirement.max_bytes)
            }
            if requirement.description:
                help_text = f"{requirement.description} {help_text}"
            self.fields[document_field_name(requirement)] = forms.FileField(
                label=requirement.title,
                required=False,
                allow_empty_file=True,  # the service says "The file is empty." next to the field
                help_text=help_text,
                widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
            )

    @staticmethod
    def _initial(application: Application) -> dict:
        initial = {
            "title": application.title,
            "summary": application.summary,
            "region": application.region_id,
            "proposed_starts_on": application.proposed_starts_on,
            "proposed_ends_on": application.proposed_ends_on,
            "venue": application.venue,
            "city": application.city,
        }
        if application.pk:
            initial["ecosystems"] = [e.pk for e in application.ecosystems.all()]
            initial["co_organisers"] = [o.pk for o in application.co_organisers.all()]
        for key, value in (application.answers or {}).items():
            initial[f"question_{key}"] = value
        return initial

    def _set_host_choices(self, call: Call, application: Application) -> None:
        regions = Region.objects.filter(level=HOST_REGION_LEVEL)
        if call.eligible_countries:
            regions = regions.filter(country_code__in=call.eligible_countries)
        region_field = self.fields["region"]
        region_field.queryset = regions
        groups: dict[str, list] = {}
        for code, name, country in regions.order_by("country_code", "name").values_list(
            "code", "name", "country_code"
        ):
            groups.setdefault(country, []).append((code, f"{name} ({code})"))
        region_field.widget.choices = [("", "---------")] + [
            (name, groups[code]) for code, name in sorted_countries(groups)
        ]
        others = Organisation.objects.exclude(pk=application.organisation_id)
        co_field = self.fields["co_organisers"]
        co_field.queryset = others
        co_field.widget.choices = list(others.order_by("name").values_list("pk", "name"))

    def question_fields(self):
        """(question, bound field) pairs, in the call's order."""
        return [(q, self[question_field_name(q)]) for q in self.questions]

    def document_fields(self):
        """(requirement, bound field) pairs, in the call's order."""
        return [(r, self[document_field_name(r)]) for r in self.requirements]

    def draft_values(self) -> dict:
        """Keyword arguments for ``services.save_draft`` from the cleaned data."""
        data = self.cleaned_data
        values = {"title": data["title"], "summary": data["summary"]}
        if self.application.call.purpose == Call.Purpose.HOST:
            for name in ("region", "proposed_starts_on", "proposed_ends_on", "venue", "city"):
                values[name] = data[name]
            values["ecosystems"] = list(data["ecosystems"])
            values["co_organisers"] = list(data["co_organisers"])
        values["answers"] = {
            str(q.pk): data.get(question_field_name(q), "") or "" for q in self.questions
        }
        return values

    def uploads(self) -> list:
        """(requirement, uploaded file) for every file chosen in this request."""
        return [
            (r, self.files[document_field_name(r)])
            for r in self.requirements
            if document_field_name(r) in self.files
        ]
