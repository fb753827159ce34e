"""Forms of the public event pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Session


class AgendaFilterForm(forms.Form):
    """The agenda's room and kind filter (GET). Invalid values are ignored and reported."""

    room = forms.IntegerField(label=_("Room"), required=False, min_value=1, widget=forms.Select)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Session.Kind.choices]
    )

    def filters(self) -> dict:
        """The valid filter values (None where a value is missing or invalid)."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {"room": cleaned.get("room"), "kind": cleaned.get("kind") or None}

    def offer(self, rooms, kinds) -> None:
        """Offer the rooms and kinds the agenda uses."""
        self.fields["room"].widget.choices = [("", _("All rooms"))] + [
            (room.pk, room.name) for room in rooms
        ]
        self.fields["kind"].choices = [("", _("All kinds"))] + [
            (kind.value, kind.label) for kind in kinds
        ]
