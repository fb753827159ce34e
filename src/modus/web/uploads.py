"""Checks every upload form shares: images are judged by their content, not their name."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

ALLOWED_IMAGE_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


def check_image_upload(upload):
    """Reject files that are too large or are not a JPEG, PNG, GIF or WebP image (by content)."""
    limit = settings.MODUS_MAX_IMAGE_BYTES
    if upload.size > limit:
        raise forms.ValidationError(
            _("The image is too large; the limit is %(limit)s."),
            code="image_too_large",
            params={"limit": filesizeformat(limit)},
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise forms.ValidationError(
            _("Upload a JPEG, PNG, GIF or WebP image."), code="image_invalid"
        ) from error
    finally:
        upload.seek(position)
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise forms.ValidationError(
            _("Upload a JPEG, PNG, GIF or WebP image."), code="image_format"
        )
    return upload
