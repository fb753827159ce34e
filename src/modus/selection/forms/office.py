"""Forms the people who run a call use: the call itself, its parts, reviewers and decisions.

They check what people type; ``selection.services`` checks the rules and writes."""

import datetime as dt
import re

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from modus.directory.models import Organisation
from modus.web.translation_forms import PlainTranslationsMixin, add_translation_fields

from ..models import PDF_LIMIT_BYTES, Call
from ..time_zones import DEADLINE_TIME_ZONES

MAX_DOCUMENT_MB = 50


def split_codes(value: str) -> list[str]:
    return [item.strip() for item in re.split(r"[,\s]+", value or "") if item.strip()]


class CallForm(PlainTranslationsMixin, forms.Form):
    """The text and rules of a call; pitch calls add the pitch length and the places. Title and
    text have one tab per language."""

    translatable_fields = ("title", "description")

    title = forms.CharField(label=_("title"), max_length=250)
    description = forms.CharField(
        label=_("text of the call"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=_("Plain text; blank lines separate paragraphs."),
    )
    original_language = forms.ChoiceField(
        label=_("Language of the text"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        required=False,
    )
    eligible_kinds = forms.MultipleChoiceField(
        label=_("organisation kinds that may apply"),
        choices=Organisation.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None ticked: every kind."),
    )
    eligible_countries = forms.CharField(
        label=_("countries that may apply"),
        required=False,
        max_length=500,
        help_text=_(
            "Two-letter country codes separated by commas, e.g. PL, CZ. Empty: every country."
        ),
    )
    score_min = forms.IntegerField(label=_("lowest score"), min_value=0, max_value=99, initial=0)
    score_max = forms.IntegerField(label=_("highest score"), min_value=1, max_value=100, initial=5)
    review_days = forms.IntegerField(
        label=_("days for reviews after a cut-off"),
        min_value=1,
        max_value=365,
        initial=14,
        help_text=_("Reviewers who have not submitted by then get a reminder."),
    )
    pitch_minutes = forms.IntegerField(
        label=_("pitch length (minutes)"), min_value=1, max_value=120, required=False
    )
    places = forms.IntegerField(label=_("places"), min_value=1, max_value=500, required=False)

    def __init__(self, *args, call: Call | None = None, pitches: bool = False, **kwargs):
        if call is not None:
            pitches = call.is_pitch_call
            kwargs.setdefault(
                "initial",
                {
                    "title": call.original_text("title"),
                    "description": call.original_text("description"),
                    "original_language": call.original_language,
                    "eligible_kinds": call.eligible_kinds,
                    "eligible_countries": ", ".join(call.eligible_countries),
                    "score_min": call.score_min,
                    "score_max": call.score_max,
                    "review_days": call.review_days,
                    "pitch_minutes": call.pitch_minutes,
                    "places": call.places,
                },
            )
        super().__init__(*args, **kwargs)
        add_translation_fields(self, self.translatable_fields, call.translations if call else {})
        if pitches:
            # Reminders to reviewers after a cut-off mean little for a pitching session.
            del self.fields["review_days"]
        else:
            del self.fields["pitch_minutes"]
            del self.fields["places"]

    def clean_eligible_countries(self):
        codes = [code.upper() for code in split_codes(self.cleaned_data["eligible_countries"])]
        wrong = [code for code in codes if len(code) != 2 or not code.isalpha()]
        if wrong:
            raise forms.ValidationError(
                _("Not a two-letter country code: %(codes)s."),
                code="bad_country",
                params={"codes": ", ".join(wrong)},
            )
        return sorted(set(codes))

    def clean(self):
        data = super().clean()
        low, high = data.get("score_min"), data.get("score_max")
        if low is not None and high is not None and low >= high:
            self.add_error("score_max", _("The highest score must be above the lowest."))
        return data

    def clean_original_language(self):
        return self.cleaned_data["original_language"] or settings.LANGUAGE_CODE

    def values(self) -> dict:
        """Keyword arguments for ``create_call`` / ``update_call``."""
        return dict(self.cleaned_data)


class CutOffForm(forms.Form):
    """A deadline as the wall-clock time of its own time zone."""

    day = forms.DateField(
        label=_("date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    time = forms.TimeField(
        label=_("time"),
        initial=dt.time(18, 0),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    time_zone = forms.ChoiceField(
        label=_("time zone"),
        choices=[(zone, zone) for zone in DEADLINE_TIME_ZONES],
        initial="Europe/Brussels",
    )
    label = forms.CharField(
        label=_("label"), max_length=120, required=False, help_text=_("e.g. “First cut-off”.")
    )

    def __init__(self, *args, time_zone: str | None = None, **kwargs):
        """``time_zone``: the one offered first (a pitch call's: its event's), added to the
        choices when it is not among them."""
        super().__init__(*args, **kwargs)
        if time_zone:
            field = self.fields["time_zone"]
            if time_zone not in DEADLINE_TIME_ZONES:
                field.choices = [(time_zone, time_zone), *field.choices]
            field.initial = time_zone

    def local_deadline(self) -> dt.datetime:
        return dt.datetime.combine(self.cleaned_data["day"], self.cleaned_data["time"])


class CallPartForm(PlainTranslationsMixin, forms.Form):
    """A criterion, question or document, written in the call's language with one tab for
    each other language."""

    def __init__(self, *args, call: Call | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed_original = call.original if call is not None else None
        add_translation_fields(self, self.translatable_fields)


class CriterionForm(CallPartForm):
    translatable_fields = ("title", "description")

    title = forms.CharField(label=_("criterion"), max_length=200)
    weight = forms.IntegerField(label=_("weight"), min_value=1, max_value=100, initial=1)
    description = forms.CharField(
        label=_("description"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class QuestionForm(CallPartForm):
    translatable_fields = ("text", "help_text")

    text = forms.CharField(label=_("question"), max_length=300)
    help_text = forms.CharField(label=_("help text"), max_length=300, required=False)
    required = forms.BooleanField(label=_("an answer is required"), required=False, initial=True)


class DocumentForm(CallPartForm):
    translatable_fields = ("title", "description")

    title = forms.CharField(label=_("document"), max_length=200)
    description = forms.CharField(label=_("description"), max_length=300, required=False)
    required = forms.BooleanField(label=_("required"), required=False, initial=True)
    size_mb = forms.IntegerField(
        label=_("size limit (MB)"),
        min_value=1,
        max_value=MAX_DOCUMENT_MB,
        initial=PDF_LIMIT_BYTES // (1024 * 1024),
        help_text=_("A PDF, checked by its content."),
    )

    def max_bytes(self) -> int:
        return self.cleaned_data["size_mb"] * 1024 * 1024


class UserByEmailForm(forms.Form):
    """Someone with an account, found by their e-mail address."""

    email = forms.EmailField(label=_("e-mail address"))

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(
                _("Nobody with this e-mail address has an account here."), code="unknown_user"
            )
        self.user = user
        return email


class AssignForm(UserByEmailForm):
    email = forms.EmailField(
        label=_("reviewer's e-mail address"),
        help_text=_("The reviewer needs an account and may not belong to the applicant."),
    )


class JuryForm(UserByEmailForm):
    email = forms.EmailField(
        label=_("jury member's e-mail address"),
        help_text=_("The jury member needs an account."),
    )


class AcceptForm(forms.Form):
    reasons = forms.CharField(
        label=_("reasons (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Sent to the applicant with the decision."),
    )


class RejectForm(forms.Form):
    reasons = forms.CharField(
        label=_("reasons"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Required: sent to the applicant with the decision."),
    )


class ReopenForm(forms.Form):
    note = forms.CharField(label=_("note for the log (optional)"), max_length=500, required=False)


class CutOffFilterForm(forms.Form):
    cut_off = forms.TypedChoiceField(
        label=_("cut-off"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, cut_offs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cut_off"].choices = [("", _("All cut-offs"))] + [
            (c.pk, str(c)) for c in cut_offs
        ]
