"""Content in several languages (see docs/translations.md).

A translatable model keeps its original text in its own columns, names the original's language in
one field, and keeps every other language in one JSON field ``translations``::

    {"cs": {"title": "…", "lead": "…"}, "pl": {"title": "…"}}

Reading costs no extra query: a queryset marked ``.in_language(code)`` (or one object passed to
``localise``) shows each translatable field in that language, falling back field by field to
the original, and records what it showed (``shown_language``, ``requested_language``) so pages
can say "not available in German". A localised object saves its original text, never the
translation it is showing.
"""

from django.conf import settings
from django.db import models
from django.db.models.query import ModelIterable
from django.utils import translation
from django.utils.http import urlencode

from .reader_languages import current_content_language


def content_languages() -> list[str]:
    """The language codes content may be written in: the interface's languages."""
    return [code for code, _name in settings.LANGUAGES]


def language_name(code: str) -> str:
    """The language's name in the active interface language ("German", "Němčina")."""
    try:
        return translation.gettext(translation.get_language_info(code)["name"])
    except KeyError:
        return code


def requested_language(request=None) -> str:
    """The reader's content language (``web.reader_languages``): ``?lang=``, the cookie,
    ``Accept-Language``, else the interface's."""
    if request is not None:
        chosen = getattr(request, "content_language", None)
        if chosen:
            return chosen
    return current_content_language()


def clean_translations(value, fields, *, original) -> dict:
    """Keep known languages (not the original) and fields, stripped, non-empty ones only."""
    cleaned = {}
    for language, texts in (value or {}).items():
        if language == original or language not in content_languages():
            continue
        kept = {
            field: str(texts[field]).strip()
            for field in fields
            if isinstance(texts, dict) and str(texts.get(field) or "").strip()
        }
        if kept:
            cleaned[language] = kept
    return cleaned


def language_url(url: str, obj) -> str:
    """The address of ``obj``'s page in the language it is shown in (``?lang=``), or ``url``
    when the object has one language only."""
    shown = getattr(obj, "shown_language", None) or obj.original
    if len(obj.text_languages) < 2:
        return url
    return f"{url}{'&' if '?' in url else '?'}{urlencode({'lang': shown})}"


class Translatable:
    """Mixin for a model with translatable fields; put it before ``models.Model``.

    The model declares ``translatable_fields`` and has a JSONField ``translations``; the field
    holding the original's language is ``original_language`` unless the model names another in
    ``original_language_field``.
    """

    translatable_fields: tuple[str, ...] = ()
    original_language_field = "original_language"

    @property
    def original(self) -> str:
        return getattr(self, self.original_language_field) or settings.LANGUAGE_CODE

    def original_text(self, field: str) -> str:
        originals = getattr(self, "_original_texts", None)
        return originals[field] if originals else getattr(self, field)

    def text_in(self, field: str, language: str) -> str:
        """The field in ``language``, or the original when there is no such translation."""
        if language != self.original:
            text = (self.translations or {}).get(language, {}).get(field)
            if text:
                return text
        return self.original_text(field)

    def has_language(self, language: str) -> bool:
        return language == self.original or bool((self.translations or {}).get(language))

    @property
    def text_languages(self) -> list[str]:
        """The object's languages: the original first, then its translations in site order."""
        others = [code for code in content_languages() if code != self.original]
        return [self.original, *(code for code in others if self.has_language(code))]

    def texts(self, language: str) -> dict[str, str]:
        """Every translatable field in ``language`` (with the fallback)."""
        return {field: self.text_in(field, language) for field in self.translatable_fields}

    def all_texts(self) -> dict[str, dict[str, str]]:
        """Every language of the object with its own texts only (no fallback)."""
        result = {self.original: {f: self.original_text(f) for f in self.translatable_fields}}
        for language in self.text_languages[1:]:
            result[language] = dict(self.translations[language])
        return result

    def localise(self, language: str | None):
        """Show the object in ``language`` (in memory only); returns the object."""
        language = language or current_content_language()
        if "translations" in self.get_deferred_fields():
            return self  # loading it now would cost a query per object
        if getattr(self, "_original_texts", None) is None:
            self._original_texts = {f: getattr(self, f) for f in self.translatable_fields}
        for field in self.translatable_fields:
            setattr(self, field, self.text_in(field, language))
        self.requested_language = language
        self.shown_language = language if self.has_language(language) else self.original
        return self

    @property
    def is_fallback(self) -> bool:
        """Localised for a language it does not have: the reader sees the original."""
        return getattr(self, "shown_language", None) not in (
            None,
            getattr(self, "requested_language", None),
        )

    def save(self, *args, **kwargs):
        originals = getattr(self, "_original_texts", None)
        if not originals:
            return super().save(*args, **kwargs)
        shown = {field: getattr(self, field) for field in self.translatable_fields}
        for field, text in originals.items():
            setattr(self, field, text)
        try:
            return super().save(*args, **kwargs)
        finally:
            for field, text in shown.items():
                setattr(self, field, text)


class TranslatableQuerySet(models.QuerySet):
    """A queryset whose objects can be shown in one language: ``.in_language("pl")``."""

    content_language = None

    def in_language(self, language=None):
        clone = self._chain()
        clone.content_language = language or requested_language()
        return clone

    def _clone(self):
        clone = super()._clone()
        clone.content_language = self.content_language
        return clone

    def _fetch_all(self):
        fresh = self._result_cache is None
        super()._fetch_all()
        if fresh and self.content_language and self._iterable_class is ModelIterable:
            for obj in self._result_cache:
                _localise_with_joined(obj, self.content_language)


def _localise_with_joined(obj, language, depth=0):
    """Localise the object and the translatable objects ``select_related`` brought along."""
    if isinstance(obj, Translatable):
        obj.localise(language)
    if depth < 3:
        for related in obj._state.fields_cache.values():
            if isinstance(related, models.Model):
                _localise_with_joined(related, language, depth + 1)


TranslatableManager = models.Manager.from_queryset(TranslatableQuerySet)


def localise(objects, language=None):
    """Localise one object or an iterable of them; returns what it was given."""
    if objects is None:
        return None
    if isinstance(objects, models.Model):
        _localise_with_joined(objects, language)
        return objects
    for obj in objects:
        _localise_with_joined(obj, language)
    return objects


def api_texts(obj, request=None, fields=None) -> dict:
    """What an API answer says about an object's text: each field in the reader's language
    (``?lang=`` or ``Accept-Language``, with the fallback), the language shown, the original's
    language and every language's own texts (``translations``)."""
    language = requested_language(request)
    fields = fields or obj.translatable_fields
    shown = language if obj.has_language(language) else obj.original
    return {
        **{field: obj.text_in(field, language) for field in fields},
        "original_language": obj.original,
        "shown_language": shown,
        "translations": {
            code: {f: t for f, t in texts.items() if f in fields}
            for code, texts in obj.all_texts().items()
        },
    }


def translation_length_errors(model, translations) -> dict[str, list[str]]:
    """Translated texts longer than their field allows, as form errors keyed
    ``<field>__<language>`` (the fields of ``web.translation_forms``)."""
    errors = {}
    for language, texts in (translations or {}).items():
        for field, text in texts.items():
            limit = model._meta.get_field(field).max_length
            if limit and len(text) > limit:
                errors[f"{field}__{language}"] = [
                    translation.gettext(
                        "At most %(limit)d characters in %(language)s (it has %(count)d)."
                    )
                    % {"limit": limit, "language": language_name(language), "count": len(text)}
                ]
    return errors
