"""Results: the stored figures of an edition or a programme, and what participants answer
after the event (a rating per meeting, a few questions) and months later (the follow-up)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ResultSnapshot(models.Model):
    """The figures of one edition or one programme, computed by a job and read by the pages."""

    class Origin(models.TextChoices):
        COMPUTED = "computed", _("Computed from the platform's data")
        PUBLISHED = "published", _("Published figures")
        INVENTED = "invented", _("Invented for the demo")

    event = models.OneToOneField(
        "events.Event", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    programme = models.OneToOneField(
        "programmes.Programme", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    figures = models.JSONField(_("figures"), default=dict)
    computed_at = models.DateTimeField(_("computed"))
    invited = models.PositiveIntegerField(_("asked for feedback"), default=0)
    responses = models.PositiveIntegerField(_("answered"), default=0)
    origin = models.CharField(
        _("origin"), max_length=10, choices=Origin.choices, default=Origin.COMPUTED
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    dirty = models.BooleanField(_("needs recomputing"), default=False)

    class Meta:
        verbose_name = _("result snapshot")
        verbose_name_plural = _("result snapshots")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(event__isnull=True, programme__isnull=False)
                | models.Q(event__isnull=False, programme__isnull=True),
                name="snapshot_of_event_or_programme",
            )
        ]

    def __str__(self):
        return f"{self.event or self.programme} ({self.computed_at:%Y-%m-%d %H:%M})"


class Rating(models.TextChoices):
    NOT_HELD = "not_held", _("Did not take place")
    NO_INTEREST = "no_interest", _("Insufficient interest")
    INFORMATIVE = "informative", _("Informative, no cooperation")
    COOPERATION = "cooperation", _("Cooperation possible")


class Stage(models.TextChoices):
    NO_CONTACT = "no_contact", _("No contact since")
    TALKS = "talks", _("Talks continue")
    PROPOSAL = "proposal", _("Joint proposal or project")
    AGREEMENT = "agreement", _("Agreement signed (letter of intent, MoU, contract)")
    FUNDED = "funded", _("Joint project funded")


class FollowUpPlan(models.Model):
    """When an edition's follow-up goes out: months after the event, for one edition or for
    every edition of a programme (an edition's own plan wins; six months without one)."""

    event = models.OneToOneField(
        "events.Event", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    programme = models.OneToOneField(
        "programmes.Programme", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    months = models.PositiveSmallIntegerField(
        _("months between the event and the follow-up"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(36)],
    )

    class Meta:
        verbose_name = _("follow-up plan")
        verbose_name_plural = _("follow-up plans")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(event__isnull=True, programme__isnull=False)
                | models.Q(event__isnull=False, programme__isnull=True),
                name="follow_up_plan_of_event_or_programme",
            )
        ]

    def __str__(self):
        return f"{self.event or self.programme}: {self.months}"


class Invitation(models.Model):
    """One e-mail asking one person for feedback or a follow-up: sent once, reminded once.

    The unique constraint is the sent log: a second run of the job finds the row and mails
    nobody again. ``version`` grows with each answer, so an answered link cannot be replayed."""

    class Kind(models.TextChoices):
        FEEDBACK = "feedback", _("Feedback after the event")
        FOLLOW_UP = "follow_up", pgettext_lazy("invitation", "Follow-up")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="result_invitations"
    )
    version = models.PositiveIntegerField(default=1)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    extra_reminded_at = models.DateTimeField(_("reminded again"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"))

    class Meta:
        verbose_name = _("feedback invitation")
        verbose_name_plural = _("feedback invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "event", "user"], name="one_invitation_per_kind_event_user"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.event_id} {self.user_id}"


class MeetingRating(models.Model):
    """One side's rating of one meeting, right after the event."""

    meeting = models.ForeignKey(
        "matchmaking.Meeting", on_delete=models.CASCADE, related_name="ratings"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    rating = models.CharField(_("rating"), max_length=12, choices=Rating.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_rating_per_side")
        ]

    def __str__(self):
        return f"{self.meeting_id}: {self.rating}"

    @property
    def took_place(self) -> bool:
        return self.rating != Rating.NOT_HELD


class FollowUpAnswer(models.Model):
    """One side's answer on a promising meeting, months later."""

    meeting = models.ForeignKey(
        "matchmaking.Meeting", on_delete=models.CASCADE, related_name="follow_ups"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices)
    note = models.TextField(_("anything to add (optional)"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_follow_up_per_side")
        ]

    def __str__(self):
        return f"{self.meeting_id}: {self.stage}"


class EventAnswer(models.Model):
    """One participant's answers on the event itself."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    usefulness = models.PositiveSmallIntegerField(_("How useful was the event for you? (1–5)"))
    would_return = models.BooleanField(_("Would you come to another edition?"))
    comment = models.TextField(_("Anything else? (optional)"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_event_answer_per_person")
        ]

    def __str__(self):
        return f"{self.event_id}: {self.usefulness}"
