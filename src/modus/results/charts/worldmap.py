"""The map of Europe: where participants came from (countries shaded by how many) and where
the editions took place (outlined). Drawn from pygal-maps-world's country shapes, a file in the
installed package: nothing is downloaded, ever.

Only Europe's countries are kept and the view is cropped to them, so the SVG stays small."""

import functools
import re
from importlib.resources import files

from django.utils.html import escape
from django.utils.safestring import mark_safe

VIEW_BOX = "1070 100 400 300"
_COUNTRY = re.compile(r'<g class="([a-z]{2}) country map-element">(.*?)</g>', re.S)
EUROPE = frozenset(
    [
        "ad",
        "al",
        "am",
        "at",
        "az",
        "ba",
        "be",
        "bg",
        "by",
        "ch",
        "cy",
        "cz",
        "de",
        "dk",
        "ee",
        "es",
        "fi",
        "fr",
        "gb",
        "ge",
        "gr",
        "hr",
        "hu",
        "ie",
        "is",
        "it",
        "li",
        "lt",
        "lu",
        "lv",
        "mc",
        "md",
        "me",
        "mk",
        "mt",
        "nl",
        "no",
        "pl",
        "pt",
        "ro",
        "rs",
        "ru",
        "se",
        "si",
        "sk",
        "sm",
        "tr",
        "ua",
        "va",
        "xk",
        "dz",
        "ma",
        "tn",
        "ly",
        "eg",
        "il",
        "lb",
        "sy",
        "jo",
        "iq",
        "ir",
        "sa",
        "kz",
    ]
)
# Light to dark: each step keeps AA contrast with the outline drawn around hosts.
SHADES = ("#eef2f7", "#c6d7ea", "#8fb3d9", "#4f86bf", "#0b4f8a")
HOST_STROKE = "#b34700"


_PATH = re.compile(r'<path d="[mM]\s*([-\d.]+)[ ,]([-\d.]+)[^"]*"\s*/>')


def _in_view(path: re.Match) -> bool:
    """Whether a path starts near the view (islands far off, Svalbard, Siberia are left out)."""
    x, y = float(path.group(1)), float(path.group(2))
    return 1000 <= x <= 1540 and 40 <= y <= 460


@functools.cache
def shapes() -> dict[str, str]:
    """Country code (lower case ISO) → its paths near Europe, from the package's world map."""
    text = files("pygal_maps_world").joinpath("worldmap.svg").read_text(encoding="utf-8")
    kept = {}
    for code, body in _COUNTRY.findall(text):
        if code in EUROPE:
            paths = "".join(m.group(0) for m in _PATH.finditer(body) if _in_view(m))
            if paths:
                kept[code] = paths
    return kept


def shade(value, top: int) -> str:
    if not value or not top:
        return SHADES[0]
    step = 1 + min(3, int(3 * value / top))
    return SHADES[step]


def draw(counts: dict, hosts: dict, *, title: str, description: str, names: dict) -> str:
    """``counts``: country code → participants (``None`` when suppressed); ``hosts``: country
    code → editions held there; ``names``: country code → its name in the page's language."""
    top = max([v for v in counts.values() if isinstance(v, int)] or [0])
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{VIEW_BOX}" class="results-map" '
        'role="img" aria-labelledby="map-title map-desc" focusable="false">',
        f'<title id="map-title">{escape(title)}</title>',
        f'<desc id="map-desc">{escape(description)}</desc>',
        '<rect x="1070" y="100" width="400" height="300" fill="#f8fbff"/>',
    ]
    # Hosts last, so that their outline lies above their neighbours'.
    ordered = sorted(shapes().items(), key=lambda item: (item[0].upper() in hosts, item[0]))
    for code, paths in ordered:
        upper = code.upper()
        value = counts.get(upper)
        hosted = hosts.get(upper, 0)
        stroke = (
            f'stroke="{HOST_STROKE}" stroke-width="1.6"'
            if hosted
            else 'stroke="#8a96a6" stroke-width="0.3"'
        )
        label = names.get(upper, upper)
        if upper in counts:
            label += f": {'<5' if value is None else value}"
        if hosted:
            label += f" ({hosted}×)"
        parts.append(
            f'<g class="country {code}" fill="{shade(value, top)}" {stroke}>'
            f"<title>{escape(label)}</title>{paths}</g>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - geometry from the package, labels escaped
