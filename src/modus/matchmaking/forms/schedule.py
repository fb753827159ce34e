"""The organisers' changes to a draft schedule: moving or pinning a meeting."""

from django import forms
from django.utils.translation import gettext_lazy as _


class MoveMeetingForm(forms.Form):
    slot = forms.ChoiceField(label=_("Slot"))
    table = forms.IntegerField(
        label=_("Table"),
        min_value=1,
        required=False,
        help_text=_("Empty: the first free table."),
    )
    pinned = forms.BooleanField(
        label=_("Pin it here: the next run keeps it in this slot"), required=False
    )

    def __init__(self, *args, slot_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = slot_choices
