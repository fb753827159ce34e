"""The call and what it asks for: cut-offs, criteria, questions and required documents."""

import zoneinfo

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from modus.events.models import validate_time_zone
from modus.web.translations import Translatable, TranslatableManager

PDF_LIMIT_BYTES = 10 * 1024 * 1024


class Call(Translatable, models.Model):
    """A call; its title and text may be translated, and so may its criteria, questions and
    documents (each in its own ``translations``, the call's original language theirs too)."""

    translatable_fields = ("title", "description")

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
    original_language = models.CharField(
        _("original language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = TranslatableManager()

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


class CallPart(Translatable):
    """A criterion, question or document of a call: written in the call's original language.

    Read it through ``call.<parts>.all()``: Django then hands each part its call without a
    query."""

    @property
    def original(self) -> str:
        return self.call.original


class Criterion(CallPart, models.Model):
    translatable_fields = ("title", "description")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    title = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    translations = models.JSONField(_("translations"), default=dict, blank=True)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class Question(CallPart, models.Model):
    translatable_fields = ("text", "help_text")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    translations = models.JSONField(_("translations"), default=dict, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text


class DocumentRequirement(CallPart, models.Model):
    """A PDF the applicant must (or may) attach, e.g. the regional authority's letter of support."""

    translatable_fields = ("title", "description")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("document"), max_length=200)
    description = models.CharField(_("description"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=True)
    max_bytes = models.PositiveIntegerField(_("size limit in bytes"), default=PDF_LIMIT_BYTES)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    translations = models.JSONField(_("translations"), default=dict, blank=True)

    class Meta:
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title
