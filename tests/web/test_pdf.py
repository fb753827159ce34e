"""The fonts of every PDF of the project, and what the writer makes of text."""

from modus.web import pdf


def test_the_font_covers_polish_and_czech_letters():
    regular, _bold, unicode = pdf.fonts()
    assert unicode, "no TrueType font with Polish and Czech letters was found"
    assert regular == "ModusSans"


def test_without_a_unicode_font_text_loses_only_its_accents():
    assert pdf.plain("Łukasiewicz – Dvořák, Zürich") == "Lukasiewicz - Dvorák, Zürich"


def test_the_writer_shows_text_in_the_fonts_it_has():
    writer = pdf.PdfWriter()
    paragraph = writer.para("Łukasiewicz & Dvořák\nBrno", "heading")
    assert paragraph.style.fontName == writer.bold
    assert "&amp;" in paragraph.text and "<br/>" in paragraph.text
