"""Template tags for content in several languages: the fallback note and ``hreflang`` links."""

from django import template
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import get_language_info

from ..translations import language_name

register = template.Library()


@register.filter
def content_lang(obj):
    """The language an object's text is shown in (for ``lang=`` attributes)."""
    return getattr(obj, "shown_language", None) or obj.original


def _local_name(code):
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


@register.inclusion_tag("web/_translation_note.html", takes_context=True)
def translation_note(context, obj):
    """ "Not available in German; available in English" when the reader sees the original, and
    links to the object's other languages."""
    shown = content_lang(obj)
    return {
        "interface_language": translation.get_language(),
        "is_fallback": getattr(obj, "is_fallback", False),
        "requested_name": language_name(getattr(obj, "requested_language", shown)),
        "shown_name": language_name(shown),
        "shown": shown,
        "others": [
            {"code": code, "name": _local_name(code), "query": urlencode({"lang": code})}
            for code in obj.text_languages
            if code != shown
        ],
    }


@register.inclusion_tag("web/_hreflang_links.html")
def hreflang_links(obj, absolute_url):
    """``<link rel="alternate" hreflang>`` for each language of the object."""
    return {
        "links": [
            (code, f"{absolute_url}?{urlencode({'lang': code})}") for code in obj.text_languages
        ],
        "default": absolute_url,
    }
