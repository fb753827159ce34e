"""Editing content in several languages: one tab per language (no JavaScript needed).

``with_translation_fields(FormClass)`` adds a field ``<field>__<language>`` for every
translatable field of the form's model and every content language; ``TranslationsFormMixin``
reads them into ``instance.translations`` before the model is validated, and offers
``form.translation_tabs`` to ``web/_translation_tabs.html``. The original's fields stay the
model's own fields.
"""

import copy
from dataclasses import dataclass, field

from django import forms
from django.db import models
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


def add_translation_fields(form, names, translations=None) -> None:
    """Add ``<name>__<language>`` to a form's fields for each of ``names`` (already fields of
    the form) and each content language, filled from ``translations``."""
    translations = translations or {}
    for name in names:
        base = form.fields[name]
        for language in content_languages():
            key = translation_field_name(name, language)
            extra = copy.deepcopy(base)
            extra.required = False
            extra.help_text = ""
            extra.label = format_lazy("{} ({})", base.label, language_name(language))
            form.fields[key] = extra
            form.initial.setdefault(key, translations.get(language, {}).get(name, ""))


def read_translations(cleaned_data, names, *, original) -> dict:
    """The translations typed into a form's ``<name>__<language>`` fields, cleaned."""
    texts = {
        language: {
            name: cleaned_data.get(translation_field_name(name, language)) or "" for name in names
        }
        for language in content_languages()
    }
    return clean_translations(texts, names, original=original)


def translation_tabs(form, names, original) -> list[TranslationTab]:
    """The original's tab first (with ``original_language`` if the form has it), then one per
    other content language."""
    first = [form[n] for n in ("original_language", *names) if n in form.fields]
    tabs = [TranslationTab(original, language_name(original), True, first)]
    for language in content_languages():
        if language != original:
            keys = [translation_field_name(n, language) for n in names]
            tabs.append(
                TranslationTab(
                    language,
                    language_name(language),
                    False,
                    [form[k] for k in keys if k in form.fields],
                )
            )
    return tabs


def tabbed_field_names(names) -> set[str]:
    keys = {translation_field_name(n, code) for n in names for code in content_languages()}
    return {"original_language", *names, *keys}


class PlainTranslationsMixin:
    """For a plain ``Form`` whose ``translatable_fields`` are an object's original texts: call
    ``add_translation_fields`` in ``__init__``; ``cleaned_data["translations"]`` then holds the
    other languages and the template renders ``web/_translation_tabs.html``."""

    translatable_fields: tuple[str, ...] = ()
    # The original's language when the form has no ``original_language`` field (a call's
    # criteria are written in the call's language).
    fixed_original: str | None = None

    def original_from_data(self) -> str:
        if "original_language" not in self.fields:
            return self.fixed_original or content_languages()[0]
        value = self.data.get(self.add_prefix("original_language")) if self.is_bound else None
        value = value or self.initial.get("original_language")
        return value if value in content_languages() else content_languages()[0]

    @property
    def translation_tabs(self) -> list[TranslationTab]:
        return translation_tabs(self, self.translatable_fields, self.original_from_data())

    @property
    def untabbed_fields(self) -> list:
        tabbed = tabbed_field_names(self.translatable_fields)
        return [bound for bound in self if bound.name not in tabbed]

    def clean(self):
        cleaned = super().clean()
        original = cleaned.get("original_language") or self.original_from_data()
        cleaned["translations"] = read_translations(
            cleaned, self.translatable_fields, original=original
        )
        for key in tabbed_field_names(self.translatable_fields) - {
            "original_language",
            *self.translatable_fields,
        }:
            cleaned.pop(key, None)
        return cleaned


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
        return translation_tabs(self, self._meta.model.translatable_fields, self.original_language)

    @property
    def untabbed_fields(self) -> list:
        tabbed = tabbed_field_names(self._meta.model.translatable_fields)
        return [bound for bound in self if bound.name not in tabbed]

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


def _admin_formfield(db_field, **kwargs):
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"  # addresses typed without a scheme, as Django 6
    return db_field.formfield(**kwargs)


def translated_admin_form(model):
    """The admin's ModelForm for ``model``: its editable fields but ``translations``, and a
    field per translatable field and language (use with ``TranslationFieldsetsMixin``)."""
    names = [
        field.name
        for field in model._meta.get_fields()
        if getattr(field, "editable", False)
        and getattr(field, "concrete", False)
        and not field.auto_created
        and field.name != "translations"
    ]
    meta = type(
        "Meta",
        (),
        {"model": model, "fields": names, "formfield_callback": staticmethod(_admin_formfield)},
    )
    form = type(
        f"{model.__name__}AdminForm",
        (TranslationsFormMixin, forms.ModelForm),
        {"Meta": meta, "__module__": __name__},
    )
    return with_translation_fields(form)
