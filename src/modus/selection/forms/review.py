"""The reviewer's score sheet: one score (on the call's scale) and comment per criterion."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("overall comment"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args, review, criteria, **kwargs):
        self.review = review
        self.criteria = list(criteria)
        call = review.application.call
        scores = {score.criterion_id: score for score in review.scores.all()}
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("comment", review.comment)
        super().__init__(*args, **kwargs)
        choices = [("", _("not scored yet"))] + [
            (str(value), str(value)) for value in range(call.score_min, call.score_max + 1)
        ]
        fields = {}
        for criterion in self.criteria:
            score = scores.get(criterion.pk)
            fields[self.score_name(criterion)] = forms.ChoiceField(
                label=_("score for “%(criterion)s”") % {"criterion": criterion.title},
                choices=choices,
                required=False,
                initial=str(score.value) if score else "",
                help_text=criterion.description,
            )
            fields[self.comment_name(criterion)] = forms.CharField(
                label=_("comment on “%(criterion)s”") % {"criterion": criterion.title},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                initial=score.comment if score else "",
            )
        # Criteria first, the overall comment last.
        comment = self.fields.pop("comment")
        self.fields.update(fields)
        self.fields["comment"] = comment

    @staticmethod
    def score_name(criterion) -> str:
        return f"score_{criterion.pk}"

    @staticmethod
    def comment_name(criterion) -> str:
        return f"comment_{criterion.pk}"

    def rows(self):
        """(criterion, score field, comment field) for the template."""
        return [(c, self[self.score_name(c)], self[self.comment_name(c)]) for c in self.criteria]

    def check_complete(self) -> bool:
        """Before submitting: every criterion needs a score (errors go next to the fields)."""
        complete = True
        for criterion in self.criteria:
            if self.cleaned_data.get(self.score_name(criterion)) in (None, ""):
                self.add_error(
                    self.score_name(criterion),
                    forms.ValidationError(
                        _("Score this criterion before submitting."), code="incomplete_review"
                    ),
                )
                complete = False
        return complete

    def scores(self) -> dict:
        """``{criterion_id: (value, comment)}`` for ``save_review``."""
        return {
            c.pk: (
                self.cleaned_data.get(self.score_name(c)) or None,
                self.cleaned_data.get(self.comment_name(c), ""),
            )
            for c in self.criteria
        }
