"""Applications and their documents."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..storage import private_storage
from .calls import Call, CutOff, DocumentRequirement


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
    # What happened to it, in the shared action log; deleted with the application, as before.
    action_log = GenericRelation(
        "activity.ActionLogEntry", related_query_name="selection_application"
    )

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


# The applications that are (or were) in the selection: reviewers are assigned to these, and the
# ranking lists them.
REVIEWABLE = frozenset(
    {Application.Status.SUBMITTED, Application.Status.ACCEPTED, Application.Status.REJECTED}
)


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
