"""The time zones calls work with: one table, used for new events and for deadline choices."""

# The capital's zone of each country that takes part in the programme: a sensible first guess
# for a new event, which its co-host can change.
COUNTRY_TIME_ZONES = {
    "AT": "Europe/Vienna", "BE": "Europe/Brussels", "BG": "Europe/Sofia", "CY": "Asia/Nicosia",
    "CZ": "Europe/Prague", "DE": "Europe/Berlin", "DK": "Europe/Copenhagen",
    "EE": "Europe/Tallinn", "EL": "Europe/Athens", "GR": "Europe/Athens", "ES": "Europe/Madrid",
    "FI": "Europe/Helsinki", "FR": "Europe/Paris", "HR": "Europe/Zagreb",
    "HU": "Europe/Budapest", "IE": "Europe/Dublin", "IT": "Europe/Rome", "LT": "Europe/Vilnius",
    "LU": "Europe/Luxembourg", "LV": "Europe/Riga", "MT": "Europe/Malta",
    "NL": "Europe/Amsterdam", "PL": "Europe/Warsaw", "PT": "Europe/Lisbon",
    "RO": "Europe/Bucharest", "SE": "Europe/Stockholm", "SI": "Europe/Ljubljana",
    "SK": "Europe/Bratislava", "NO": "Europe/Oslo", "IS": "Atlantic/Reykjavik",
    "CH": "Europe/Zurich", "MD": "Europe/Chisinau", "UA": "Europe/Kyiv", "RS": "Europe/Belgrade",
    "TR": "Europe/Istanbul", "UK": "Europe/London", "GB": "Europe/London",
}  # fmt: skip

# Deadlines are usually set in the office's zone (first) or in a participating country's.
DEADLINE_TIME_ZONES = [
    "Europe/Brussels",
    *sorted(set(COUNTRY_TIME_ZONES.values()) - {"Europe/Brussels"}),
    "UTC",
]
