"""Forms of the pitching pages: the call for pitches, jury score sheets, the audience vote."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modus.directory.models import Organisation

from ..services.calls import local_to_utc

MAX_CRITERIA = 5
# Scales up to this many steps are radio buttons (big touch targets); longer ones a <select>.
RADIO_STEPS = 11


class PitchCallForm(forms.Form):
    """Everything a co-host says about the call for pitches of one pitching session."""

    title = forms.CharField(label=_("title"), max_length=250)
    description = forms.CharField(
        label=_("text of the call"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_(
            "Who should pitch and what the jury looks for. Blank lines separate paragraphs."
        ),
    )
    eligible_kinds = forms.MultipleChoiceField(
        label=_("organisation kinds that may apply"),
        choices=Organisation.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Tick none to let every kind apply."),
    )
    deadline_date = forms.DateField(
        label=_("deadline (day)"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    deadline_time = forms.TimeField(
        label=_("deadline (time)"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        initial=dt.time(18, 0),
    )
    pitch_minutes = forms.IntegerField(
        label=_("pitch length (minutes)"), min_value=1, max_value=120, initial=5
    )
    places = forms.IntegerField(
        label=_("places"),
        min_value=1,
        max_value=200,
        initial=8,
        help_text=_("How many pitches fit into the session."),
    )
    open_now = forms.BooleanField(
        label=_("Open the call for applications now"), required=False, initial=True
    )

    def __init__(self, *args, time_zone: str, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.time_zone = time_zone
        self.now = now

    def clean(self):
        cleaned = super().clean()
        day, time = cleaned.get("deadline_date"), cleaned.get("deadline_time")
        if day and time:
            local = dt.datetime.combine(day, time)
            if local_to_utc(local, self.time_zone) <= (self.now or timezone.now()):
                self.add_error("deadline_date", _("The deadline must be in the future."))
            else:
                cleaned["local_deadline"] = local
        return cleaned

    def call_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "description": data["description"],
            "eligible_kinds": data["eligible_kinds"],
            "pitch_minutes": data["pitch_minutes"],
            "places": data["places"],
        }


class CriterionForm(forms.Form):
    title = forms.CharField(label=_("criterion"), max_length=200, required=False)
    weight = forms.IntegerField(label=_("weight"), min_value=1, max_value=100, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("weight") and not cleaned.get("title"):
            self.add_error("title", _("Name the criterion, or clear its weight."))
        return cleaned


class BaseCriterionFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        if not self.entries():
            raise forms.ValidationError(
                _("Give the jury at least one criterion."), code="no_criteria"
            )

    def entries(self) -> list[tuple[str, int]]:
        return [
            (form.cleaned_data["title"].strip(), form.cleaned_data.get("weight") or 1)
            for form in self.forms
            if form.cleaned_data.get("title", "").strip()
        ]


CriterionFormSet = forms.formset_factory(
    CriterionForm,
    formset=BaseCriterionFormSet,
    extra=MAX_CRITERIA,
    max_num=MAX_CRITERIA,
    absolute_max=MAX_CRITERIA,
    validate_max=True,
)

DEFAULT_CRITERIA = [
    {"title": _("Innovation"), "weight": 2},
    {"title": _("Market potential"), "weight": 2},
    {"title": _("Team"), "weight": 1},
    {"title": _("Quality of the pitch"), "weight": 1},
]


class ScoreSheetForm(forms.Form):
    """One jury member's scores for one pitch: one choice per criterion on the call's scale."""

    def __init__(self, *args, call, criteria, review, **kwargs):
        kwargs.setdefault("prefix", f"review-{review.pk}")
        super().__init__(*args, **kwargs)
        self.review = review
        self.criteria = criteria
        steps = [(str(v), str(v)) for v in range(call.score_min, call.score_max + 1)]
        widget = forms.RadioSelect if len(steps) <= RADIO_STEPS else forms.Select
        existing = {score.criterion_id: score.value for score in review.scores.all()}
        for criterion in criteria:
            choices = steps if widget is forms.RadioSelect else [("", "—"), *steps]
            self.fields[self.field_name(criterion)] = forms.TypedChoiceField(
                label=criterion.title,
                choices=choices,
                coerce=int,
                widget=widget,
                help_text=criterion.description,
                initial=existing.get(criterion.pk),
                error_messages={"required": _("Choose a score.")},
            )

    @staticmethod
    def field_name(criterion) -> str:
        return f"criterion_{criterion.pk}"

    def scores(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[self.field_name(c)] for c in self.criteria}


class VoteForm(forms.Form):
    pitch = forms.TypedChoiceField(
        label=_("Your favourite pitch"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the pitch you vote for."),
            "invalid_choice": _("Choose one of the pitches on stage."),
        },
    )

    def __init__(self, *args, pitches, **kwargs):
        super().__init__(*args, **kwargs)
        self.pitches = {p.pk: p for p in pitches}
        self.fields["pitch"].choices = [
            (p.pk, f"{p.title} — {p.organisation.name}") for p in pitches
        ]

    def application(self):
        return self.pitches[self.cleaned_data["pitch"]]
