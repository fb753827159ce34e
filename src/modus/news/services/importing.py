"""Importing a saved news page (HTML, or plain text like the seed) as a draft article."""

import zoneinfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import parsing
from ..errors import NewsError, NewsImportError
from ..models import Article
from .articles import TITLE_MAX_LENGTH, _check_actor, create_article
from .html import plain_text, sanitise_html

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
