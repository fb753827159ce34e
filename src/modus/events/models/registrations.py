"""Registrations for events, with the waiting list and check-in."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .events import Event


class Registration(models.Model):
    """A participant's registration for an event: confirmed, on the waiting list, or cancelled."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    class ParticipantRole(models.TextChoices):
        CLUSTER_MANAGER = "cluster_manager", _("Cluster manager")
        COMPANY = "company", _("Company representative")
        RESEARCHER = "researcher", _("Researcher")
        POLICYMAKER = "policymaker", _("Policymaker")
        OTHER = "other", _("Other")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations"
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    participant_role = models.CharField(
        _("your role"), max_length=20, choices=ParticipantRole.choices
    )
    consent_attendee_list = models.BooleanField(_("show me on the attendee list"), default=False)
    consent_media = models.BooleanField(
        _("I agree to appear in photos and recordings"), default=False
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, db_index=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    status_changed_at = models.DateTimeField(_("status changed"), auto_now=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"], name="one_registration_per_person_and_event"
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.user} – {self.event} ({self.get_status_display()})"
