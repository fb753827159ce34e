"""The Czech and Polish catalogues: complete, well-formed, compiled and in use."""

import ast
import gettext
import re
from pathlib import Path

import django
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
LANGUAGES = ["cs", "pl"]
DJANGO_LOCALE_DIR = Path(django.__file__).resolve().parent / "conf" / "locale"

# %(name)s, %d, %s ... as Python's %-formatting reads them; "%%" is a literal percent sign.
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
END_PUNCTUATION = (".", "?", ":", "!")


def parse_po(path):
    """Read a .po file into a list of dicts: msgid, msgid_plural, msgstr (list), flags, obsolete."""
    entries = []
    entry = None
    field = None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            entry, field = None, None
            continue
        if entry is None:
            entry = {"flags": set(), "msgstr": {}, "obsolete": False}
        if line.startswith("#~"):
            entry["obsolete"] = True
            continue
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(".*")$', line)
        if match:
            keyword, index, text = match.groups()
            value = ast.literal_eval(text)
            if keyword == "msgstr":
                field = ("msgstr", int(index or 0))
                entry["msgstr"][field[1]] = value
            else:
                field = (keyword, None)
                entry[keyword] = value
        elif line.startswith('"') and field is not None:
            value = ast.literal_eval(line)
            if field[0] == "msgstr":
                entry["msgstr"][field[1]] += value
            else:
                entry[field[0]] += value
        else:
            raise AssertionError(f"{path}: cannot read the line {raw!r}")
    finish()
    for item in entries:
        item["msgstr"] = [item["msgstr"][i] for i in sorted(item["msgstr"])]
    return entries


def headers(entries):
    header = next(entry for entry in entries if entry["msgid"] == "" and "msgctxt" not in entry)
    pairs = (line.split(":", 1) for line in header["msgstr"][0].splitlines() if ":" in line)
    return {key.strip().lower(): value.strip() for key, value in pairs}


def messages(language):
    entries = parse_po(LOCALE_DIR / language / "LC_MESSAGES" / "django.po")
    return [entry for entry in entries if entry["msgid"] and not entry["obsolete"]]


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text.replace("%%", "")))


def nplurals(language):
    forms = headers(parse_po(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))["plural-forms"]
    return int(re.search(r"nplurals\s*=\s*(\d+)", forms).group(1))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_names_the_language_and_uses_djangos_plural_rule(language):
    ours = headers(parse_po(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    djangos = headers(parse_po(DJANGO_LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    assert ours["language"] == language
    assert ours["content-type"] == "text/plain; charset=UTF-8"
    assert ours["plural-forms"] == djangos["plural-forms"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy_or_obsolete(language):
    entries = parse_po(LOCALE_DIR / language / "LC_MESSAGES" / "django.po")
    assert [entry["msgid"] for entry in entries if entry["obsolete"]] == []
    current = [entry for entry in entries if entry["msgid"]]
    assert len(current) > 300
    assert [entry["msgid"] for entry in current if "fuzzy" in entry["flags"]] == []
    untranslated = [
        entry["msgid"] for entry in current if not all(text.strip() for text in entry["msgstr"])
    ]
    assert untranslated == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_tags_and_closing_punctuation_match_the_english(language):
    problems = []
    for entry in messages(language):
        if "msgid_plural" in entry:
            continue
        msgid, msgstr = entry["msgid"], entry["msgstr"][0]
        if placeholders(msgid) != placeholders(msgstr):
            problems.append(("placeholders", msgid, msgstr))
        if sorted(HTML_TAG.findall(msgid)) != sorted(HTML_TAG.findall(msgstr)):
            problems.append(("tags", msgid, msgstr))
        if msgid.endswith(END_PUNCTUATION) and msgid[-1] != msgstr[-1]:
            problems.append(("punctuation", msgid, msgstr))
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_entries_fill_every_form_with_the_right_placeholders(language):
    count = nplurals(language)
    problems = []
    plural_entries = [entry for entry in messages(language) if "msgid_plural" in entry]
    assert plural_entries
    for entry in plural_entries:
        if len(entry["msgstr"]) != count:
            problems.append(("forms", entry["msgid"], len(entry["msgstr"])))
            continue
        allowed = set(placeholders(entry["msgid"])) | set(placeholders(entry["msgid_plural"]))
        # The form for exactly one may leave the number out ("Zobrazit organizaci v adresáři").
        if not set(placeholders(entry["msgstr"][0])) <= allowed:
            problems.append(("placeholders", entry["msgid"], entry["msgstr"][0]))
        for form in entry["msgstr"][1:]:
            if placeholders(form) != placeholders(entry["msgid_plural"]):
                problems.append(("placeholders", entry["msgid_plural"], form))
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_po_file(language):
    """The committed .mo holds what the .po says: compilemessages ran after the last edit."""
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    po_headers = headers(parse_po(folder / "django.po"))
    assert catalogue.info()["plural-forms"] == po_headers["plural-forms"]
    assert catalogue.info()["language"] == language
    stale = []
    for entry in messages(language):
        context = entry.get("msgctxt")
        if "msgid_plural" in entry:
            for n in range(30):
                expected = entry["msgstr"][catalogue.plural(n)]
                args = (entry["msgid"], entry["msgid_plural"], n)
                found = (
                    catalogue.npgettext(context, *args) if context else catalogue.ngettext(*args)
                )
                if found != expected:
                    stale.append((entry["msgid"], n))
        else:
            found = (
                catalogue.pgettext(context, entry["msgid"])
                if context
                else catalogue.gettext(entry["msgid"])
            )
            if found != entry["msgstr"][0]:
                stale.append(entry["msgid"])
    assert stale == []


@pytest.mark.parametrize(
    ("language", "one", "few", "many"),
    [
        ("cs", "1 organizace", "3 organizace", "5 organizací"),
        ("pl", "1 organizacja", "3 organizacje", "5 organizacji"),
    ],
)
def test_django_picks_the_right_plural_form(language, one, few, many):
    with translation.override(language):
        forms = [
            translation.ngettext("%(counter)s organisation", "%(counter)s organisations", n)
            % {"counter": n}
            for n in (1, 3, 5)
        ]
    assert forms == [one, few, many]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("cs", ["Adresář", "Regiony", "Programy", "Novinky", "Přihlásit se", "Přejít na obsah"]),
        ("pl", ["Katalog", "Regiony", "Programy", "Aktualności", "Zaloguj się", "Przejdź do"]),
    ],
)
def test_home_page_speaks_the_browsers_language(client, language, words):
    response = client.get(reverse("web:home"), HTTP_ACCEPT_LANGUAGE=language)
    content = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in content
    assert response["Content-Language"] == language
    for word in words:
        assert word in content
    assert ">Directory<" not in content


@pytest.mark.django_db
def test_home_page_stays_english_for_other_languages(client):
    response = client.get(reverse("web:home"), HTTP_ACCEPT_LANGUAGE="de")
    content = response.content.decode()
    assert '<html lang="en">' in content
    assert ">Directory<" in content
