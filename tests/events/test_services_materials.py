import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from modus.events import services
from modus.events.models import Material
from tests.events.agenda_support import new_session
from tests.factories import ONE_PAGE_PDF, UserFactory
from tests.web.test_uploads import launch_on_open, pdf_with

pytestmark = pytest.mark.django_db


# Materials ------------------------------------------------------------------------------------


def office_file(name="slides.pptx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def open_document(name="slides.odp"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.presentation")
        archive.writestr("content.xml", "<office/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def pdf_file(name="slides.pdf", size=None):
    content = ONE_PAGE_PDF if size is None else b"%PDF-1.7\n" + b"0" * (size - 9)
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_a_pdf_with_only_a_header_is_refused_with_a_reason(event, cohost):
    session = new_session(event, cohost)
    fake = SimpleUploadedFile("slides.pdf", b"%PDF-1.7\n" + b"0" * 19)  # 28 bytes
    with pytest.raises(services.AgendaError) as caught:
        services.add_material(session, actor=cohost, upload=fake, title="Slides")
    assert caught.value.code == "pdf_unreadable"
    assert session.materials.count() == 0


@pytest.mark.parametrize("upload", [pdf_file, office_file, open_document])
def test_material_types_that_are_accepted(event, cohost, upload):
    session = new_session(event, cohost)
    material = services.add_material(session, actor=cohost, upload=upload(), title="Slides")
    assert material.file.read(2) in (b"%P", b"PK")
    assert session.materials.count() == 1


def test_renamed_program_is_refused(event, cohost):
    session = new_session(event, cohost)
    program = SimpleUploadedFile("slides.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200)
    with pytest.raises(services.AgendaError) as refused:
        services.add_material(session, actor=cohost, upload=program)
    assert refused.value.code == "file_type"
    assert "PDF" in refused.value.messages[0]
    assert not Material.objects.exists()


def test_content_and_name_must_agree(event, cohost):
    session = new_session(event, cohost)
    with pytest.raises(services.AgendaError) as refused:
        services.add_material(session, actor=cohost, upload=pdf_file("slides.docx"))
    assert refused.value.code == "file_type"
    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(services.AgendaError):
        services.add_material(
            session, actor=cohost, upload=SimpleUploadedFile("a.pptx", plain_zip.getvalue())
        )


def test_too_large_file_is_refused(event, cohost, settings):
    settings.MODUS_MAX_MATERIAL_BYTES = 1000
    session = new_session(event, cohost)
    with pytest.raises(services.AgendaError) as refused:
        services.add_material(session, actor=cohost, upload=pdf_file(size=1001))
    assert refused.value.code == "file_too_large"
    assert "1000" in refused.value.messages[0]


def test_empty_file_is_refused(event, cohost):
    session = new_session(event, cohost)
    with pytest.raises(services.AgendaError) as refused:
        services.add_material(session, actor=cohost, upload=SimpleUploadedFile("a.pdf", b""))
    assert refused.value.code == "file_empty"
    assert refused.value.messages == ["The file is empty."]


def test_stranger_may_not_add_material(event, cohost):
    session = new_session(event, cohost)
    with pytest.raises(services.NotCohost):
        services.add_material(session, actor=UserFactory(), upload=pdf_file())


def test_slides_with_a_launch_action_are_refused(event, cohost):
    session = new_session(event, cohost)
    upload = SimpleUploadedFile(
        "slides.pdf", pdf_with(launch_on_open), content_type="application/pdf"
    )
    with pytest.raises(services.AgendaError) as refused:
        services.add_material(session, actor=cohost, upload=upload)
    assert refused.value.code == "pdf_active_content"
    assert not Material.objects.exists()
