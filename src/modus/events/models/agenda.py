"""The agenda of an event: rooms, sessions, people in them, materials, marked sessions."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from modus.web.translations import Translatable, TranslatableManager

from .events import Event


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


class Session(Translatable, models.Model):
    """One item of an event's agenda. Times are stored in UTC. Title and abstract are written in
    ``original_language`` and may be translated (``translations``)."""

    translatable_fields = ("title", "abstract")

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
    original_language = models.CharField(
        _("original language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    translations = models.JSONField(_("translations"), default=dict, blank=True)
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
    outside_event_days = models.BooleanField(
        _("held outside the event's days"),
        default=False,
        help_text=_("For a session before or after the event itself, such as a site visit."),
    )
    invented_details = models.CharField(
        _("invented details"),
        max_length=200,
        blank=True,
        help_text=_("For demo data: which details are illustrative, not facts."),
    )
    # A session saved while it clashes stays out of the public agenda until the co-hosts
    # publish the agenda (the editor's warning says so).
    held_back = models.BooleanField(
        _("held back from the public agenda"),
        default=False,
        help_text=_("Saved while it clashed; shown once the co-hosts publish the agenda."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TranslatableManager()

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
