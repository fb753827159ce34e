"""Recordings: which players may be embedded after the visitor agrees, and where from."""

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}


@dataclass(frozen=True)
class Embed:
    provider: str  # shown to the visitor: "YouTube" or "Vimeo"
    src: str  # the player's address, loaded only after a click


def _clean_id(value: str) -> str | None:
    value = value.strip()
    if value and all(c.isalnum() or c in "-_" for c in value) and len(value) <= 64:
        return value
    return None


def embed_for(url: str) -> Embed | None:
    """The click-to-load player of a YouTube or Vimeo link, or None for other recordings."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    segments = [s for s in parts.path.split("/") if s]
    if host in YOUTUBE_HOSTS:
        if host == "youtu.be":
            video = _clean_id(segments[0]) if segments else None
        elif segments[:1] == ["watch"]:
            video = _clean_id(parse_qs(parts.query).get("v", [""])[0])
        elif len(segments) >= 2 and segments[0] in {"embed", "live", "shorts", "v"}:
            video = _clean_id(segments[1])
        else:
            video = None
        if video:
            return Embed("YouTube", f"https://www.youtube-nocookie.com/embed/{video}")
    if host in VIMEO_HOSTS:
        numbers = [s for s in segments if s.isdigit()]
        if numbers:
            return Embed("Vimeo", f"https://player.vimeo.com/video/{numbers[0]}")
    return None
