"""Showing figures: a suppressed count reads "fewer than 5", a share needs both its counts."""

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..suppression import THRESHOLD

register = template.Library()


@register.filter
def figure(value):
    """A count as the page shows it: "fewer than 5" when suppressed, a dash when not known
    (published figures carry only some counts)."""
    if value == "" or isinstance(value, dict):
        return "–"
    if value is None:
        return _("fewer than %(n)s") % {"n": THRESHOLD}
    if isinstance(value, float):
        return number_format(value, 2)
    return number_format(value, force_grouping=True)


@register.filter
def short_figure(value):
    """As ``figure``, with a suppressed count as an abbreviation ("<5"), for narrow cells."""
    if value is None:
        return format_html(
            '<abbr title="{}">&lt;{}</abbr>', _("fewer than %(n)s") % {"n": THRESHOLD}, THRESHOLD
        )
    return figure(value)


@register.simple_tag
def share(part, whole):
    """``part`` of ``whole`` as a percentage, or a dash when either is suppressed or zero."""
    if not isinstance(part, int) or not isinstance(whole, int) or not whole:
        return "–"
    return f"{number_format(100 * part / whole, 0)} %"
