from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modus.web.translations import Translatable, TranslatableQuerySet


class ArticleQuerySet(TranslatableQuerySet):
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())


class Article(Translatable, models.Model):
    """A news article. ``body`` holds HTML that services sanitise before it is stored.

    Title, lead and body are written in ``language`` (the original) and may be translated
    (``translations``, see ``modus.web.translations``)."""

    translatable_fields = ("title", "lead", "body")
    original_language_field = "language"

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    title = models.CharField(_("title"), max_length=300)
    lead = models.TextField(_("lead"), blank=True)
    body = models.TextField(_("body"), blank=True)
    image = models.ImageField(_("image"), upload_to="news/", blank=True)
    image_alt = models.CharField(_("image description"), max_length=300, blank=True)
    author_organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("author organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="authored_articles",
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    created_at = models.DateTimeField(_("created"))
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    source_url = models.URLField(_("source"), blank=True)
    organisations = models.ManyToManyField(
        "directory.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="articles",
    )
    regions = models.ManyToManyField(
        "directory.Region", verbose_name=_("regions"), blank=True, related_name="articles"
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("events"), blank=True, related_name="articles"
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-created_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:article", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        """Published and its publication time has come."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )
