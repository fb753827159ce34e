"""The fonts of the project's PDFs (reportlab): agendas, table plans, results reports.

Polish and Czech names need glyphs such as Ł, ś and ř, which the PDF base fonts (Helvetica) lack
and reportlab's bundled Vera lacks partly (no ř). The first TrueType font found in
``settings.MODUS_PDF_FONTS`` (default: DejaVu Sans, then Liberation Sans, as Debian installs them)
is embedded. Without one, the text is written in Helvetica with its accents removed, so that
it stays readable instead of showing empty boxes.
"""

import functools
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

DEFAULT_FONTS = [
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ),
]
NEEDED = "ŁłŚśŹźŻżĆćŃńĄąĘęÓóŘřŠšČčŽžŮůĚěŇňŤťĎď–"
SPECIAL = {"Ł": "L", "ł": "l", "–": "-", "—": "-", "…": "...", "’": "'", "„": '"', "“": '"'}


@functools.cache
def fonts() -> tuple[str, str, bool]:
    """(regular, bold, unicode): the registered font names, and whether they cover our letters."""
    candidates = getattr(settings, "MODUS_PDF_FONTS", DEFAULT_FONTS)
    for regular_path, bold_path in candidates:
        if not (Path(regular_path).is_file() and Path(bold_path).is_file()):
            continue
        regular = TTFont("ModusSans", regular_path)
        if not all(ord(char) in regular.face.charToGlyph for char in NEEDED):
            continue
        pdfmetrics.registerFont(regular)
        pdfmetrics.registerFont(TTFont("ModusSans-Bold", bold_path))
        return "ModusSans", "ModusSans-Bold", True
    return "Helvetica", "Helvetica-Bold", False


def plain(text: str) -> str:
    """Text the base fonts can show: Latin-1 kept, other letters without their accents."""
    out = []
    for char in text:
        char = SPECIAL.get(char, char)
        if len(char) == 1 and ord(char) > 255:
            char = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode() or "?"
        out.append(char)
    return "".join(out)


class PdfWriter:
    """What every PDF of the project writes with: the fonts, four paragraph styles (title,
    heading, body, meta) and text that the chosen fonts can show. Subclasses set the sizes."""

    title_size, heading_space, body_size, body_leading = 16, 8, 9.5, 12

    def __init__(self):
        self.regular, self.bold, self.unicode = fonts()
        title, body = self.title_size, self.body_size
        self.styles = {
            "title": ParagraphStyle("title", fontName=self.bold, fontSize=title, leading=title + 4),
            "heading": ParagraphStyle(
                "heading",
                fontName=self.bold,
                fontSize=12,
                leading=16,
                spaceBefore=self.heading_space,
            ),
            "body": ParagraphStyle(
                "body", fontName=self.regular, fontSize=body, leading=self.body_leading
            ),
            "meta": ParagraphStyle(
                "meta", fontName=self.regular, fontSize=9, leading=12, textColor=colors.grey
            ),
        }

    def text(self, value) -> str:
        value = str(value)
        return value if self.unicode else plain(value)

    def para(self, value, style="body") -> Paragraph:
        return Paragraph(escape(self.text(value)).replace("\n", "<br/>"), self.styles[style])
