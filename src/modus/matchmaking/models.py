"""Matchmaking data: an event's settings, marketplace profiles, requests, availability, schedules.

Slots are not stored: they follow from the settings (``services.slots``); availability and meetings
refer to them by their id, e.g. ``2022-11-08-0930``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MatchmakingSettings(models.Model):
    """How an event's one-to-one meetings are held: when, where, how many, and for whom.

    ``windows`` is a list of ``{"day": "2022-11-08", "start": "09:00", "end": "12:30"}``; the gaps
    between two windows of one day are the pauses (coffee, lunch).
    """

    event = models.OneToOneField(
        "events.Event", on_delete=models.CASCADE, related_name="matchmaking_settings"
    )
    enabled = models.BooleanField(_("matchmaking on"), default=False)
    windows = models.JSONField(_("meeting times"), default=list, blank=True)
    slot_minutes = models.PositiveSmallIntegerField(_("slot length in minutes"), default=25)
    tables = models.PositiveIntegerField(_("number of tables"), null=True, blank=True)
    virtual = models.BooleanField(_("virtual meetings"), default=False)
    video_link = models.URLField(_("video link"), blank=True)
    max_meetings = models.PositiveSmallIntegerField(
        _("meetings per participant at most"), null=True, blank=True
    )
    request_deadline = models.DateTimeField(_("deadline for requests"), null=True, blank=True)
    allowed_roles = models.JSONField(
        _("participant roles who may take part"),
        default=list,
        blank=True,
        help_text=_("Empty: every role."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("matchmaking settings")
        verbose_name_plural = _("matchmaking settings")

    def __str__(self):
        return f"{self.event} – {_('matchmaking')}"


class MarketplaceProfile(models.Model):
    """A participant in an event's marketplace: what they offer and what they seek."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="marketplace_profiles"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="marketplace_profiles"
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="marketplace_profiles",
    )
    offers = models.TextField(_("what I offer"), blank=True)
    seeks = models.TextField(_("what I seek"), blank=True)
    ecosystems = models.ManyToManyField(
        "directory.Ecosystem",
        verbose_name=_("industrial ecosystems"),
        blank=True,
        related_name="marketplace_profiles",
    )
    opted_in = models.BooleanField(_("show me in the marketplace"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("marketplace profile")
        verbose_name_plural = _("marketplace profiles")
        ordering = ["event", "user__full_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_profile_per_event_user")
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.user.full_name or self.user.email.split("@")[0]

    @property
    def participant_id(self) -> str:
        """This profile's id in the scheduling instance."""
        return f"p{self.pk}"


class MeetingRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="meeting_requests"
    )
    from_profile = models.ForeignKey(
        MarketplaceProfile, on_delete=models.CASCADE, related_name="sent_requests"
    )
    to_profile = models.ForeignKey(
        MarketplaceProfile, on_delete=models.CASCADE, related_name="received_requests"
    )
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_profile", "to_profile"], name="one_request_per_direction"
            ),
            models.CheckConstraint(
                condition=~models.Q(from_profile=models.F("to_profile")),
                name="no_request_to_oneself",
            ),
        ]

    def __str__(self):
        return f"{self.from_profile} → {self.to_profile} ({self.get_status_display()})"


class Availability(models.Model):
    """The slots in which a participant cannot meet (arrives late, leaves early, ...)."""

    profile = models.OneToOneField(
        MarketplaceProfile, on_delete=models.CASCADE, related_name="availability"
    )
    unavailable = models.JSONField(_("unavailable slots"), default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("availability")
        verbose_name_plural = _("availabilities")

    def __str__(self):
        return str(self.profile)


class ScheduleVersion(models.Model):
    """One run of the scheduler: its instance, result and figures; a draft until published."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        SUPERSEDED = "superseded", _("Superseded")

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="schedule_versions"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    stats = models.JSONField(_("figures"), default=dict, blank=True)
    instance = models.JSONField(_("instance"), default=dict, blank=True)
    schedule = models.JSONField(_("schedule"), default=dict, blank=True)

    class Meta:
        verbose_name = _("schedule version")
        verbose_name_plural = _("schedule versions")
        ordering = ["event", "-created_at", "-pk"]

    def __str__(self):
        return f"{self.event} – {self.get_status_display()} ({self.created_at:%Y-%m-%d %H:%M})"


class MeetingQuerySet(models.QuerySet):
    def scheduled(self):
        return self.filter(status=Meeting.Status.SCHEDULED)

    def cancelled(self):
        return self.filter(status=Meeting.Status.CANCELLED)


class Meeting(models.Model):
    """One meeting between the same people: placed in a draft, then published and kept.

    A draft's meetings belong to the draft. Publishing it (``services.publish``, the only writer
    of published meetings) carries each published meeting that goes on between the same people
    over to the new version, in its new slot, with its id and its outcomes; a published meeting
    the new version leaves out stays as well, marked cancelled with the time. So the published
    version holds every meeting ever published at the event, and a superseded version keeps only
    its figures and its schedule document. Nothing is deleted by a publication.
    """

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    version = models.ForeignKey(ScheduleVersion, on_delete=models.CASCADE, related_name="meetings")
    requests = models.ManyToManyField(MeetingRequest, related_name="meetings", blank=True)
    participants = models.ManyToManyField(MarketplaceProfile, related_name="meetings")
    slot_id = models.CharField(_("slot"), max_length=40)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    table = models.PositiveIntegerField(_("table"), null=True, blank=True)
    pinned = models.BooleanField(_("pinned"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["version", "starts_at", "table", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="scheduled", cancelled_at__isnull=True)
                | models.Q(status="cancelled", cancelled_at__isnull=False),
                name="meeting_cancelled_has_a_time",
            )
        ]

    def __str__(self):
        return f"{self.slot_id} / {self.table}"


class MeetingOutcome(models.Model):
    """What came of a meeting, as one side records it after the event."""

    class Outcome(models.TextChoices):
        NONE = "none", _("None")
        FOLLOW_UP = "follow_up", _("Follow-up")
        LETTER_OF_INTENT = "letter_of_intent", _("Letter of intent")
        MEMORANDUM = "memorandum", _("Memorandum of understanding")
        JOINT_PROJECT = "joint_project", _("Joint project")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="outcomes")
    profile = models.ForeignKey(
        MarketplaceProfile, on_delete=models.CASCADE, related_name="meeting_outcomes"
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    class Meta:
        verbose_name = _("meeting outcome")
        verbose_name_plural = _("meeting outcomes")
        ordering = ["meeting", "profile"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "profile"], name="one_outcome_per_side")
        ]

    def __str__(self):
        return f"{self.meeting} – {self.profile}: {self.get_outcome_display()}"


class SchedulingRun(models.Model):
    """One request to run the scheduler for an event, followed from the queue to its draft.

    ``progress`` (0–100) and ``phase`` are written while the background job works, so the
    schedule page can show how far it is; ``error`` holds a code when it failed. At most one run
    per event is queued or running at a time.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    class Phase(models.TextChoices):
        QUEUED = "queued", _("Waiting for a worker")
        INSTANCE = "instance", _("Collecting requests and availability")
        SOLVE = "solve", _("Placing meetings")
        BOUND = "bound", _("Computing the upper bound")
        CONSTRUCT = "construct", _("Building a first schedule")
        IMPROVE = "improve", _("Improving the schedule")
        COMPACT = "compact", _("Closing gaps")
        SAVING = "saving", _("Saving the draft")
        DONE = "done", _("Finished")

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="scheduling_runs"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices, default=Phase.QUEUED)
    time_limit = models.FloatField(_("time limit (seconds)"), default=10.0)
    seed = models.IntegerField(_("seed"), default=0)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    steps = models.JSONField(
        _("steps"),
        default=list,
        blank=True,
        help_text=_("The phases the run went through, each with the seconds it took."),
    )
    error = models.CharField(_("error code"), max_length=40, blank=True)
    error_detail = models.TextField(_("error detail"), blank=True)
    version = models.ForeignKey(
        ScheduleVersion,
        verbose_name=_("draft produced"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="runs",
    )

    class Meta:
        verbose_name = _("scheduling run")
        verbose_name_plural = _("scheduling runs")
        ordering = ["event", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event"],
                condition=models.Q(status__in=["queued", "running"]),
                name="one_active_scheduling_run_per_event",
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="scheduling_run_progress_at_most_100"
            ),
        ]

    def __str__(self):
        return f"{self.event} – {self.get_status_display()} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE
