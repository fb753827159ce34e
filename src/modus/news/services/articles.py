"""Writing articles: create, update, publish, withdraw, and the rules that go with them."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from modus.accounts.permissions import is_staff
from modus.web.slugs import free_slug
from modus.web.translations import clean_translations

from ..errors import NewsError, NewsPermissionError
from ..models import Article
from .html import plain_text, sanitise_html

SLUG_MAX_LENGTH = 200


def unique_slug(title: str, *, exclude_pk=None) -> str:
    """A slug made from the title, with -2, -3, ... appended when it is already taken."""
    return free_slug(
        title,
        Article.objects.all(),
        fallback="article",
        max_length=SLUG_MAX_LENGTH,
        exclude_pk=exclude_pk,
    )


# ---------------------------------------------------------------------------------------------
# Writing articles

EDITABLE_FIELDS = {
    "title",
    "lead",
    "body",
    "image",
    "image_alt",
    "author_organisation",
    "language",
    "created_at",
    "source_url",
    "slug",
    "translations",
}
RELATED_FIELDS = ("organisations", "regions", "events")
TITLE_MAX_LENGTH = Article._meta.get_field("title").max_length


def _check_actor(actor):
    if actor is not None and not is_staff(actor):
        raise NewsPermissionError(_("Only staff may write news articles."), code="not_staff")


def check_article(article):
    """Raise NewsError if the article breaks a rule (used by forms before saving)."""
    article.title = (article.title or "").strip()
    if not article.title:
        raise NewsError(_("An article needs a title."), code="empty_title")
    if len(article.title) > TITLE_MAX_LENGTH:
        raise NewsError(
            _("The title is too long (at most %(limit)d characters).")
            % {"limit": TITLE_MAX_LENGTH},
            code="title_too_long",
        )
    languages = {code for code, _name in Article._meta.get_field("language").choices}
    if article.language not in languages:
        raise NewsError(
            _("“%(language)s” is not a language of this site.") % {"language": article.language},
            code="bad_language",
        )
    if article.status not in Article.Status.values:
        raise NewsError(_("Unknown status."), code="bad_status")
    article.translations = clean_translations(
        article.translations, Article.translatable_fields, original=article.language
    )
    for texts in article.translations.values():
        if len(texts.get("title", "")) > TITLE_MAX_LENGTH:
            raise NewsError(
                _("The title is too long (at most %(limit)d characters).")
                % {"limit": TITLE_MAX_LENGTH},
                code="title_too_long",
            )
    if article.image and not (article.image_alt or "").strip():
        raise NewsError(_("Describe the image for people who cannot see it."), code="image_no_alt")


def _save(article, related):
    article.lead = (article.lead or "").strip()
    article.body = sanitise_html(article.body)
    for texts in article.translations.values():
        if "body" in texts:
            texts["body"] = sanitise_html(texts["body"])
    if article.created_at is None:
        article.created_at = timezone.now()
    if article.status == Article.Status.PUBLISHED and article.published_at is None:
        article.published_at = timezone.now()
    if not article.slug:
        article.slug = unique_slug(article.title, exclude_pk=article.pk)
    elif Article.objects.filter(slug=article.slug).exclude(pk=article.pk).exists():
        raise NewsError(_("Another article already uses this slug."), code="slug_taken")
    article.save()
    for name, values in related.items():
        if values is not None:
            getattr(article, name).set(values)
    return article


@transaction.atomic
def create_article(
    *,
    title,
    actor=None,
    body="",
    lead="",
    language="en",
    author_organisation=None,
    created_at=None,
    source_url="",
    image=None,
    image_alt="",
    slug="",
    organisations=None,
    regions=None,
    events=None,
    translations=None,
) -> Article:
    """Create a draft article. Staff only (or trusted code with ``actor=None``).

    ``translations`` maps a language to its title, lead and body (see web.translations)."""
    _check_actor(actor)
    article = Article(
        title=title,
        body=body,
        lead=lead,
        language=language,
        author_organisation=author_organisation,
        created_at=created_at,
        source_url=source_url,
        image_alt=image_alt,
        slug=slug,
        status=Article.Status.DRAFT,
        translations=translations or {},
    )
    if image:
        article.image = image
    check_article(article)
    return _save(article, {"organisations": organisations, "regions": regions, "events": events})


@transaction.atomic
def update_article(article, *, actor, **changes) -> Article:
    """Change an article's fields (and its links to organisations, regions and events).

    Also saves an article built elsewhere (the admin's form) so it follows the same rules.
    Changing ``status`` to published publishes it, to draft withdraws it.
    """
    _check_actor(actor)
    unknown = set(changes) - EDITABLE_FIELDS - set(RELATED_FIELDS) - {"status", "published_at"}
    if unknown:
        raise TypeError(f"update_article() got unexpected fields: {', '.join(sorted(unknown))}")
    related = {name: changes.pop(name, None) for name in RELATED_FIELDS}
    for name, value in changes.items():
        setattr(article, name, value)
    if article.status == Article.Status.DRAFT and "published_at" not in changes:
        article.published_at = None
    check_article(article)
    return _save(article, related)


@transaction.atomic
def publish_article(article, *, actor, at=None) -> Article:
    """Publish the article now, or at ``at`` (a future time schedules it)."""
    _check_actor(actor)
    if article.status == Article.Status.PUBLISHED:
        raise NewsError(_("The article is already published."), code="already_published")
    check_article(article)
    if not plain_text(article.body) and not article.lead.strip():
        raise NewsError(_("An article needs a lead or a body to be published."), code="empty_body")
    article.status = Article.Status.PUBLISHED
    article.published_at = at or timezone.now()
    return _save(article, {})


@transaction.atomic
def withdraw_article(article, *, actor) -> Article:
    """Turn a published article back into a draft."""
    _check_actor(actor)
    if article.status != Article.Status.PUBLISHED:
        raise NewsError(_("The article is not published."), code="not_published")
    article.status = Article.Status.DRAFT
    article.published_at = None
    return _save(article, {})
