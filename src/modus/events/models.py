import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


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


class Event(models.Model):
    """An event: an edition of a programme, or one that stands alone.

    Dates are the local calendar days of the event; session times are stored in UTC and shown in
    the event's ``time_zone``.
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
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Brussels", validators=[validate_time_zone]
    )
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

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def days(self) -> list:
        import datetime as dt

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


class Room(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=120)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["event", "position", "name"]
        constraints = [models.UniqueConstraint(fields=["event", "name"], name="unique_room_name")]

    def __str__(self):
        return self.name


class Session(models.Model):
    """One item of an event's agenda. Times are stored in UTC."""

    class Kind(models.TextChoices):
        OPENING = "opening", _("Opening")
        KEYNOTE = "keynote", _("Keynote or presentation")
        PANEL = "panel", _("Panel")
        WORKSHOP = "workshop", _("Workshop")
        PITCHING = "pitching", _("Pitching")
        MATCHMAKING = "matchmaking", _("Matchmaking")
        SITE_VISIT = "site_visit", _("Site visit")
        NETWORKING = "networking", _("Networking")
        BREAK = "break", _("Break")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    slug = models.SlugField(_("slug"), max_length=120)
    title = models.CharField(_("title"), max_length=250)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.KEYNOTE)
    abstract = models.TextField(_("abstract"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
    )
    topics = models.JSONField(_("topics"), default=list, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    recording_url = models.URLField(_("recording"), blank=True)
    invented_details = models.CharField(
        _("invented details"),
        max_length=200,
        blank=True,
        help_text=_("For demo data: which details are illustrative, not facts."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "room__position", "title"]
        constraints = [
            models.UniqueConstraint(fields=["event", "slug"], name="unique_session_slug"),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["event", "starts_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "events:session", kwargs={"slug": self.event.slug, "session_slug": self.slug}
        )


class SessionRole(models.Model):
    """A person in a session: speaker, panellist, moderator or chair."""

    class Role(models.TextChoices):
        SPEAKER = "speaker", _("Speaker")
        PANELLIST = "panellist", _("Panellist")
        MODERATOR = "moderator", _("Moderator")
        CHAIR = "chair", _("Chair")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="roles")
    person = models.ForeignKey(
        "accounts.Person", on_delete=models.CASCADE, related_name="session_roles"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.SPEAKER)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("person in a session")
        verbose_name_plural = _("people in sessions")
        ordering = ["session", "position", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="unique_person_per_session")
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()} – {self.session}"


class Material(models.Model):
    """Slides and other files of a session (uploads checked for type and size)."""

    class Kind(models.TextChoices):
        SLIDES = "slides", _("Slides")
        FILE = "file", _("File")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.SLIDES)
    file = models.FileField(_("file"), upload_to="materials/%Y/")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["session", "uploaded_at"]

    def __str__(self):
        return self.title


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


class AgendaMark(models.Model):
    """A session a user marked for their personal agenda."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_marks"
    )
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="marks")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("marked session")
        verbose_name_plural = _("marked sessions")
        constraints = [
            models.UniqueConstraint(fields=["user", "session"], name="unique_agenda_mark")
        ]

    def __str__(self):
        return f"{self.user} – {self.session}"
