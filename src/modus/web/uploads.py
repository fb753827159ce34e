"""Checks every upload form shares: images and PDFs are judged by their content, not their name.
A PDF must start as a PDF (a polyglot, say an executable with a PDF inside, is refused), parse
(with pypdf), have at least one page, and carry no JavaScript or launch actions."""

import os

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

ALLOWED_IMAGE_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
# Actions a PDF reader would run on its own or at a click: scripts, programs, data imports.
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/RichMediaExecute"}
ACTIVE_KEYS = {"/JS", "/JavaScript"}
MAX_PDF_OBJECTS = 200_000  # a walk through more objects than this gives up: refused as unreadable
PDF_ERRORS = (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError)


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
    if b"%PDF-" in head and not head.startswith(b"%PDF-"):
        raise forms.ValidationError(
            _(
                "This file is something else with a PDF inside (it does not start as a PDF). "
                "Export the document as a plain PDF and upload that."
            ),
            code="pdf_polyglot",
        )
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
    check_pdf_pages(upload)
    return check_pdf_active_content(upload)


def _has_active_content(reader: PdfReader) -> bool:
    """Whether any object reachable from the document's trailer is a script or a launch action
    (names are compared as pypdf decodes them, so ``/J#61vaScript`` counts too)."""
    stack, seen, visited = [reader.trailer], set(), 0
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        visited += 1
        if visited > MAX_PDF_OBJECTS:
            raise ValueError("too many objects")
        if isinstance(item, DictionaryObject):
            if ACTIVE_KEYS & set(item.keys()) or item.get("/S") in ACTIVE_ACTIONS:
                return True
            stack.extend(value for name, value in item.items() if name != "/Parent")
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return False


def check_pdf_active_content(upload):
    """Refuse a PDF with JavaScript or actions that launch programs or import data."""
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        active = _has_active_content(PdfReader(upload))
    except PDF_ERRORS:
        active = True  # it read as a PDF a moment ago; what cannot be walked is not let in
    finally:
        upload.seek(position)
    if active:
        raise forms.ValidationError(
            _(
                "This PDF contains scripts or actions that start programs, which we do not "
                "accept. Print it to a new PDF (or export it without them) and upload that."
            ),
            code="pdf_active_content",
        )
    return upload


def pdf_page_count(upload) -> int:
    """How many pages pypdf finds in the file; 0 when it cannot read it as a PDF at all."""
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        reader = PdfReader(upload)
        if reader.is_encrypted:
            reader.decrypt("")
        return len(reader.pages)
    except PDF_ERRORS:
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
