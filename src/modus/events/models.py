from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Event(models.Model):
    """An event: an edition of a programme, or one that stands alone.

    The foundation keeps what the directory, news and home page need (place, dates, status);
    venues, agendas and registration build on it.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")
        POSTPONED = "postponed", _("Postponed")

    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    name = models.CharField(_("name"), max_length=250)
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    edition_number = models.PositiveSmallIntegerField(_("edition"), null=True, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country_code = models.CharField(_("country code"), max_length=2, blank=True)
    region = models.ForeignKey(
        "directory.Region",
        verbose_name=_("host region"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    status_notice = models.CharField(_("status notice"), max_length=300, blank=True)
    organisers = models.ManyToManyField(
        "directory.Organisation",
        verbose_name=_("organisers"),
        through="EventOrganiser",
        related_name="organised_events",
        blank=True,
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="event_ends_after_start",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})


class EventOrganiser(models.Model):
    class Role(models.TextChoices):
        ORGANISER = "organiser", _("Organiser")
        COHOST = "cohost", _("Co-host")
        PARTNER = "partner", _("Partner")
        AUTHORITY = "authority", _("Supporting authority")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="organiser_roles")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="event_roles"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)

    class Meta:
        verbose_name = _("event organiser")
        verbose_name_plural = _("event organisers")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation", "role"], name="unique_event_organiser_role"
            )
        ]

    def __str__(self):
        return f"{self.organisation} – {self.get_role_display()} – {self.event}"
