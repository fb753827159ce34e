"""Cooperation opportunities, interest in them, and the suggested meetings of an event.

An opportunity belongs to an organisation; posted in an event it lives in the event's
marketplace, else in the directory's partner search. ``Interest`` is one person's answer to an
opportunity: inside an event it refers to the matchmaking meeting request it created (the
reference lives here, so matchmaking knows nothing of partners); outside, it is a contact
request the other side accepts before any e-mail address is shown.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modus.web.translations import Translatable, TranslatableQuerySet


class OpportunityKind(models.Model):
    """Offer, request, partnership for a project or call, or a kind an event's organisers add."""

    class Direction(models.TextChoices):
        OFFER = "offer", _("Offers something")
        REQUEST = "request", _("Looks for something")
        OTHER = "other", _("Other")

    key = models.SlugField(_("key"), max_length=40)
    label = models.CharField(_("label"), max_length=80)
    direction = models.CharField(
        _("direction"), max_length=8, choices=Direction.choices, default=Direction.OTHER
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="opportunity_kinds",
        help_text=_("Empty: a kind every marketplace offers."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("opportunity kind")
        verbose_name_plural = _("opportunity kinds")
        ordering = ["position", "label"]
        constraints = [
            models.UniqueConstraint(fields=["event", "key"], name="one_opportunity_kind_per_key")
        ]

    def __str__(self):
        return self.display_label

    @property
    def display_label(self) -> str:
        builtin = {
            "offer": _("Offer"),
            "request": _("Request"),
            "partnership": _("Partnership for a project or call"),
        }
        return str(builtin.get(self.key, self.label)) if self.event_id is None else self.label


class ModerationSettings(models.Model):
    """Automatic or manual validation of an event's opportunities (no event: the directory's)."""

    event = models.OneToOneField(
        "events.Event",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="opportunity_moderation",
    )
    manual = models.BooleanField(_("validate opportunities by hand"), default=False)

    class Meta:
        verbose_name = _("moderation settings")
        verbose_name_plural = _("moderation settings")

    def __str__(self):
        return f"{self.event or _('directory')}: {self.manual}"


class OpportunityQuerySet(TranslatableQuerySet):
    def live(self, today=None):
        """Published and not expired."""
        today = today or timezone.localdate()
        return self.filter(status=Opportunity.Status.PUBLISHED, expires_on__gte=today)


class Opportunity(Translatable, models.Model):
    """An offer or a request of cooperation; title and description may be translated."""

    translatable_fields = ("title", "description")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for validation")
        PUBLISHED = "published", _("Published")
        REFUSED = "refused", _("Refused")

    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="opportunities",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="opportunities",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="opportunities",
    )
    kind = models.ForeignKey(
        OpportunityKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    original_language = models.CharField(
        _("original language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    ecosystems = models.ManyToManyField(
        "directory.Ecosystem", verbose_name=_("industrial ecosystems"), blank=True, related_name="+"
    )
    keywords = models.CharField(
        _("keywords"), max_length=300, blank=True, help_text=_("Separated by commas.")
    )
    target_countries = models.JSONField(_("target countries"), default=list, blank=True)
    target_regions = models.ManyToManyField(
        "directory.Region", verbose_name=_("target regions"), blank=True, related_name="+"
    )
    expires_on = models.DateField(_("expires on"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    refusal_reason = models.TextField(_("reason for refusal"), blank=True)
    moderated_at = models.DateTimeField(_("validated"), null=True, blank=True)
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        verbose_name = _("cooperation opportunity")
        verbose_name_plural = _("cooperation opportunities")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["event", "status", "expires_on"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partners:detail", kwargs={"pk": self.pk})

    @property
    def is_expired(self) -> bool:
        return self.expires_on < timezone.localdate()

    @property
    def keyword_list(self) -> list[str]:
        return [word.strip() for word in self.keywords.split(",") if word.strip()]


class Interest(models.Model):
    """Someone answers an opportunity: a meeting request in an event, a contact request outside."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="interests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="opportunity_interests"
    )
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    meeting_request = models.OneToOneField(
        "matchmaking.MeetingRequest",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "user"], name="one_interest_per_user")
        ]

    def __str__(self):
        return f"{self.user} → {self.opportunity}"


class Suggestion(models.Model):
    """One participant's suggested partner in an event, with its rank, score and reasons.

    ``reasons`` is a list of ``{"code": ..., "params": {...}}``, put into words when shown, in
    the reader's language (``suggestions.reasons``)."""

    profile = models.ForeignKey(
        "matchmaking.MarketplaceProfile", on_delete=models.CASCADE, related_name="suggestions"
    )
    candidate = models.ForeignKey(
        "matchmaking.MarketplaceProfile", on_delete=models.CASCADE, related_name="+"
    )
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()
    reasons = models.JSONField(default=list)
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    computed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["profile", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "candidate"], name="one_suggestion_per_pair")
        ]

    def __str__(self):
        return f"{self.profile_id} → {self.candidate_id} (#{self.rank})"


class Impression(models.Model):
    """A suggestion was shown: when first, and how often (requests that follow are counted)."""

    profile = models.ForeignKey(
        "matchmaking.MarketplaceProfile", on_delete=models.CASCADE, related_name="+"
    )
    candidate = models.ForeignKey(
        "matchmaking.MarketplaceProfile", on_delete=models.CASCADE, related_name="+"
    )
    first_shown_at = models.DateTimeField(default=timezone.now)
    times = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "candidate"], name="one_impression_per_pair")
        ]

    def __str__(self):
        return f"{self.profile_id} saw {self.candidate_id}"


class Nudge(models.Model):
    """The one e-mail that reminded a participant with few requests of their suggestions."""

    profile = models.OneToOneField(
        "matchmaking.MarketplaceProfile", on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.profile_id} nudged"
