"""The organisers' settings of an event's matchmaking."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from modus.events.models import Registration


class SetupForm(forms.Form):
    enabled = forms.BooleanField(label=_("Matchmaking is on"), required=False)
    windows = forms.CharField(
        label=_("Meeting times"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_(
            "One line per block of meetings: day, start and end, e.g. 2022-11-08 09:00-12:30. "
            "The gaps between two blocks of a day are the pauses."
        ),
    )
    slot_minutes = forms.IntegerField(label=_("Slot length in minutes"), min_value=5, initial=25)
    tables = forms.IntegerField(label=_("Number of tables"), min_value=1, required=False)
    virtual = forms.BooleanField(label=_("Virtual meetings"), required=False)
    video_link = forms.URLField(label=_("Video link"), required=False, assume_scheme="https")
    max_meetings = forms.IntegerField(
        label=_("Meetings per participant at most"), min_value=1, required=False
    )
    request_deadline = forms.DateTimeField(
        label=_("Deadline for requests"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("In the event's time zone."),
    )
    allowed_roles = forms.MultipleChoiceField(
        label=_("Roles who may take part (none ticked: everyone)"),
        choices=Registration.ParticipantRole.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def clean_windows(self):
        windows = []
        for line in self.cleaned_data["windows"].splitlines():
            if not line.strip():
                continue
            try:
                day, times = line.split()
                start, end = times.split("-")
                dt.date.fromisoformat(day)
                dt.time.fromisoformat(start)
                dt.time.fromisoformat(end)
            except ValueError:
                raise forms.ValidationError(
                    _("“%(line)s” is not a day, start and end such as 2022-11-08 09:00-12:30."),
                    params={"line": line.strip()},
                    code="bad_window",
                ) from None
            windows.append({"day": day, "start": start, "end": end})
        return windows

    @staticmethod
    def windows_text(windows) -> str:
        return "\n".join(f"{w['day']} {w['start']}-{w['end']}" for w in windows)
