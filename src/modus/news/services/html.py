"""The one HTML sanitiser for article bodies, and its tag stripper."""

import html as html_module

import nh3

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
