"""The shared PDF check: a file is judged by its content, and the error names the chosen file."""

import io

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from modus.web.uploads import check_pdf_upload
from tests.factories import ONE_PAGE_PDF, pdf_bytes

PDF = ONE_PAGE_PDF


def test_a_real_pdf_passes():
    upload = SimpleUploadedFile("letter.pdf", PDF, content_type="application/pdf")
    assert check_pdf_upload(upload, 1024) is upload


def test_a_renamed_executable_is_named_in_the_error():
    upload = SimpleUploadedFile(
        "setup.pdf", b"MZ\x90\x00" + b"\x00" * 600, content_type="application/pdf"
    )
    with pytest.raises(forms.ValidationError) as caught:
        check_pdf_upload(upload, 10_000)
    assert caught.value.code == "file_not_pdf"
    assert caught.value.messages == [
        "“setup.pdf” is not a PDF document (its content says otherwise). "
        "Choose the PDF file itself."
    ]


def test_a_nameless_upload_still_gets_a_clear_error():
    upload = io.BytesIO(b"not a pdf at all")
    upload.size = len(upload.getvalue())
    with pytest.raises(forms.ValidationError) as caught:
        check_pdf_upload(upload, 10_000)
    assert caught.value.code == "file_not_pdf"
    assert "is not a PDF document" in caught.value.messages[0]


@pytest.mark.parametrize(
    ("content", "limit", "code"),
    [(b"", 10, "file_empty"), (PDF, 10, "file_too_large")],
)
def test_empty_and_too_large_files_keep_their_codes(content, limit, code):
    upload = SimpleUploadedFile("letter.pdf", content, content_type="application/pdf")
    with pytest.raises(forms.ValidationError) as caught:
        check_pdf_upload(upload, limit)
    assert caught.value.code == code


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.4\n%%EOF\n" + b"0" * 13,  # 28 bytes: only a header and a trailer
        b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
        pdf_bytes(0),  # parses, but has no page
        ONE_PAGE_PDF[: len(ONE_PAGE_PDF) // 2] + b"\n%%EOF\n",  # cut in half
    ],
)
def test_a_pdf_that_does_not_parse_or_has_no_page_is_refused_with_a_reason(content):
    upload = SimpleUploadedFile("slides.pdf", content, content_type="application/pdf")
    with pytest.raises(forms.ValidationError) as caught:
        check_pdf_upload(upload, 100_000)
    assert caught.value.code == "pdf_unreadable"
    assert "cannot be read or has no pages" in caught.value.messages[0]


def test_a_pdf_of_several_pages_passes():
    upload = SimpleUploadedFile("deck.pdf", pdf_bytes(3), content_type="application/pdf")
    assert check_pdf_upload(upload, 100_000) is upload


def pdf_with(change) -> bytes:
    """A one-page PDF changed by ``change(writer)`` before it is written."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    change(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def document_javascript(writer):
    """A script in the document's name tree, run when it opens."""
    action = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("x()")}
    )
    tree = DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject("a"), writer._add_object(action)])}
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): writer._add_object(tree)}
    )


def launch_on_open(writer):
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("calc.exe")}
    )


def javascript_in_a_link(writer):
    action = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("x()")}
    )
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([NumberObject(0)] * 4),
            NameObject("/A"): writer._add_object(action),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])


def test_a_polyglot_executable_with_a_pdf_inside_is_refused():
    polyglot = b"MZ\x90\x00" + b"\x00" * 60 + PDF
    assert b"%PDF-" in polyglot[:1024]
    upload = SimpleUploadedFile("report.pdf", polyglot, content_type="application/pdf")
    with pytest.raises(forms.ValidationError) as caught:
        check_pdf_upload(upload, 100_000)
    assert caught.value.code == "pdf_polyglot"


@pytest.mark.parametrize(
    "change",
    [document_javascript, launch_on_open, javascript_in_a_link],
    ids=["document-javascript", "launch-on-open", "javascript-link"],
)
def test_a_pdf_with_javascript_or_a_launch_action_is_refused(change):
    upload = SimpleUploadedFile("report.pdf", pdf_with(change), content_type="application/pdf")
    with pytest.raises(forms.ValidationError) as caught:
        check_pdf_upload(upload, 100_000)
    assert caught.value.code == "pdf_active_content"


def test_a_pdf_with_an_ordinary_link_passes():
    def web_link(writer):
        writer.add_uri(0, "https://example.org/", [0, 0, 100, 100])

    upload = SimpleUploadedFile("report.pdf", pdf_with(web_link), content_type="application/pdf")
    assert check_pdf_upload(upload, 100_000) is upload
