from django import forms
from django.conf import settings
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from modus.directory.models import Organisation
from modus.web.translation_forms import TranslationsFormMixin, with_translation_fields
from modus.web.uploads import check_image_upload

from .errors import NewsError
from .models import Article
from .services import IMPORT_EXTENSIONS, check_article


class ArticleFilterForm(forms.Form):
    """The filters of the public news list."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *settings.LANGUAGES],
    )


def _formfield(db_field, **kwargs):
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


@with_translation_fields
class ArticleAdminForm(TranslationsFormMixin, forms.ModelForm):
    """The admin's article form: the slug may be left empty, the image is checked, and title,
    lead and body have a field per language (``title__cs``…)."""

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "lead",
            "body",
            "image",
            "image_alt",
            "author_organisation",
            "language",
            "status",
            "created_at",
            "published_at",
            "source_url",
            "organisations",
            "regions",
            "events",
        ]
        formfield_callback = _formfield

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("Left empty, it is made from the title.")

    FIELD_OF_ERROR = {
        "empty_title": "title",
        "title_too_long": "title",
        "bad_language": "language",
        "bad_status": "status",
        "image_no_alt": "image_alt",
    }

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        try:
            check_article(self.instance)
        except NewsError as error:
            field = self.FIELD_OF_ERROR.get(error.code)
            self.add_error(field if field in self.fields else None, error)

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and hasattr(image, "content_type"):  # a new upload, not the stored file
            check_image_upload(image)
        return image


class NewsImportForm(forms.Form):
    """Upload of a saved news page (HTML or plain text) to become a draft article."""

    file = forms.FileField(
        label=_("News page"),
        help_text=_("An .html, .htm or .txt file saved from a news site."),
        widget=forms.ClearableFileInput(attrs={"accept": ".html,.htm,.txt,text/html,text/plain"}),
    )
    author_organisation = forms.ModelChoiceField(
        label=_("Author organisation"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        widget=forms.TextInput,
        to_field_name="slug",
        help_text=_("The slug of the organisation that wrote it (optional)."),
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(IMPORT_EXTENSIONS):
            raise forms.ValidationError(
                _("Only .html, .htm and .txt files can be imported."), code="bad_type"
            )
        limit = settings.MODUS_MAX_IMPORT_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is too large; the limit is %(limit)s."),
                code="too_large",
                params={"limit": filesizeformat(limit)},
            )
        return upload
