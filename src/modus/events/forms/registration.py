"""Forms of registration: the participant's sign-up form and the check-in page's two forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from modus.directory.models import NAME_MAX_LENGTH, Organisation
from modus.directory.selectors import search_organisations

from ..models import Registration

CANDIDATES_SHOWN = 10


class RegistrationForm(forms.Form):
    """Who registers, for which organisation, in which role, with which consents.

    The organisation comes from one of three places, the first filled in wins: an organisation
    the person belongs to, one found in the directory by name, or a new one added to the
    directory. A search with several matches lists them to choose from.
    """

    organisation = forms.ModelChoiceField(
        label=_("Your organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("— not listed —"),
    )
    organisation_query = forms.CharField(
        label=_("Or find your organisation in the directory by name"),
        max_length=250,
        required=False,
    )
    organisation_found = forms.ModelChoiceField(
        label=_("Organisations found in the directory"),
        queryset=Organisation.objects.all(),
        required=False,
        widget=forms.RadioSelect,
    )
    new_organisation_name = forms.CharField(
        label=_("Or add your organisation to the directory"),
        help_text=_("Its full name. You become its admin and can complete its profile later."),
        max_length=NAME_MAX_LENGTH,
        required=False,
    )
    participant_role = forms.ChoiceField(
        label=_("Your role"), choices=Registration.ParticipantRole.choices
    )
    consent_attendee_list = forms.BooleanField(
        label=_("Show my name and organisation on the event's public list of participants"),
        required=False,
    )
    consent_media = forms.BooleanField(
        label=_("I agree to appear in photos and recordings of the event"),
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            memberships__user=user
        ).order_by("name")
        self.has_memberships = self.fields["organisation"].queryset.exists()
        if not self.has_memberships:
            del self.fields["organisation"]
        self.candidates = []

    def clean(self):
        data = super().clean()
        data.setdefault("organisation", None)
        if data.get("organisation_found"):
            data["organisation"] = data["organisation_found"]
        if data["organisation"] is not None:
            return data
        query = (data.get("organisation_query") or "").strip()
        new_name = (data.get("new_organisation_name") or "").strip()
        if query:
            exact = list(Organisation.objects.filter(name__iexact=query)[:2])
            if len(exact) == 1:
                data["organisation"] = exact[0]
                return data
        if new_name:
            # A name already in the directory means that organisation.
            data["organisation"] = Organisation.objects.filter(name__iexact=new_name).first()
            data["new_organisation_name"] = new_name
            return data
        if query:
            self.candidates = list(search_organisations(query)[:CANDIDATES_SHOWN])
            if self.candidates:
                self.fields["organisation_found"].queryset = Organisation.objects.filter(
                    pk__in=[candidate.pk for candidate in self.candidates]
                )
                message = _("Choose your organisation from the list below, or add it as a new one.")
            else:
                message = _(
                    "No organisation in the directory matches “%(query)s”. Add it as a new one."
                ) % {"query": query}
            self.add_error("organisation_query", message)
            return data
        field = "organisation" if self.has_memberships else "organisation_query"
        self.add_error(
            field,
            _("Choose your organisation, find it in the directory or add it as a new one."),
        )
        return data


class CheckInCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Check-in code"),
        max_length=40,
        help_text=_("Scan the participant's QR code or type the code printed under it."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )


class CheckInSearchForm(forms.Form):
    q = forms.CharField(label=_("Find a participant by name or e-mail"), max_length=100)
