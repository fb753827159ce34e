"""Every write to news articles, and the rules that go with it.

Callers pass the acting user. ``actor=None`` is reserved for trusted code that has no person
behind it (management commands run by the operator, the demo loader); any real user must be staff.
Every body that reaches the database has passed through :func:`sanitise_html`.
"""

from ..errors import NewsError, NewsImportError, NewsPermissionError
from .articles import (
    EDITABLE_FIELDS,
    RELATED_FIELDS,
    SLUG_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    check_article,
    create_article,
    publish_article,
    unique_slug,
    update_article,
    withdraw_article,
)
from .html import plain_text, sanitise_html
from .importing import IMPORT_EXTENSIONS, import_news_page

__all__ = [
    "EDITABLE_FIELDS",
    "IMPORT_EXTENSIONS",
    "RELATED_FIELDS",
    "SLUG_MAX_LENGTH",
    "TITLE_MAX_LENGTH",
    "NewsError",
    "NewsImportError",
    "NewsPermissionError",
    "check_article",
    "create_article",
    "import_news_page",
    "plain_text",
    "publish_article",
    "sanitise_html",
    "unique_slug",
    "update_article",
    "withdraw_article",
]
