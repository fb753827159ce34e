"""The reader's content language, which may differ from the interface's.

The interface speaks the languages of ``settings.LANGUAGES`` only; a German visitor reads it in
English. Content may still be asked for in any language of ``settings.READER_LANGUAGES`` (the
European Union's languages Django knows): the German visitor's request names German, so a text
written in English says "Not available in German; available in English".

The content language comes from, in order: ``?lang=``, the language cookie, ``Accept-Language``
(the first language of the header, by weight, that is a reader language), else the interface's.
``ContentLanguageMiddleware`` chooses it once per request (``request.content_language``) and
makes it current, so selectors' ``.in_language()`` use it without being handed the request.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

_current: ContextVar[str | None] = ContextVar("modus_content_language", default=None)


def interface_languages() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def reader_languages() -> list[str]:
    """Languages content may be asked for: the interface's, then the other reader languages."""
    codes = [code for code, _name in settings.LANGUAGES]
    codes += [
        code
        for code in getattr(settings, "READER_LANGUAGES", ())
        if code in LANG_INFO and code not in codes
    ]
    return codes


def _known(code: str | None) -> str | None:
    """``code`` (or its base language, ``de`` for ``de-AT``) if it is a reader language."""
    if not code:
        return None
    code = code.lower()
    known = reader_languages()
    if code in known:
        return code
    base = code.split("-")[0]
    return base if base in known else None


def from_accept_language(header: str) -> str | None:
    for code, _weight in parse_accept_lang_header(header or ""):
        if code == "*":
            continue
        found = _known(code)
        if found:
            return found
    return None


def reader_language(request) -> str:
    """The language this request asks content in (see the module's docstring)."""
    return (
        _known(request.GET.get("lang"))
        or _known(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
        or from_accept_language(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
        or getattr(request, "LANGUAGE_CODE", None)
        or translation.get_language()
        or settings.LANGUAGE_CODE
    )


def current_content_language() -> str:
    """The current request's content language, else the active interface language."""
    return _current.get() or translation.get_language() or settings.LANGUAGE_CODE


@contextmanager
def content_language(code: str | None):
    """Make ``code`` the content language inside the block (``None``: the interface's)."""
    token = _current.set(code)
    try:
        yield code
    finally:
        _current.reset(token)
