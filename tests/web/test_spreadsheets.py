import pytest

from modus.web.spreadsheets import is_unsafe_import, safe_cell, unescape_cell


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.example","Click")',
        "@SUM(1+1)",
        "=cmd|' /C calc'!A0",
        "+1+1",
        "-2+3",
        "\t=1",
        "\r=1",
    ],
)
def test_formulas_are_escaped_and_read_back(text):
    assert safe_cell(text) == "'" + text
    assert unescape_cell(safe_cell(text)) == text


@pytest.mark.parametrize("value", ["Plain text", "", None, 42, "a=b", "'quoted"])
def test_plain_values_stay_as_they_are(value):
    expected = "" if value is None else str(value)
    assert safe_cell(value) == expected
    assert unescape_cell(expected) == expected


def test_imports_refuse_formulas_but_not_numbers():
    assert is_unsafe_import("=cmd|' /C calc'!A0")
    assert is_unsafe_import("@SUM(1+1)")
    assert is_unsafe_import("-1+cmd")
    assert not is_unsafe_import("+420 596 123 456")
    assert not is_unsafe_import("-5")
    assert not is_unsafe_import("Plain")
