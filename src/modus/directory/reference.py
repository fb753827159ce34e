"""Reference data the directory is built on: the 14 industrial ecosystems and country names.

Ecosystem keys never change (CSV files and the API use them); labels are for display and follow the
wording of the Commission's list.
"""

import unicodedata

from anyascii import anyascii
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from pyuca import Collator

_COLLATOR = Collator()

ECOSYSTEMS = [
    ("aerospace-defence", _("Aerospace & defence")),
    ("agri-food", _("Agri-food")),
    ("construction", _("Construction")),
    ("cultural-creative", _("Cultural & creative industries")),
    ("digital", _("Digital")),
    ("electronics", _("Electronics")),
    ("energy-intensive", _("Energy-intensive industries")),
    ("energy-renewables", _("Energy – renewables")),
    ("health", _("Health")),
    ("mobility-transport-automotive", _("Mobility – transport – automotive")),
    ("proximity-social-economy", _("Proximity, social economy & civil security")),
    ("retail", _("Retail")),
    ("textiles", _("Textiles")),
    ("tourism", _("Tourism")),
]

ECOSYSTEM_LABELS = dict(ECOSYSTEMS)

# Names for the country codes NUTS uses (note EL for Greece and UK, not GR and GB), shown in the
# reader's language; the database and the search index keep the English ones.
COUNTRY_NAMES = {
    "AL": _("Albania"),
    "AT": _("Austria"),
    "BE": _("Belgium"),
    "BG": _("Bulgaria"),
    "CH": _("Switzerland"),
    "CY": _("Cyprus"),
    "CZ": _("Czechia"),
    "DE": _("Germany"),
    "DK": _("Denmark"),
    "EE": _("Estonia"),
    "EL": _("Greece"),
    "ES": _("Spain"),
    "FI": _("Finland"),
    "FR": _("France"),
    "HR": _("Croatia"),
    "HU": _("Hungary"),
    "IE": _("Ireland"),
    "IS": _("Iceland"),
    "IT": _("Italy"),
    "LI": _("Liechtenstein"),
    "LT": _("Lithuania"),
    "LU": _("Luxembourg"),
    "LV": _("Latvia"),
    "ME": _("Montenegro"),
    "MD": _("Moldova"),
    "MK": _("North Macedonia"),
    "MT": _("Malta"),
    "NL": _("Netherlands"),
    "NO": _("Norway"),
    "PL": _("Poland"),
    "PT": _("Portugal"),
    "RO": _("Romania"),
    "RS": _("Serbia"),
    "SE": _("Sweden"),
    "SI": _("Slovenia"),
    "SK": _("Slovakia"),
    "TR": _("Türkiye"),
    "UA": _("Ukraine"),
    "UK": _("United Kingdom"),
}


def country_name(code: str) -> str:
    """The country's name in the active language."""
    return str(COUNTRY_NAMES.get(code, code))


def english_country_name(code: str) -> str:
    """The country's English name, as stored in the database and indexed for search."""
    with translation.override("en"):
        return country_name(code)


def sorted_countries(codes) -> list[tuple[str, str]]:
    """(code, name) pairs sorted by the name in the active language, by the Unicode collation
    algorithm: "Česko" comes after "Belgie", not after "Švédsko"."""
    pairs = [(code, country_name(code)) for code in codes]
    return sorted(pairs, key=lambda pair: _COLLATOR.sort_key(pair[1]))


def collation_key(text: str):
    """A sort key for names in any language (Unicode collation, accents after their letter)."""
    return _COLLATOR.sort_key(text)


def is_latin(text: str) -> bool:
    """Whether every letter of ``text`` is a Latin letter (accents allowed)."""
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in text if ch.isalpha())


def latin_name(name: str) -> str:
    """A region's name in Latin letters: Latin names stay as they are ("Śląskie"); Greek and
    Cyrillic ones are transliterated ("Αττική" → "Attiki", "Югозападен" → "Yugozapaden")."""
    return name if is_latin(name) else anyascii(name).replace("'", "")


def fold(text: str) -> str:
    """``text`` without accents and case, for matching names people type ("slaskie" = "Śląskie")."""
    return anyascii(latin_name(text)).replace("'", "").casefold().strip()
