"""Reading a saved news page (HTML or plain text) into its parts.

Pure functions over text: no database, no Django models. Only the standard library's
``html.parser`` reads HTML; the result is sanitised by the caller.
"""

import datetime as dt
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.utils.translation import gettext as _

from .errors import NewsImportError

CREATED_PATTERN = re.compile(
    r"Created:\s*(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})"
    r"(?:\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?",
    re.IGNORECASE,
)
URL_PATTERN = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")
HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|article|main|h1|p|div)\b", re.I)
# A first line such as "Modus | Home page" is the saved page's site chrome, not the title.
CHROME_LINE_MAX_LENGTH = 80


@dataclass
class ParsedPage:
    title: str
    lead: str
    body: str
    created: dt.datetime | None  # naive: the caller decides the time zone
    source_url: str = ""


def parse_created(text: str) -> dt.datetime | None:
    """The "Created: DD/MM/YYYY HH:MM:SS" timestamp in the text, as a naive datetime."""
    match = CREATED_PATTERN.search(text)
    if not match:
        return None
    parts = {key: int(value) if value else 0 for key, value in match.groupdict().items()}
    try:
        return dt.datetime(
            parts["year"],
            parts["month"],
            parts["day"],
            parts["hour"],
            parts["minute"],
            parts["second"],
        )
    except ValueError as error:
        raise NewsImportError(
            _("The “Created:” date %(date)s is not a real date and time.")
            % {"date": match.group(0)},
            code="bad_created",
        ) from error


def looks_like_html(text: str, filename: str = "") -> bool:
    name = filename.lower()
    if name.endswith((".html", ".htm")):
        return True
    if name.endswith(".txt"):
        return False
    return bool(HTML_SNIFF.search(text[:4000]))


# ---------------------------------------------------------------------------------------------
# Plain text


def _linkify(escaped_text: str) -> str:
    return URL_PATTERN.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped_text)


def _paragraph_html(paragraph: str) -> str:
    return f"<p>{_linkify(html.escape(paragraph, quote=True))}</p>"


def parse_text(text: str) -> ParsedPage:
    """A plain-text post: optional chrome line, title line, paragraphs, "Created:" line."""
    created = parse_created(text)
    text = CREATED_PATTERN.sub("", text)
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    content = [index for index, line in enumerate(lines) if line]
    if not content:
        raise NewsImportError(_("The file has no title."), code="no_title")
    first = lines[content[0]]
    is_chrome = " | " in first and len(first) <= CHROME_LINE_MAX_LENGTH and len(content) > 1
    title_index = content[1] if is_chrome else content[0]
    title = lines[title_index]

    paragraphs, current = [], []
    for line in lines[title_index + 1 :]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))

    lead = paragraphs[0] if paragraphs else ""
    body = "\n".join(_paragraph_html(paragraph) for paragraph in paragraphs[1:])
    return ParsedPage(title=title, lead=lead, body=body, created=created)


# ---------------------------------------------------------------------------------------------
# HTML

# Elements whose whole content is site chrome or code, never part of the article.
SKIPPED = {
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "svg",
    "iframe",
    "button",
    "select",
    "textarea",
}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
CONTAINERS = ("article", "main", "body")
CODE = {"script", "style", "template", "svg"}


class _PageReader(HTMLParser):
    """Collects the title, the first <h1>, meta data, all visible text, and the HTML inside
    each content container (``captured["*"]`` holds the whole document's)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical = ""
        self.text_parts: list[str] = []
        self.captured: dict[str, list[str]] = {name: [] for name in (*CONTAINERS, "*")}
        self.depth: dict[str, int] = dict.fromkeys(CONTAINERS, 0)
        self.closed: set[str] = set()
        self.skipping: list[str] = []
        self.state = "body"  # or "title", "h1" (the first one), "after-h1"

    def _emit(self, piece: str) -> None:
        self.captured["*"].append(piece)
        for name in CONTAINERS:
            if self.depth[name] and name not in self.closed:
                self.captured[name].append(piece)

    def handle_starttag(self, tag, attrs):
        if self.skipping:
            if tag not in VOID:
                self.skipping.append(tag)
            return
        attributes = {key: value or "" for key, value in attrs}
        if tag == "meta":
            key = attributes.get("property") or attributes.get("name")
            if key:
                self.meta.setdefault(key.lower(), attributes.get("content", ""))
            return
        if tag == "link":
            if "canonical" in attributes.get("rel", "").lower().split():
                self.canonical = attributes.get("href", "")
            return
        if tag in SKIPPED:
            self.skipping.append(tag)
            return
        if tag == "title":
            self.state = "title"
            return
        if tag == "h1" and self.state == "body":
            self.state = "h1"  # the title is shown on its own, not inside the body
            return
        if tag in CONTAINERS and tag not in self.closed:
            self.depth[tag] += 1
            if self.depth[tag] == 1:
                return
        if tag == "h1":
            tag = "h2"
        rendered = "".join(
            f' {key}="{html.escape(value, quote=True)}"'
            for key, value in attrs
            if value is not None
        )
        self._emit(f"<{tag}{rendered}>")

    def handle_startendtag(self, tag, attrs):
        if self.skipping or tag in SKIPPED:
            return
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.skipping:
            if tag in self.skipping:
                while self.skipping.pop() != tag:
                    pass
            return
        if tag == "title" and self.state == "title":
            self.state = "body"
            return
        if tag == "h1" and self.state == "h1":
            self.state = "after-h1"
            return
        if tag in CONTAINERS and self.depth[tag] and tag not in self.closed:
            self.depth[tag] -= 1
            if self.depth[tag] == 0:
                self.closed.add(tag)
                return
        if tag == "h1":
            tag = "h2"
        if tag not in VOID:
            self._emit(f"</{tag}>")

    def handle_data(self, data):
        if self.skipping:
            if not set(self.skipping) & CODE:
                self.text_parts.append(data)
            return
        if self.state == "title":
            self.title_parts.append(data)
            return
        self.text_parts.append(data)
        if self.state == "h1":
            self.h1_parts.append(data)
            return
        self._emit(html.escape(CREATED_PATTERN.sub("", data), quote=False))


def _clean_line(text: str) -> str:
    return " ".join(text.split())


EMPTY_PARAGRAPH = re.compile(r"<p>\s*(?:<br>\s*)*</p>")
FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)


def parse_html(text: str, *, sanitise, to_text) -> ParsedPage:
    """An HTML page: title from <h1> (else <title>), body from <article>/<main>/<body>.

    ``sanitise`` and ``to_text`` are the sanitiser and tag stripper of the news services.
    """
    reader = _PageReader()
    reader.feed(text)
    reader.close()

    title = _clean_line("".join(reader.h1_parts))
    if not title:
        title = _clean_line("".join(reader.title_parts)).split(" | ")[0].strip()
    if not title:
        raise NewsImportError(_("The page has no <h1> or <title>."), code="no_title")

    raw_body = ""
    for name in (*CONTAINERS, "*"):
        if reader.captured[name]:
            raw_body = "".join(reader.captured[name])
            break
    body = EMPTY_PARAGRAPH.sub("", sanitise(raw_body)).strip()

    lead = _clean_line(reader.meta.get("description") or reader.meta.get("og:description") or "")
    if not lead:
        first = FIRST_PARAGRAPH.search(body)
        if first:
            lead = _clean_line(to_text(first.group(1)))
            body = (body[: first.start()] + body[first.end() :]).strip()

    source_url = reader.canonical or reader.meta.get("og:url", "")
    if not source_url.lower().startswith(("http://", "https://")) or len(source_url) > 200:
        source_url = ""

    created = parse_created(_clean_line(" ".join(reader.text_parts)))
    return ParsedPage(title=title, lead=lead, body=body, created=created, source_url=source_url)
