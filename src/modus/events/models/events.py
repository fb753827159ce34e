"""Events, their venues and the organisations behind them."""

import datetime as dt
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from modus.web.translations import Translatable, TranslatableManager


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a time zone."), params={"value": value})


class Venue(models.Model):
    """A place where events are held, shared between the events held there."""

    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country_code = models.CharField(_("country code"), max_length=2, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.city}" if self.city else self.name


class Event(Translatable, models.Model):
    """An event: an edition of a programme, or one that stands alone.

    Name and description are written in ``original_language`` and may be translated
    (``translations``, see ``modus.web.translations``).

    Dates are the local calendar days of the event; session times are stored in UTC and shown in
    the event's ``time_zone``.
    """

    translatable_fields = ("name", "description")

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
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    # Empty only for a draft whose dates are still to be set (an accepted application that
    # proposed none); a published, postponed or cancelled event has both.
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Brussels", validators=[validate_time_zone]
    )
    description = models.TextField(_("description"), blank=True)
    original_language = models.CharField(
        _("original language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    translations = models.JSONField(_("translations"), default=dict, blank=True)
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
    co_located_with = models.ForeignKey(
        "self",
        verbose_name=_("held alongside"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="co_located_events",
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("Language codes, e.g. en, pl.")
    )
    ecosystems = models.ManyToManyField(
        "directory.Ecosystem",
        verbose_name=_("industrial ecosystems"),
        blank=True,
        related_name="events",
    )
    priorities = models.ManyToManyField(
        "directory.SmartSpecialisationPriority",
        verbose_name=_("regional priorities"),
        blank=True,
        related_name="events",
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    registration_open = models.BooleanField(_("registration open"), default=False)
    report = models.ForeignKey(
        "news.Article",
        verbose_name=_("event report"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reported_events",
    )
    # Bumped by every change to the agenda; cached pages and exports are keyed on it.
    agenda_version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = TranslatableManager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft")
                | models.Q(starts_on__isnull=False, ends_on__isnull=False),
                name="event_dated_unless_draft",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def clean(self):
        super().clean()
        if self.status != self.Status.DRAFT:
            missing = {
                name: ValidationError(
                    _("Set the dates before the event leaves the draft."), code="dates_missing"
                )
                for name in ("starts_on", "ends_on")
                if getattr(self, name) is None
            }
            if missing:
                raise ValidationError(missing)

    @property
    def has_dates(self) -> bool:
        return self.starts_on is not None and self.ends_on is not None

    @property
    def days(self) -> list:
        """The event's local calendar days; none while a draft's dates are not set."""
        if not self.has_dates:
            return []
        count = (self.ends_on - self.starts_on).days + 1
        return [self.starts_on + dt.timedelta(days=offset) for offset in range(count)]


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
