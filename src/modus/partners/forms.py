"""Input of people: opportunities, filters, moderation, interest."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modus.directory.models import Ecosystem, Organisation, Region
from modus.web.translation_forms import PlainTranslationsMixin, add_translation_fields

from .selectors import kinds_for


class OpportunityForm(PlainTranslationsMixin, forms.Form):
    """The opportunity's fields; title and description with one tab per language."""

    translatable_fields = ("title", "description")

    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    kind = forms.ModelChoiceField(label=_("Kind"), queryset=None)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 6}))
    original_language = forms.ChoiceField(
        label=_("Language of the text"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        required=False,
    )
    ecosystems = forms.ModelMultipleChoiceField(
        label=_("Industrial ecosystems"),
        queryset=Ecosystem.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    keywords = forms.CharField(
        label=_("Keywords"), max_length=300, required=False, help_text=_("Separated by commas.")
    )
    target_countries = forms.CharField(
        label=_("Target countries"),
        required=False,
        help_text=_("Two-letter codes separated by commas, e.g. PL, CZ."),
    )
    target_regions = forms.ModelMultipleChoiceField(
        label=_("Target regions"),
        queryset=Region.objects.filter(level__in=[1, 2]),
        required=False,
    )
    expires_on = forms.DateField(
        label=_("Expires on"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, user, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            memberships__user=user
        ).distinct()
        self.fields["kind"].queryset = kinds_for(event)
        self.fields["kind"].label_from_instance = lambda kind: kind.display_label
        self.fields["ecosystems"].label_from_instance = lambda eco: eco.display_label
        if not self.is_bound:
            self.initial.setdefault(
                "expires_on", timezone.localdate() + timezone.timedelta(days=90)
            )
        add_translation_fields(self, self.translatable_fields)

    def clean_original_language(self):
        return self.cleaned_data["original_language"] or settings.LANGUAGE_CODE

    def clean_target_countries(self):
        codes = [c.strip().upper() for c in self.cleaned_data["target_countries"].split(",")]
        codes = [c for c in codes if c]
        if any(len(c) != 2 or not c.isalpha() for c in codes):
            raise forms.ValidationError(_("Use two-letter country codes, e.g. PL, CZ."))
        return codes


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ModelChoiceField(label=_("Kind"), queryset=None, required=False)
    ecosystem = forms.ModelChoiceField(
        label=_("Industrial ecosystem"),
        queryset=Ecosystem.objects.all(),
        required=False,
        to_field_name="key",
    )
    country = forms.CharField(label=_("Country code"), max_length=2, required=False)

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = kinds_for(event)
        self.fields["kind"].label_from_instance = lambda kind: kind.display_label
        self.fields["ecosystem"].label_from_instance = lambda eco: eco.display_label
        self.fields["q"].widget.attrs.update(
            {"list": "opportunity-hints", "autocomplete": "off", "data-hints": "1"}
        )


class InterestForm(forms.Form):
    message = forms.CharField(
        label=_("Message"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class RefusalForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for refusal"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ModerationModeForm(forms.Form):
    manual = forms.BooleanField(label=_("Validate opportunities by hand"), required=False)
