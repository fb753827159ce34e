"""``makemessages`` run afresh over the code leaves the Czech and Polish catalogues as they are:
no string of the interface lacks a translation, none is fuzzy, and the committed catalogue is
not stale (no string the code no longer uses, none it uses missing)."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from tests.web.test_translations import LANGUAGES, parse_po

SOURCE = Path(settings.BASE_DIR)
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo", "static")


def _keys(entries):
    return {
        (entry.get("msgctxt"), entry["msgid"], entry.get("msgid_plural"))
        for entry in entries
        if entry["msgid"] and not entry["obsolete"]
    }


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    """A copy of the code and its catalogues, with ``makemessages`` run over it."""
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext (xgettext, msgmerge) is needed to check the catalogues")
    copy = tmp_path_factory.mktemp("messages") / "modus"
    shutil.copytree(SOURCE, copy, ignore=IGNORED)
    previous = Path.cwd()
    os.chdir(copy)
    try:
        with override_settings(LOCALE_PATHS=[copy / "locale"]):
            call_command("makemessages", locale=LANGUAGES, no_obsolete=True, verbosity=0)
    finally:
        os.chdir(previous)
    return copy / "locale"


@pytest.mark.parametrize("language", LANGUAGES)
def test_makemessages_finds_every_string_translated(fresh_catalogues, language):
    entries = parse_po(fresh_catalogues / language / "LC_MESSAGES" / "django.po")
    current = [entry for entry in entries if entry["msgid"] and not entry["obsolete"]]
    assert len(current) > 300
    assert [entry["msgid"] for entry in current if "fuzzy" in entry["flags"]] == []
    missing = [e["msgid"] for e in current if not all(text.strip() for text in e["msgstr"])]
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_catalogue_is_not_stale(fresh_catalogues, language):
    path = Path("locale") / language / "LC_MESSAGES" / "django.po"
    fresh = _keys(parse_po(fresh_catalogues.parent / path))
    committed = _keys(parse_po(SOURCE / path))
    assert sorted(fresh - committed, key=str) == []  # in the code, not in the catalogue
    assert sorted(committed - fresh, key=str) == []  # in the catalogue, no longer in the code
