"""The form co-hosts use for their event's details. It checks input; ``update_event`` writes."""

import re
import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _

from modus.directory.models import Ecosystem, SmartSpecialisationPriority
from modus.web.translation_forms import (
    add_translation_fields,
    read_translations,
    translation_tabs,
)
from modus.web.translations import content_languages
from modus.web.widgets import QuickSelect

from ..models import Event, Venue
from ..services.events import EVENT_FIELDS

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def split_list(value: str) -> list[str]:
    """Items separated by commas or new lines, stripped, empty ones left out."""
    return [item.strip() for item in re.split(r"[,\n]", value or "") if item.strip()]


class EventManageForm(forms.ModelForm):
    """The details of an event its co-hosts keep up to date."""

    time_zone = forms.ChoiceField(label=_("time zone"), widget=QuickSelect)
    languages = forms.CharField(
        label=_("languages"),
        required=False,
        help_text=_("Language codes separated by commas, e.g. en, pl."),
    )
    ecosystems = forms.ModelMultipleChoiceField(
        label=_("industrial ecosystems"),
        queryset=Ecosystem.objects.order_by("position", "label"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    priorities = forms.ModelMultipleChoiceField(
        label=_("priorities of the host region"),
        queryset=SmartSpecialisationPriority.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    venue = forms.ModelChoiceField(
        label=_("venue"), queryset=Venue.objects.order_by("name"), required=False
    )
    co_located_with = forms.ModelChoiceField(
        label=_("held alongside"), queryset=Event.objects.none(), required=False
    )

    class Meta:
        model = Event
        fields = [name for name in EVENT_FIELDS if name != "translations"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "report": QuickSelect,
        }
        labels = {"report": _("event report (a news article)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.instance
        self.fields["time_zone"].choices = [
            (name, name) for name in sorted(zoneinfo.available_timezones()) if "/" in name
        ]
        self.fields["priorities"].queryset = SmartSpecialisationPriority.objects.filter(
            region_id=event.region_id
        ).order_by("position", "title")
        self.fields["co_located_with"].queryset = Event.objects.exclude(pk=event.pk).order_by(
            "-starts_on"
        )
        # The report is a news article; the model field gives its queryset (news builds on
        # events, so events does not import it).
        articles = self.fields["report"].queryset.only("pk", "title").order_by("-created_at")
        self.fields["report"].queryset = articles
        self.fields["report"].choices = [("", "---------")] + [
            (article.pk, article.title) for article in articles
        ]
        if not self.is_bound:
            self.initial["languages"] = ", ".join(event.languages or [])
        self.fields["original_language"].label = _("Language of the text")
        self.fields["original_language"].required = False
        add_translation_fields(self, self.tabbed, event.translations or {})

    # The name is the programme office's; co-hosts write the description, in each language.
    tabbed = ("description",)

    @property
    def translation_tabs(self):
        value = self.data.get("original_language") if self.is_bound else None
        return translation_tabs(self, self.tabbed, value or self.instance.original)

    def clean_original_language(self):
        return self.cleaned_data.get("original_language") or self.instance.original

    def _translations(self) -> dict:
        """The typed descriptions merged into the stored translations (the name's stay)."""
        original = self.cleaned_data.get("original_language") or self.instance.original
        typed = read_translations(self.cleaned_data, self.tabbed, original=original)
        merged = {}
        for language in content_languages():
            texts = {
                field: text
                for field, text in (self.instance.translations or {}).get(language, {}).items()
                if field not in self.tabbed
            }
            texts.update(typed.get(language, {}))
            if texts and language != original:
                merged[language] = texts
        return merged

    def clean_languages(self):
        codes = [code.lower() for code in split_list(self.cleaned_data["languages"])]
        wrong = [code for code in codes if not LANGUAGE_CODE.match(code)]
        if wrong:
            raise forms.ValidationError(
                _("Not a language code: %(codes)s."),
                code="invalid_language",
                params={"codes": ", ".join(wrong)},
            )
        return list(dict.fromkeys(codes))

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            # Said next to the dates (the database's constraint would only name itself).
            self.add_error(
                "ends_on",
                forms.ValidationError(
                    _("An event cannot end before it starts."), code="ends_before_start"
                ),
            )
        return cleaned

    def changes(self) -> dict:
        """The cleaned values of the fields that changed, for ``update_event``."""
        names = [n for n in self.changed_data if n in EVENT_FIELDS]
        changes = {name: self.cleaned_data[name] for name in names}
        translations = self._translations()
        if translations != (self.instance.translations or {}):
            changes["translations"] = translations
        return changes
