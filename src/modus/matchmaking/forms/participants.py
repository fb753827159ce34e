"""What participants fill in: their profile, a request, the marketplace filters, availability."""

from django import forms
from django.utils.translation import gettext_lazy as _

from modus.directory.models import Ecosystem, Organisation, Region

from .. import selectors


class ProfileForm(forms.Form):
    offers = forms.CharField(
        label=_("What I offer"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    seeks = forms.CharField(
        label=_("What I seek"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    ecosystems = forms.ModelMultipleChoiceField(
        label=_("Industrial ecosystems"),
        queryset=Ecosystem.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    opted_in = forms.BooleanField(label=_("Show me in the marketplace"), required=False)


class RequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )


class FilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        help_text=_("A name, an organisation, or words of what they offer or seek."),
        required=False,
        max_length=200,
    )
    ecosystem = forms.ModelChoiceField(
        label=_("Ecosystem"),
        queryset=Ecosystem.objects.all(),
        to_field_name="key",
        required=False,
        empty_label=_("Any"),
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.none(),
        required=False,
        empty_label=_("Any"),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("Any"))] + list(Organisation.Kind.choices),
        required=False,
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = selectors.marketplace_regions(event)
        self.fields["q"].widget.attrs["aria-describedby"] = f"{self['q'].id_for_label}-help"


class AvailabilityForm(forms.Form):
    available = forms.MultipleChoiceField(
        label=_("I can meet in these slots"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, slot_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["available"].choices = slot_choices
