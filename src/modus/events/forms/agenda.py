"""Forms co-hosts use for their event's agenda: rooms, sessions with their people, materials.
They check input; the agenda and material services write."""

import datetime as dt

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from modus.accounts.models import Person
from modus.directory.models import NAME_MAX_LENGTH, Organisation
from modus.web.translation_forms import PlainTranslationsMixin, add_translation_fields
from modus.web.widgets import QuickSelect

from ..errors import AgendaError
from ..models import Material, Room, Session, SessionRole
from ..services.agenda import event_datetime, outside_event_days
from ..services.materials import check_material_upload, max_material_bytes
from .event import split_list


class RoomForm(forms.ModelForm):
    class Meta:
        model = Room
        fields = ["name", "capacity", "position"]


class SessionForm(PlainTranslationsMixin, forms.Form):
    """A session, with its day and times in the event's local time zone; title and abstract
    with one tab per language."""

    translatable_fields = ("title", "abstract")

    original_language = forms.ChoiceField(
        label=_("Language of the text"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        required=False,
    )
    title = forms.CharField(label=_("title"), max_length=250)
    kind = forms.ChoiceField(label=_("kind"), choices=Session.Kind.choices)
    day = forms.TypedChoiceField(label=_("day"))
    start_time = forms.TimeField(
        label=_("starts at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("ends at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    room = forms.ModelChoiceField(label=_("room"), queryset=Room.objects.none(), required=False)
    abstract = forms.CharField(label=_("abstract"), widget=forms.Textarea, required=False)
    topics = forms.CharField(
        label=_("topics"), required=False, help_text=_("Separate topics with commas.")
    )
    recording_url = forms.URLField(
        label=_("recording"),
        required=False,
        assume_scheme="https",
        help_text=_("Address of the recording (YouTube, Vimeo or elsewhere)."),
    )
    outside_event_days = forms.BooleanField(
        label=_("held outside the event's days"),
        required=False,
        help_text=_("For a session before or after the event itself, such as a site visit."),
    )

    def __init__(self, *args, event, session=None, **kwargs):
        self.event = event
        if session is not None and "initial" not in kwargs:
            starts = timezone.localtime(session.starts_at, event.zone)
            ends = timezone.localtime(session.ends_at, event.zone)
            kwargs["initial"] = {
                "title": session.original_text("title"),
                "original_language": session.original_language,
                "kind": session.kind,
                "day": starts.date().isoformat(),
                "start_time": starts.time(),
                "end_time": ends.time(),
                "room": session.room_id,
                "abstract": session.original_text("abstract"),
                "topics": ", ".join(session.topics or []),
                "recording_url": session.recording_url,
                "outside_event_days": session.outside_event_days,
            }
        super().__init__(*args, **kwargs)
        add_translation_fields(
            self, self.translatable_fields, session.translations if session is not None else {}
        )
        days = list(event.days)
        if session is not None:
            current = timezone.localtime(session.starts_at, event.zone).date()
            if current not in days:  # keep a session outside the dates editable
                days = sorted([*days, current])
        self.fields["day"].choices = [(day.isoformat(), f"{_date_label(day)}") for day in days]
        self.fields["day"].coerce = _parse_date
        self.fields["room"].queryset = event.rooms.order_by("position", "name")

    def clean_original_language(self):
        return self.cleaned_data["original_language"] or settings.LANGUAGE_CODE

    def clean_topics(self):
        return list(dict.fromkeys(split_list(self.cleaned_data["topics"])))

    def clean(self):
        data = super().clean()
        day, start, end = data.get("day"), data.get("start_time"), data.get("end_time")
        if day and start and end:
            data["starts_at"] = event_datetime(self.event, day, start)
            data["ends_at"] = event_datetime(self.event, day, end)
            if data["ends_at"] <= data["starts_at"]:
                self.add_error(
                    "end_time",
                    forms.ValidationError(
                        _("A session must end after it starts."), code="ends_before_start"
                    ),
                )
            elif not data.get("outside_event_days"):
                errors = outside_event_days(self.event, data["starts_at"], data["ends_at"])
                for name, field in (("starts_at", "day"), ("ends_at", "end_time")):
                    if name in errors:
                        self.add_error(field, errors[name])
        return data

    def session_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "kind": data["kind"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "room": data["room"],
            "abstract": data["abstract"],
            "topics": data["topics"],
            "recording_url": data["recording_url"],
            "outside_event_days": data["outside_event_days"],
            "original_language": data["original_language"],
            "translations": data["translations"],
        }


def _parse_date(value):
    return dt.date.fromisoformat(value)


def _date_label(day) -> str:
    return f"{date_format(day, 'l')}, {date_format(day, 'DATE_FORMAT')}"


class SessionPersonForm(forms.Form):
    """One person in a session: picked from the people we know, or new (name, organisation)."""

    person = forms.ModelChoiceField(
        label=_("person"), queryset=Person.objects.none(), required=False, widget=QuickSelect
    )
    name = forms.CharField(label=_("or a new person's name"), max_length=200, required=False)
    organisation = forms.CharField(
        label=_("their organisation"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        help_text=_("Name of an organisation in the directory."),
    )
    role = forms.ChoiceField(
        label=_("role"), choices=SessionRole.Role.choices, initial=SessionRole.Role.SPEAKER
    )

    def __init__(self, *args, people_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["person"]
        field.queryset = Person.objects.all()
        field.choices = [("", "---------"), *(people_choices or [])]

    def clean_organisation(self):
        name = self.cleaned_data["organisation"].strip()
        if not name:
            return None
        organisation = (
            Organisation.objects.filter(name__iexact=name).first()
            or Organisation.objects.filter(acronym__iexact=name).first()
            or Organisation.objects.filter(slug=name.lower()).first()
        )
        if organisation is None:
            raise forms.ValidationError(
                _("No organisation of this name in the directory."), code="unknown_organisation"
            )
        return organisation

    def clean(self):
        data = super().clean()
        if data.get("person") and data.get("name"):
            self.add_error(
                "name",
                forms.ValidationError(
                    _("Pick a person or give a new name, not both."), code="person_and_name"
                ),
            )
        return data

    def entry(self):
        """A (person, role) pair for the service, or ``None`` for an empty row."""
        data = self.cleaned_data
        if not data or data.get("DELETE"):
            return None
        if data.get("person"):
            return data["person"], data["role"]
        if data.get("name"):
            return {"name": data["name"], "organisation": data.get("organisation")}, data["role"]
        return None


class BaseSessionPeopleFormSet(forms.BaseFormSet):
    def __init__(self, *args, **kwargs):
        people = Person.objects.select_related("organisation").only(
            "pk", "name", "organisation__name"
        )
        self.people_choices = [
            (
                person.pk,
                f"{person.name} ({person.organisation.name})"
                if person.organisation
                else person.name,
            )
            for person in people.order_by("name", "pk")
        ]
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "people_choices": self.people_choices}

    def entries(self) -> list:
        return [entry for form in self.forms if (entry := form.entry()) is not None]


SessionPeopleFormSet = forms.formset_factory(
    SessionPersonForm, formset=BaseSessionPeopleFormSet, extra=3, max_num=40, validate_max=True
)


def people_initial(session) -> list[dict]:
    return [
        {"person": role.person_id, "role": role.role}
        for role in session.roles.select_related("person").order_by("position", "pk")
    ]


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("kind"), choices=Material.Kind.choices)
    file = forms.FileField(
        label=_("file"),
        allow_empty_file=True,  # the service says why an empty file is refused
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "PDF, PowerPoint, Word, Excel, ODP or ODT; at most %(limit)s."
        ) % {"limit": filesizeformat(max_material_bytes())}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_material_upload(upload)
        except AgendaError as error:
            raise forms.ValidationError(error.messages, code=error.code) from error
        return upload
