"""Charts as inline SVG from pygal, made accessible: ``role="img"`` with a title and a description
the screen reader reads, pygal's script and comments removed (the charts need no JavaScript)."""

import itertools
import re
import sys

import pygal
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from pygal.style import Style

from ..suppression import THRESHOLD

# The palette of modus.css: every colour meets AA contrast on white.
STYLE = Style(
    background="transparent",
    plot_background="transparent",
    foreground="#1b2430",
    foreground_strong="#1b2430",
    foreground_subtle="#4a5565",
    colors=("#0b4f8a", "#b34700", "#1d6b3a", "#6b3310", "#5c4300", "#333d4a"),
    font_family="system-ui, sans-serif",
    label_font_size=13,
    major_label_font_size=13,
    value_font_size=13,
    legend_font_size=14,
    title_font_size=16,
)
# pygal puts an old-style import hook on sys.meta_path (for ``pygal.maps.*``, which we do not
# use: the map reads the package's shapes itself); it makes every later import warn. Take it off.
sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "PluginImportFixer"]
# pygal's script, comments, inline <style> and style attributes go: the site's policy
# (style-src 'self') refuses inline styles, so the charts' style is a static file (charts.css).
_SCRIPT = re.compile(r"<script.*?</script>|<!--.*?-->|<style.*?</style>| style=\"[^\"]*\"", re.S)
_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
_OPEN = re.compile(r"<svg ([^>]*)>")
_ids = itertools.count(1)


def accessible(svg: str, title: str, description: str) -> str:
    """pygal's SVG with ``role="img"``, a title and a description named by ``aria-labelledby``."""
    number = next(_ids)
    title_id, desc_id = f"chart-title-{number}", f"chart-desc-{number}"
    svg = _SCRIPT.sub("", svg)
    head = (
        f'<svg \\1 role="img" aria-labelledby="{title_id} {desc_id}" focusable="false">'
        f'<title id="{title_id}">{escape(title)}</title>'
        f'<desc id="{desc_id}">{escape(description)}</desc>'
    )
    return mark_safe(_OPEN.sub(head, svg, count=1))  # noqa: S308 - labels are escaped by pygal


def _options(**extra) -> dict:
    return {
        "style": STYLE,
        "js": [],
        "disable_xml_declaration": True,
        "width": 720,
        "print_values": True,
        "print_zeroes": True,
        "show_y_guides": False,
        "margin": 12,
        **extra,
    }


def _said(value) -> str:
    if value is None:
        return _("fewer than %(n)s") % {"n": THRESHOLD}
    return "–" if value == "" else str(value)


def describe(rows) -> str:
    """The chart said in words: "Meetings: 145; Cooperation possible: 40 …"."""
    return "; ".join(f"{label}: {_said(value)}" for label, value in rows)


def bars(rows, title: str) -> str:
    """One horizontal bar per row (label, count); suppressed counts are left out."""
    rows = list(rows)
    chart = pygal.HorizontalBar(**_options(show_legend=False, height=max(160, 40 * len(rows) + 60)))
    # pygal draws the first bar at the bottom: reversed, the first row reads first.
    chart.x_labels = [label for label, _value in reversed(rows)]
    chart.add(title, [value if value != "" else None for _label, value in reversed(rows)])
    return accessible(chart.render(is_unicode=True), title, describe(rows))


def trends(labels, series: dict, title: str) -> str:
    """Lines across the editions, one per figure: ``series`` maps a name to a value per label."""
    chart = pygal.Line(
        **_options(
            height=380,
            x_label_rotation=30,
            legend_at_bottom=True,
            legend_at_bottom_columns=2,
            print_values=False,
            dots_size=4,
        )
    )
    chart.x_labels = list(labels)
    for name, values in series.items():
        chart.add(name, list(values))
    description = " ".join(
        f"{name}: {describe(zip(labels, values, strict=True))}." for name, values in series.items()
    )
    return accessible(chart.render(is_unicode=True), title, description)


def stylesheet() -> str:
    """The CSS pygal writes inline for our ``STYLE``, for every chart (``.pygal-chart``); saved as
    static/results/charts.css (a test checks the file is what this gives)."""
    chart = pygal.Line(**_options())
    chart.x_labels = ["a", "b"]
    for index in range(len(STYLE.colors)):
        chart.add(str(index), [1, 2])
    svg = chart.render(is_unicode=True)
    chart_id = re.search(r'id="(chart-[^"]+)"', svg).group(1)
    css = "\n".join(_STYLE.findall(svg)).replace("#" + chart_id, ".pygal-chart")
    return css.replace("&gt;", ">") + "\n"
