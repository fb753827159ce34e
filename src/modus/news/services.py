"""Every write to news articles, and the rules that go with it.

Callers pass the acting user. ``actor=None`` is reserved for trusted code that has no person
behind it (management commands run by the operator, the demo loader); any real user must be staff.
Every body that reaches the database has passed through :func:`sanitise_html`.
"""

import html as html_module
import zoneinfo

import nh3
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from modus.accounts.permissions import is_staff
from modus.web.slugs import free_slug
from modus.web.translations import clean_translations

from . import parsing
from .errors import NewsError, NewsImportError, NewsPermissionError
from .models import Article

__all__ = [
    "NewsError",
    "NewsImportError",
    "NewsPermissionError",
    "create_article",
    "import_news_page",
    "publish_article",
    "sanitise_html",
    "update_article",
    "withdraw_article",
]

# ---------------------------------------------------------------------------------------------
# HTML sanitising

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "a",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "img",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}
# Dropped together with everything inside them, not just unwrapped.
DROPPED_WITH_CONTENT = {"script", "style", "noscript", "template", "iframe", "object", "svg"}
LINK_SCHEMES = {"http", "https", "mailto"}
IMAGE_SCHEMES = ("http://", "https://")


def _filter_attribute(tag, attribute, value):
    # Links may also be mailto:, images come only from the web or from our own site.
    if tag == "img" and attribute == "src":
        lowered = value.strip().lower()
        if ":" in lowered.split("/", 1)[0] and not lowered.startswith(IMAGE_SCHEMES):
            return None
    if attribute in {"colspan", "rowspan"} and not value.strip().isdigit():
        return None
    if attribute == "scope" and value not in {"row", "col", "rowgroup", "colgroup"}:
        return None
    return value


def sanitise_html(html: str) -> str:
    """Keep a small, safe subset of HTML: text structure, links, images and simple tables.

    Scripts, styles, event handlers and ``javascript:`` URLs are removed; every link gets
    ``rel="noopener noreferrer"``.
    """
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=LINK_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def plain_text(html: str) -> str:
    """The text of an HTML fragment, without any tags."""
    return html_module.unescape(nh3.clean(html or "", tags=set())).strip()


# ---------------------------------------------------------------------------------------------
# Slugs

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


# ---------------------------------------------------------------------------------------------
# Importing a saved news page

IMPORT_EXTENSIONS = (".html", ".htm", ".txt")


def _decode(content) -> str:
    if isinstance(content, str):
        data = content.encode("utf-8", "surrogatepass")
        text = content
    else:
        data = bytes(content)
        text = None
    if len(data) > settings.MODUS_MAX_IMPORT_BYTES:
        raise NewsImportError(
            _("The file is too large (at most %(limit)s bytes).")
            % {"limit": settings.MODUS_MAX_IMPORT_BYTES},
            code="too_large",
        )
    if not data.strip():
        raise NewsImportError(_("The file is empty."), code="empty")
    if b"\x00" in data:
        raise NewsImportError(
            _("This is not a text or HTML file (it contains binary data)."), code="binary"
        )
    if text is None:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1250")  # older Central European pages
            except UnicodeDecodeError as error:
                raise NewsImportError(
                    _("This is not a text or HTML file (it is not UTF-8 text)."), code="binary"
                ) from error
    control = sum(1 for char in text if ord(char) < 32 and char not in "\t\n\r\f")
    if control > max(2, len(text) // 100):
        raise NewsImportError(
            _("This is not a text or HTML file (it contains binary data)."), code="binary"
        )
    return text


def _aware(created, time_zone):
    if created is None:
        return timezone.now()
    if time_zone is None:
        zone = timezone.get_default_timezone()
    elif isinstance(time_zone, str):
        zone = zoneinfo.ZoneInfo(time_zone)
    else:
        zone = time_zone
    return timezone.make_aware(created, zone)


def import_news_page(
    content,
    *,
    filename: str = "",
    author_organisation=None,
    language=None,
    actor=None,
    time_zone=None,
) -> Article:
    """Turn a saved news page (HTML, or plain text like the seed) into a DRAFT article.

    The "Created: DD/MM/YYYY HH:MM:SS" line becomes ``created_at``, read in ``time_zone``
    (default: settings.TIME_ZONE); without it the article is created now. Bad input raises
    :class:`NewsImportError` with a code: empty, binary, too_large, no_title, title_too_long,
    bad_created, bad_type.
    """
    _check_actor(actor)
    has_extension = "." in filename.rsplit("/", 1)[-1]
    if has_extension and not filename.lower().endswith(IMPORT_EXTENSIONS):
        raise NewsImportError(
            _("Only .html, .htm and .txt files can be imported."), code="bad_type"
        )
    text = _decode(content)
    if parsing.looks_like_html(text, filename):
        page = parsing.parse_html(text, sanitise=sanitise_html, to_text=plain_text)
    else:
        page = parsing.parse_text(text)
    if len(page.title) > TITLE_MAX_LENGTH:
        raise NewsImportError(
            _("The title is too long (at most %(limit)d characters); is the first line a title?")
            % {"limit": TITLE_MAX_LENGTH},
            code="title_too_long",
        )
    try:
        return create_article(
            title=page.title,
            lead=page.lead,
            body=page.body,
            created_at=_aware(page.created, time_zone),
            source_url=page.source_url,
            author_organisation=author_organisation,
            language=language or settings.LANGUAGE_CODE,
            actor=actor,
        )
    except NewsImportError:
        raise
    except NewsError as error:
        raise NewsImportError(error.message, code=error.code) from error
