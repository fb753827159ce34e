"""The API side of content in several languages (see docs/translations.md)."""

from django.conf import settings
from rest_framework import serializers

from .translations import api_texts


class TranslatedTextsMixin(serializers.Serializer):
    """The object's texts in the reader's language (``?lang=`` or ``Accept-Language``), plus
    ``original_language``, ``shown_language`` and every language in ``translations``."""

    original_language = serializers.CharField(source="original", read_only=True)
    shown_language = serializers.CharField(read_only=True, default="")
    translations = serializers.DictField(
        read_only=True, help_text="Every language of the object: {code: {field: text}}."
    )

    def to_representation(self, instance):
        data = super().to_representation(instance)
        fields = [name for name in instance.translatable_fields if name in data]
        data.update(api_texts(instance, self.context.get("request"), fields))
        return data


TRANSLATED_FIELDS = ["original_language", "shown_language", "translations"]


def translations_write_field(fields: str):
    """The ``translations`` a write may send: ``{code: {field: text}}``."""
    return serializers.DictField(
        child=serializers.DictField(child=serializers.CharField(allow_blank=True)),
        required=False,
        help_text=f"Other languages: {{code: {{{fields}}}}}.",
    )


def original_language_write_field():
    return serializers.ChoiceField(choices=settings.LANGUAGES, required=False)
