import re

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from modus.web.slugs import ascii_slug
from modus.web.translations import Translatable, TranslatableManager

from .reference import ECOSYSTEM_LABELS, latin_name


class Ecosystem(models.Model):
    """One of the EU's 14 industrial ecosystems. ``key`` is stable; ``label`` is for display."""

    key = models.SlugField(_("key"), max_length=64, unique=True)
    label = models.CharField(_("label"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("industrial ecosystem")
        verbose_name_plural = _("industrial ecosystems")
        ordering = ["position", "label"]

    def __str__(self):
        return self.display_label

    @property
    def display_label(self) -> str:
        """The label in the reader's language (the stored label is the English one)."""
        return str(ECOSYSTEM_LABELS.get(self.key, self.label))


class Region(models.Model):
    """A NUTS region (level 0 = country, 1-3 = NUTS levels), keyed by its code."""

    code = models.CharField(_("NUTS code"), max_length=8, primary_key=True)
    name = models.CharField(_("name"), max_length=200)
    latin_name = models.CharField(
        _("name in Latin letters"),
        max_length=200,
        blank=True,
        help_text=_("The name transliterated where it is written in Greek or Cyrillic."),
    )
    level = models.PositiveSmallIntegerField(
        _("NUTS level"), validators=[MinValueValidator(0), MaxValueValidator(3)]
    )
    country_code = models.CharField(_("country code"), max_length=2, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent region"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
    )

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code"]
        indexes = [models.Index(fields=["level", "country_code"])]

    def __str__(self):
        return f"{self.name} ({self.code})"

    def save(self, *args, **kwargs):
        if not self.latin_name:
            self.latin_name = latin_name(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("directory:region", kwargs={"code": self.code})


class SmartSpecialisationPriority(models.Model):
    """A priority of a region's smart-specialisation strategy."""

    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.CASCADE, related_name="priorities"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    period = models.CharField(_("strategy period"), max_length=20, blank=True)
    ecosystems = models.ManyToManyField(
        Ecosystem, verbose_name=_("industrial ecosystems"), blank=True, related_name="priorities"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("smart-specialisation priority")
        verbose_name_plural = _("smart-specialisation priorities")
        ordering = ["region", "position", "title"]
        constraints = [
            models.UniqueConstraint(fields=["region", "title"], name="unique_priority_per_region")
        ]

    def __str__(self):
        return f"{self.region.code}: {self.title}"


# An organisation's profile: the fields people edit, in the order they read them. This is the
# one list: the edit form, the services, the CSV exchange and the API derive theirs from it.
CLUSTER_FIELDS = (
    "members_sme",
    "members_large",
    "members_research",
    "members_public",
    "members_other",
    "management_staff_fte",
)
# Awarded by others: only platform staff change them.
AWARDED_FIELDS = ("label", "label_date", "validation_status")
PROFILE_FIELDS = (
    "name",
    "acronym",
    "kind",
    "description",
    "website",
    "email",
    "phone",
    "city",
    "country_code",
    "region",
    "founded_year",
    "logo",
    "ecosystems",
    "technology_fields",
    *CLUSTER_FIELDS,
    *AWARDED_FIELDS,
    # The description's language and its other languages (see docs/translations.md).
    "original_language",
    "translations",
)


# Long enough for any real organisation's full name; longer text is a description, not a name.
NAME_MAX_LENGTH = 200


def slug_for(name: str) -> str:
    """An ASCII slug for an organisation name ("Śląskie Klaster" → "slaskie-klaster")."""
    return ascii_slug(name, max_length=220)


class Organisation(Translatable, models.Model):
    """A cluster, company, research body, authority…; its description may be translated."""

    translatable_fields = ("description",)

    class Kind(models.TextChoices):
        CLUSTER = "cluster", _("Cluster organisation")
        CLUSTER_ASSOCIATION = "association", _("National cluster association")
        COMPANY = "company", _("Company")
        RESEARCH = "research", _("Research or education body")
        AUTHORITY = "authority", _("Regional authority")
        AGENCY = "agency", _("Development agency")
        INVESTOR = "investor", _("Investor")
        OTHER = "other", _("Other")

    class Label(models.TextChoices):
        NONE = "", _("No label")
        BRONZE = "bronze", _("Bronze")
        SILVER = "silver", _("Silver")
        GOLD = "gold", _("Gold")

    class Validation(models.TextChoices):
        UNVALIDATED = "unvalidated", _("Not validated")
        PENDING = "pending", _("Validation pending")
        VALIDATED = "validated", _("Validated")

    CLUSTER_KINDS = (Kind.CLUSTER, Kind.CLUSTER_ASSOCIATION)

    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, db_index=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country_code = models.CharField(_("country code"), max_length=2, blank=True, db_index=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
    )
    founded_year = models.PositiveSmallIntegerField(
        _("founding year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    ecosystems = models.ManyToManyField(
        Ecosystem, verbose_name=_("industrial ecosystems"), blank=True, related_name="organisations"
    )
    technology_fields = models.JSONField(_("technology fields"), default=list, blank=True)

    # Cluster organisations: members by type, management, label and validation.
    members_sme = models.PositiveIntegerField(_("SME members"), null=True, blank=True)
    members_large = models.PositiveIntegerField(_("large-company members"), null=True, blank=True)
    members_research = models.PositiveIntegerField(_("research members"), null=True, blank=True)
    members_public = models.PositiveIntegerField(_("public-body members"), null=True, blank=True)
    members_other = models.PositiveIntegerField(_("other members"), null=True, blank=True)
    management_staff_fte = models.DecimalField(
        _("management staff (FTE)"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    label = models.CharField(
        _("excellence label"), max_length=8, choices=Label.choices, blank=True, db_index=True
    )
    label_date = models.DateField(_("label awarded"), null=True, blank=True)
    validation_status = models.CharField(
        _("validation status"),
        max_length=16,
        choices=Validation.choices,
        default=Validation.UNVALIDATED,
    )

    original_language = models.CharField(
        _("original language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    translations = models.JSONField(_("translations"), default=dict, blank=True)

    # Denormalised text that full-text search indexes (see directory.search).
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = TranslatableManager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:organisation", kwargs={"slug": self.slug})

    @property
    def acronym_to_show(self) -> str:
        """The acronym, unless the name already includes it: "International Congress Centre
        (MCK)" is not followed by "(MCK)" again."""
        acronym = self.acronym.strip()
        if not acronym:
            return ""
        if re.search(rf"(?<!\w){re.escape(acronym)}(?!\w)", self.name, re.IGNORECASE):
            return ""
        return acronym

    @property
    def is_cluster(self) -> bool:
        return self.kind in self.CLUSTER_KINDS

    @property
    def member_total(self) -> int | None:
        counts = [
            self.members_sme,
            self.members_large,
            self.members_research,
            self.members_public,
            self.members_other,
        ]
        if all(count is None for count in counts):
            return None
        return sum(count or 0 for count in counts)
