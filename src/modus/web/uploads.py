"""Checks every upload form shares: images and PDFs are judged by their content, not their name.
A PDF must parse (with pypdf) and have at least one page."""

import os

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

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


def check_pdf_upload(upload, limit: int):
    """Refuse an empty file, one over ``limit`` bytes, or one that is not a PDF by its content
    (a renamed executable is refused whatever its name says)."""
    if upload is None or not upload.size:
        raise forms.ValidationError(_("The file is empty."), code="file_empty")
    if upload.size > limit:
        raise forms.ValidationError(
            _("The file is too large; the limit is %(limit)s."),
            code="file_too_large",
            params={"limit": filesizeformat(limit)},
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        head = upload.read(1024)
        upload.seek(max(0, upload.size - 2048))
        tail = upload.read(2048)
    finally:
        upload.seek(position)
    if b"%PDF-" not in head or b"%%EOF" not in tail:
        name = getattr(upload, "name", "") or ""
        if name:
            raise forms.ValidationError(
                _(
                    "“%(name)s” is not a PDF document (its content says otherwise). "
                    "Choose the PDF file itself."
                ),
                code="file_not_pdf",
                params={"name": os.path.basename(name)},
            )
        raise forms.ValidationError(
            _(
                "The chosen file is not a PDF document (its content says otherwise). "
                "Choose the PDF file itself."
            ),
            code="file_not_pdf",
        )
    return check_pdf_pages(upload)


def pdf_page_count(upload) -> int:
    """How many pages pypdf finds in the file; 0 when it cannot read it as a PDF at all."""
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        reader = PdfReader(upload)
        if reader.is_encrypted:
            reader.decrypt("")
        return len(reader.pages)
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return 0
    finally:
        upload.seek(position)


def check_pdf_pages(upload):
    """Refuse a file that only looks like a PDF: it must parse and have at least one page."""
    if pdf_page_count(upload) < 1:
        raise forms.ValidationError(
            _(
                "This PDF cannot be read or has no pages: it may be damaged or only partly "
                "saved. Export it again from the original and upload that."
            ),
            code="pdf_unreadable",
        )
    return upload
