"""Rows for the results tables: figures with their labels in the active language."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modus.directory.models import Organisation
from modus.directory.reference import country_name

FUNNEL_LABELS = {
    "meetings": _("Meetings"),
    "cooperation": _("Cooperation possible"),
    "talks": _("Talks"),
    "agreement": _("Agreement"),
    "funded": _("Funded project"),
}


def labelled(counts: dict, *, choices=None, country=False) -> list[tuple[str, object]]:
    labels = dict(choices.choices) if choices else {}
    rows = []
    for key, value in counts.items():
        label = country_name(key) if country else labels.get(key, key)
        rows.append((str(label), value))
    if country:
        rows.sort(key=lambda row: (-(row[1] or 0), row[0]))
    return rows


def kind_rows(counts: dict) -> list[tuple[str, object]]:
    return labelled(counts, choices=Organisation.Kind)


def funnel_rows(funnel: dict) -> list[tuple[str, object]]:
    # A step the figures do not hold (published figures carry only some) is "", shown as "–";
    # None is a suppressed count.
    return [(str(FUNNEL_LABELS[key]), funnel.get(key, "")) for key in FUNNEL_LABELS]


def pair_rows(pairs: dict) -> list[dict]:
    """Country pairs, most meetings first: who met whom and what came of it."""
    rows = [
        {
            "first": country_name(pair.split("-")[0]),
            "second": country_name(pair.split("-")[1]),
            "meetings": values.get("meetings"),
            "cooperation": values.get("cooperation"),
        }
        for pair, values in pairs.items()
    ]
    return sorted(rows, key=lambda row: (-(row["meetings"] or 0), row["first"], row["second"]))


# The single figures of an edition, in the order of its page, PDF and exports.
PARTICIPATION = (
    (("participation", "registered"), pgettext_lazy("number of people registered", "Registered")),
    (("participation", "checked_in"), _("Checked in")),
    (("participation", "organisations"), _("Organisations")),
    (("participation", "countries"), _("Countries")),
    (("participation", "regions"), _("NUTS-2 regions")),
    (("agenda", "sessions"), _("Sessions")),
    (("agenda", "speakers"), _("Speakers")),
)
B2B = (
    (("b2b", "requests"), _("Requests")),
    (("b2b", "accepted"), _("Accepted")),
    (("b2b", "scheduled"), _("Scheduled")),
    (("b2b", "held"), _("Held")),
    (("b2b", "meetings_per_participant"), _("Meetings per participant")),
    (("b2b", "cross_border"), _("Cross-border meetings")),
    (("pitches", "submitted"), _("Pitches submitted")),
    (("pitches", "selected"), _("Pitches selected")),
    (("pitches", "votes"), _("Audience votes")),
)


def value_at(figures: dict, path) -> object:
    """The figure at ``path``; "" when the figures do not hold it (None is a suppressed count)."""
    value = figures
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return ""
        value = value[key]
    return value


def single_rows(figures: dict, labels) -> list[tuple[str, object]]:
    return [(str(label), value_at(figures, path)) for path, label in labels]
