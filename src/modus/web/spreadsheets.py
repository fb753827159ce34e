"""Cells that spreadsheets show as text and never run as formulas (CSV and XLSX exports).

Every export of the project writes its text cells through ``safe_cell``; imports read them back
with ``unescape_cell`` and refuse cells that ``is_formula`` recognises.
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER_LIKE = re.compile(r"[+-]?[\d\s().\-/]+")


def is_formula(text: str) -> bool:
    """True for text a spreadsheet would run as a formula (or a DDE command) when opened."""
    return bool(text) and text.startswith(FORMULA_STARTS)


def is_unsafe_import(text: str) -> bool:
    """A cell an import refuses: a formula start, unless it is a plain number or phone number
    (``+420 596 123 456``, ``-5``), which no spreadsheet runs as a command."""
    return is_formula(text) and not NUMBER_LIKE.fullmatch(text)


def safe_cell(value) -> str:
    """The value as text; text that would start a formula gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if is_formula(text) else text


def unescape_cell(text: str) -> str:
    """The text ``safe_cell`` was given back: a leading apostrophe before a formula start goes."""
    if text.startswith("'") and is_formula(text[1:]):
        return text[1:]
    return text
