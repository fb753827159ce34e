"""Slides and other files of a session: checked by content, type and size, then stored."""

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from modus.web.uploads import check_pdf_active_content, check_pdf_pages

from ..errors import AgendaError
from ..models import Material, Session
from ..permissions import require_cohost
from .agenda import delete_file_after_commit
from .events import bump_agenda_version

DEFAULT_MAX_MATERIAL_BYTES = 20 * 1024 * 1024

MATERIAL_TYPES = {
    "pdf": {".pdf"},
    "ooxml": {".pptx", ".docx", ".xlsx"},
    "odf": {".odp", ".odt"},
}


def max_material_bytes() -> int:
    return getattr(settings, "MODUS_MAX_MATERIAL_BYTES", DEFAULT_MAX_MATERIAL_BYTES)


def _material_type(upload) -> str | None:
    """What the file is by its content: ``pdf``, ``ooxml`` (Office), ``odf`` or ``None``."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                return "ooxml"
            if "mimetype" in names:
                mimetype = archive.read("mimetype")
                if mimetype.startswith(b"application/vnd.oasis.opendocument."):
                    return "odf"
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    finally:
        upload.seek(0)
    return None


def check_material_upload(upload) -> None:
    """Refuse empty and too large files, and anything but PDF, PPTX/DOCX/XLSX or ODP/ODT
    (judged by content; the name's extension must match what the file is)."""
    if upload is None or not upload.size:
        raise AgendaError(_("The file is empty."), code="file_empty")
    limit = max_material_bytes()
    if upload.size > limit:
        raise AgendaError(
            _("The file is too large; the limit is %(limit)s."),
            code="file_too_large",
            params={"limit": filesizeformat(limit)},
        )
    kind = _material_type(upload)
    extension = PurePath(upload.name or "").suffix.lower()
    if kind is None or extension not in MATERIAL_TYPES[kind]:
        raise AgendaError(
            _("Upload a PDF, PowerPoint, Word, Excel or OpenDocument file (ODP, ODT)."),
            code="file_type",
        )
    if kind == "pdf":
        try:
            check_pdf_pages(upload)
            check_pdf_active_content(upload)
        except ValidationError as error:
            raise AgendaError(error.messages[0], code=error.code) from error


@transaction.atomic
def add_material(
    session: Session, *, actor, upload, title: str = "", kind=Material.Kind.SLIDES
) -> Material:
    """Attach slides or another file to a session, after checking its type and size."""
    require_cohost(actor, session.event)
    check_material_upload(upload)
    title = (title or "").strip() or PurePath(upload.name).stem[:200]
    if kind not in Material.Kind.values:
        raise AgendaError({"kind": [AgendaError(_("Pick a kind of material."), code="invalid")]})
    upload.name = PurePath(upload.name).name
    material = Material(session=session, title=title, kind=kind, file=upload)
    material.save()
    bump_agenda_version(session.event)
    return material


@transaction.atomic
def delete_material(material: Material, *, actor) -> None:
    session = material.session
    require_cohost(actor, session.event)
    delete_file_after_commit(material.file)
    material.delete()
    bump_agenda_version(session.event)
