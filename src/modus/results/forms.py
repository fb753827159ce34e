"""The short forms behind the feedback and follow-up links: one group of choices per meeting,
radio buttons large enough for a thumb, nothing that needs a login."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import FollowUpPlan, Rating, Stage

NOTE_MAX = 2000


def _radios(choices, *, label, initial="", required=False):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        initial=initial or None,
        widget=forms.RadioSelect,
    )


class FeedbackForm(forms.Form):
    """A rating for each of the person's meetings (optional each), then the event."""

    usefulness = forms.TypedChoiceField(
        label=_("How useful was the event for you?"),
        choices=[
            (1, _("1 – not at all")),
            (2, "2"),
            (3, "3"),
            (4, "4"),
            (5, _("5 – very useful")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
    )
    would_return = forms.TypedChoiceField(
        label=_("Would you come to another edition?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Anything else? (optional)"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, meetings=(), answer=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.meetings = list(meetings)
        for meeting in self.meetings:
            self.fields[f"rating_{meeting.pk}"] = _radios(
                Rating.choices, label=_("How was this meeting?"), initial=meeting.rating
            )
        if answer is not None:
            self.initial.update(
                usefulness=answer.usefulness,
                would_return="yes" if answer.would_return else "no",
                comment=answer.comment,
            )

    @property
    def rows(self):
        return [(meeting, self[f"rating_{meeting.pk}"]) for meeting in self.meetings]

    def ratings(self) -> dict[int, str]:
        return {m.pk: self.cleaned_data.get(f"rating_{m.pk}") or "" for m in self.meetings}


class FollowUpForm(forms.Form):
    """The stage each promising meeting has reached, and a note if the person likes."""

    def __init__(self, *args, meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.meetings = list(meetings)
        for meeting in self.meetings:
            self.fields[f"stage_{meeting.pk}"] = _radios(
                Stage.choices, label=_("Where does it stand now?"), initial=meeting.stage
            )
            self.fields[f"note_{meeting.pk}"] = forms.CharField(
                label=_("Anything to add? (optional)"),
                required=False,
                max_length=NOTE_MAX,
                initial=meeting.note,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    @property
    def rows(self):
        return [
            (meeting, self[f"stage_{meeting.pk}"], self[f"note_{meeting.pk}"])
            for meeting in self.meetings
        ]

    def answers(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {
            m.pk: (data.get(f"stage_{m.pk}") or "", data.get(f"note_{m.pk}") or "")
            for m in self.meetings
        }


class ReminderForm(forms.Form):
    kind = forms.ChoiceField(choices=[("feedback", "feedback"), ("follow_up", "follow_up")])


class FollowUpPlanForm(forms.ModelForm):
    class Meta:
        model = FollowUpPlan
        fields = ["months"]
