"""Editing content in several languages: one tab per language (no JavaScript needed).

``with_translation_fields(FormClass)`` adds a field ``<field>__<language>`` for every
translatable field of the form's model and every content language; ``TranslationsFormMixin``
reads them into ``instance.translations`` before the model is validated, and offers
``form.translation_tabs`` to ``web/_translation_tabs.html``. The original's fields stay the
model's own fields.
"""

import copy
from dataclasses import dataclass, field

from django.utils.text import format_lazy

from .translations import clean_translations, content_languages, language_name


def translation_field_name(field_name: str, language: str) -> str:
    return f"{field_name}__{language}"


def with_translation_fields(form_class):
    """Class decorator for a ModelForm of a ``Translatable`` model (also usable by the admin)."""
    model = form_class._meta.model
    for name in model.translatable_fields:
        base = form_class.base_fields.get(name) or model._meta.get_field(name).formfield()
        for language in content_languages():
            extra = copy.deepcopy(base)
            extra.required = False
            extra.label = format_lazy("{} ({})", base.label, language)
            extra.help_text = ""
            key = translation_field_name(name, language)
            form_class.base_fields[key] = extra
            form_class.declared_fields[key] = extra
    return form_class


@dataclass
class TranslationTab:
    code: str
    name: str
    is_original: bool
    fields: list = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(bound.errors for bound in self.fields)

    @property
    def is_filled(self) -> bool:
        return any(str(bound.value() or "").strip() for bound in self.fields)


class TranslationsFormMixin:
    """For a ModelForm decorated with ``with_translation_fields``; put it before ModelForm."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stored = self.instance.translations or {}
        for name in self._meta.model.translatable_fields:
            for language in content_languages():
                key = translation_field_name(name, language)
                if key in self.fields and name in self.fields:
                    self.fields[key].label = format_lazy(
                        "{} ({})", self.fields[name].label, language_name(language)
                    )
                    self.initial.setdefault(key, stored.get(language, {}).get(name, ""))

    @property
    def original_language(self) -> str:
        return self.instance.original

    @property
    def translation_tabs(self) -> list[TranslationTab]:
        """The original's tab first, then one per other content language."""
        names = self._meta.model.translatable_fields
        original = self.original_language
        tabs = [
            TranslationTab(
                original,
                language_name(original),
                True,
                [self[n] for n in names if n in self.fields],
            )
        ]
        for language in content_languages():
            if language != original:
                keys = [translation_field_name(n, language) for n in names]
                tabs.append(
                    TranslationTab(
                        language,
                        language_name(language),
                        False,
                        [self[k] for k in keys if k in self.fields],
                    )
                )
        return tabs

    def _post_clean(self):
        texts = {}
        for language in content_languages():
            texts[language] = {
                name: self.cleaned_data.get(translation_field_name(name, language)) or ""
                for name in self._meta.model.translatable_fields
            }
        original_field = self._meta.model.original_language_field
        original = self.cleaned_data.get(original_field) or self.instance.original
        self.instance.translations = clean_translations(
            texts, self._meta.model.translatable_fields, original=original
        )
        super()._post_clean()


class TranslationFieldsetsMixin:
    """For a ModelAdmin whose form uses ``with_translation_fields``: the original's fields as
    usual, then one fieldset per other language, folded (``<details>``, no JavaScript)."""

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        names = self.model.translatable_fields
        keys = {translation_field_name(n, code) for n in names for code in content_languages()}
        kept = [
            (title, {**options, "fields": [f for f in options["fields"] if f not in keys]})
            for title, options in fieldsets
        ]
        original = obj.original if obj is not None else content_languages()[0]
        for language in content_languages():
            if language == original:
                continue
            filled = obj is not None and obj.has_language(language)
            kept.append(
                (
                    language_name(language),
                    {
                        "fields": [translation_field_name(n, language) for n in names],
                        "classes": [] if filled else ["collapse"],
                    },
                )
            )
        return kept
