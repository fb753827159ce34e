from django import forms

from modus.web.translation_forms import TranslationsFormMixin, with_translation_fields

from .models import Programme


@with_translation_fields
class ProgrammeAdminForm(TranslationsFormMixin, forms.ModelForm):
    """The admin's programme form: name and description have a field per language."""

    class Meta:
        model = Programme
        fields = [
            "slug",
            "name",
            "owner",
            "description",
            "starts_on",
            "ends_on",
            "website",
            "team",
            "original_language",
        ]

    website = forms.URLField(required=False, assume_scheme="https")
