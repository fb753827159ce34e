"""Reference data the directory is built on: the 14 industrial ecosystems and country names.

Ecosystem keys never change (CSV files and the API use them); labels are for display and follow the
wording of the Commission's list.
"""

from django.utils.translation import gettext_lazy as _

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

# English names for the country codes NUTS uses (note EL for Greece and UK, not GR and GB).
COUNTRY_NAMES = {
    "AL": "Albania",
    "AT": "Austria",
    "BE": "Belgium",
    "BG": "Bulgaria",
    "CH": "Switzerland",
    "CY": "Cyprus",
    "CZ": "Czechia",
    "DE": "Germany",
    "DK": "Denmark",
    "EE": "Estonia",
    "EL": "Greece",
    "ES": "Spain",
    "FI": "Finland",
    "FR": "France",
    "HR": "Croatia",
    "HU": "Hungary",
    "IE": "Ireland",
    "IS": "Iceland",
    "IT": "Italy",
    "LI": "Liechtenstein",
    "LT": "Lithuania",
    "LU": "Luxembourg",
    "LV": "Latvia",
    "ME": "Montenegro",
    "MD": "Moldova",
    "MK": "North Macedonia",
    "MT": "Malta",
    "NL": "Netherlands",
    "NO": "Norway",
    "PL": "Poland",
    "PT": "Portugal",
    "RO": "Romania",
    "RS": "Serbia",
    "SE": "Sweden",
    "SI": "Slovenia",
    "SK": "Slovakia",
    "TR": "Türkiye",
    "UA": "Ukraine",
    "UK": "United Kingdom",
}


def country_name(code: str) -> str:
    return COUNTRY_NAMES.get(code, code)
