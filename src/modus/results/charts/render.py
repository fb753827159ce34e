"""Every picture of a results page (the page's body, pictures included, is cached by the view
per snapshot, language and view until the figures are computed again)."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from modus.directory.reference import country_name

from . import svg, worldmap
from .matrix import heat_map


def _map(counts: dict, hosts: dict, description: str) -> str:
    names = {code: country_name(code) for code in {*counts, *hosts}}
    return worldmap.draw(
        counts,
        hosts,
        title=_("Map: where participants came from, and the host countries"),
        description=description,
        names=names,
    )


def _map_description(countries, hosts: dict) -> str:
    words = _("Participants by country: %(list)s.") % {"list": svg.describe(countries) or "–"}
    if hosts:
        hosted = ", ".join(country_name(code) for code in sorted(hosts))
        words += " " + _("Host countries (outlined): %(list)s.") % {"list": hosted}
    return words


def edition_pictures(context: dict) -> dict:
    figures = context["figures"]
    country = figures.get("edition", {}).get("country_code", "")
    hosts = {country: 1} if country else {}
    counts = figures.get("participation", {}).get("by_country", {})
    pictures = {
        "funnel": svg.bars(context["funnel"], _("The cooperation funnel")),
        "kinds": svg.bars(context["kinds"], _("Kinds of organisation")),
        "ratings": svg.bars(context["ratings"], _("Ratings of the meetings")),
        "map": _map(counts, hosts, _map_description(context["countries"], hosts)),
        "matrix": heat_map(figures.get("b2b", {}).get("country_pairs", {})),
    }
    return pictures


def programme_pictures(context: dict) -> dict:
    figures = context["figures"]
    trends = figures.get("trends", [])
    # "Clusters meet Regions: Katowice" on 2022-11-07 → "Katowice 2022": short on the axis.
    labels = [f"{row['name'].split(': ')[-1]} {row['starts_on'][:4]}" for row in trends]
    series = {
        pgettext("number of people registered", "Registered"): [
            row.get("registered") for row in trends
        ],
        _("Organisations"): [row.get("organisations") for row in trends],
        _("Meetings"): [row.get("scheduled") for row in trends],
        _("Cooperation possible"): [row.get("funnel_cooperation") for row in trends],
    }
    hosts: dict[str, int] = {}
    for row in trends:
        if row.get("country_code"):
            hosts[row["country_code"]] = hosts.get(row["country_code"], 0) + 1
    counts = figures.get("by_country", {})
    pictures = {
        "trends": svg.trends(labels, series, _("Trends across the editions")),
        "funnel": svg.bars(context["funnel"], _("The cooperation funnel")),
        "kinds": svg.bars(context["kinds"], _("Kinds of organisation")),
        "ecosystems": svg.bars(context["ecosystems"], _("Meetings by industrial ecosystem")),
        "map": _map(counts, hosts, _map_description(context["countries"], hosts)),
        "matrix": heat_map(figures.get("country_pairs", {})),
    }
    return pictures
