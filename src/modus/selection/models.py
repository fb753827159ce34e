"""One core for every "people apply, others judge, someone decides" process.

A :class:`Call` is either a call for expression of interest owned by a programme (``purpose=host``:
applicants propose to host an edition) or a call for pitches attached to a pitching session of an
event (``purpose=pitches``). Both share cut-offs, criteria, questions, required documents,
applications, reviews with scores, and a log of every decision. Pitch calls add a running order,
live jury scores and one audience vote per registered participant.
"""

import zoneinfo

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from modus.events.models import validate_time_zone

from .storage import private_storage

PDF_LIMIT_BYTES = 10 * 1024 * 1024


class Call(models.Model):
    class Purpose(models.TextChoices):
        HOST = "host", _("Call for expression of interest")
        PITCHES = "pitches", _("Call for pitches")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    purpose = models.CharField(_("purpose"), max_length=16, choices=Purpose.choices)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(
        _("text of the call"),
        blank=True,
        help_text=_("Plain text; blank lines separate paragraphs."),
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calls",
    )
    session = models.OneToOneField(
        "events.Session",
        verbose_name=_("pitching session"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="pitch_call",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    eligible_kinds = models.JSONField(
        _("organisation kinds that may apply"),
        default=list,
        blank=True,
        help_text=_("Empty: every kind."),
    )
    eligible_countries = models.JSONField(
        _("countries that may apply"),
        default=list,
        blank=True,
        help_text=_("Two-letter country codes. Empty: every country."),
    )
    score_min = models.PositiveSmallIntegerField(_("lowest score"), default=0)
    score_max = models.PositiveSmallIntegerField(
        _("highest score"), default=5, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    review_days = models.PositiveSmallIntegerField(
        _("days for reviews after a cut-off"),
        default=14,
        help_text=_("Reviewers who have not submitted by then get a reminder."),
    )
    pitch_minutes = models.PositiveSmallIntegerField(
        _("pitch length (minutes)"), null=True, blank=True
    )
    places = models.PositiveSmallIntegerField(_("places"), null=True, blank=True)
    panel = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewers or jury"),
        blank=True,
        related_name="review_panels",
    )
    voting_open = models.BooleanField(_("audience voting open"), default=False)
    results_published = models.BooleanField(_("results published"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(purpose="host", programme__isnull=False, session__isnull=True)
                    | models.Q(purpose="pitches", session__isnull=False)
                ),
                name="call_owner_matches_purpose",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("selection:call", kwargs={"slug": self.slug})

    @property
    def is_pitch_call(self) -> bool:
        return self.purpose == self.Purpose.PITCHES


class CutOff(models.Model):
    """A deadline in its own time zone. Submissions count toward the first cut-off still ahead."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="cut_offs")
    deadline = models.DateTimeField(_("deadline"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Brussels", validators=[validate_time_zone]
    )
    label = models.CharField(_("label"), max_length=120, blank=True)
    invented = models.BooleanField(_("invented for the demo"), default=False, editable=False)

    class Meta:
        verbose_name = _("cut-off date")
        verbose_name_plural = _("cut-off dates")
        ordering = ["deadline"]
        constraints = [
            models.UniqueConstraint(fields=["call", "deadline"], name="unique_cut_off_per_call")
        ]

    def __str__(self):
        return self.label or self.local_deadline().strftime("%Y-%m-%d %H:%M %Z")

    def local_deadline(self):
        return self.deadline.astimezone(zoneinfo.ZoneInfo(self.time_zone))


class Criterion(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    title = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class Question(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text


class DocumentRequirement(models.Model):
    """A PDF the applicant must (or may) attach, e.g. the regional authority's letter of support."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("document"), max_length=200)
    description = models.CharField(_("description"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=True)
    max_bytes = models.PositiveIntegerField(_("size limit in bytes"), default=PDF_LIMIT_BYTES)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class Application(models.Model):
    """One organisation's application to a call; its members draft it together."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="applications")
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("applicant organisation"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    cut_off = models.ForeignKey(
        CutOff,
        verbose_name=_("cut-off"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # What a host-region application proposes (empty for pitches).
    region = models.ForeignKey(
        "directory.Region",
        verbose_name=_("proposed host region"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    proposed_starts_on = models.DateField(_("proposed first day"), null=True, blank=True)
    proposed_ends_on = models.DateField(_("proposed last day"), null=True, blank=True)
    venue = models.CharField(_("proposed venue"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    ecosystems = models.ManyToManyField(
        "directory.Ecosystem", verbose_name=_("thematic focus"), blank=True, related_name="+"
    )
    co_organisers = models.ManyToManyField(
        "directory.Organisation",
        verbose_name=_("co-organisers"),
        blank=True,
        related_name="co_organised_applications",
    )
    # The outcome.
    running_order = models.PositiveSmallIntegerField(_("running order"), null=True, blank=True)
    decision_reasons = models.TextField(_("reasons for the decision"), blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event created"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="source_applications",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["call", "running_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "organisation"], name="one_application_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.organisation})"

    def get_absolute_url(self):
        return reverse("selection:application", kwargs={"pk": self.pk})

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


def document_path(instance, filename):
    return f"applications/{instance.application.call_id}/{instance.application_id}/{filename}"


class ApplicationDocument(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    requirement = models.ForeignKey(
        DocumentRequirement, on_delete=models.CASCADE, related_name="uploads"
    )
    file = models.FileField(_("file"), upload_to=document_path, storage=private_storage)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "requirement"], name="one_upload_per_requirement"
            )
        ]

    def __str__(self):
        return self.original_name


class Review(models.Model):
    """A reviewer's (or jury member's) assignment to one application, and their scores.

    ``stage=selection`` is the review before the decision; ``stage=live`` is a jury member's score
    during a pitching session.
    """

    class Stage(models.TextChoices):
        SELECTION = "selection", _("Selection")
        LIVE = "live", _("Live jury")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    stage = models.CharField(
        _("stage"), max_length=12, choices=Stage.choices, default=Stage.SELECTION
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)
    comment = models.TextField(_("overall comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["application", "assigned_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer", "stage"], name="one_review_per_stage"
            )
        ]

    def __str__(self):
        return f"{self.reviewer} → {self.application}"


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="one_score_per_criterion")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


class LogEntry(models.Model):
    """Who did what to an application, and when. Never edited."""

    class Action(models.TextChoices):
        CREATED = "created", _("Draft started")
        SUBMITTED = "submitted", _("Submitted")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        REOPENED = "reopened", _("Reopened")
        REVIEWER_ASSIGNED = "assigned", _("Reviewer assigned")
        REVIEWER_REMOVED = "unassigned", _("Reviewer removed")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        ORDERED = "ordered", _("Running order set")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="log")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("log entry")
        verbose_name_plural = _("log entries")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()}"


class AudienceVote(models.Model):
    """One registered participant's vote for one pitch; the unique constraint is the guarantee."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="votes")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="audience_votes"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("audience vote")
        verbose_name_plural = _("audience votes")
        constraints = [
            models.UniqueConstraint(fields=["call", "user"], name="one_audience_vote_per_person")
        ]

    def __str__(self):
        return f"{self.user} → {self.application}"


class Reminder(models.Model):
    """A reminder already sent, so that running the reminder job twice mails nobody twice."""

    key = models.CharField(max_length=120)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "user"], name="one_reminder_per_key_and_user")
        ]

    def __str__(self):
        return self.key
