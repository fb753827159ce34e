"""The figures of a programme: its editions' snapshots side by side (trends) and summed, by host
region and ecosystem, new and returning organisations, and the cooperation between countries."""

from collections import Counter

from django.utils import timezone

from modus.events import selectors as events
from modus.selection import selectors as selection

from ..models import Rating, Stage
from .edition import FUNNEL

TREND_FIELDS = (
    ("participation", "registered"),
    ("participation", "organisations"),
    ("participation", "countries"),
    ("b2b", "scheduled"),
    ("b2b", "held"),
    ("b2b", "funnel", "cooperation"),
    ("b2b", "funnel", "agreement"),
)


def _get(figures: dict, path) -> int:
    value = figures
    for key in path:
        value = (value or {}).get(key)
    return value if isinstance(value, int) else 0


def _add(total: Counter, mapping: dict | None) -> None:
    for key, value in (mapping or {}).items():
        if isinstance(value, int):
            total[key] += value


def programme_figures(programme, snapshots: dict) -> dict:
    """``snapshots``: edition id → that edition's figures (its stored snapshot)."""
    today = timezone.localdate()
    editions = [
        e for e in events.editions_of(programme) if e.pk in snapshots and e.starts_on <= today
    ]
    returning_sets = events.organisations_by_edition(programme)
    seen: set[int] = set()
    trends = []
    funnel, ratings, stages, kinds, by_country = (
        Counter(),
        Counter(),
        Counter(),
        Counter(),
        Counter(),
    )
    by_region, by_ecosystem, pairs_meetings, pairs_cooperation = {}, {}, Counter(), Counter()
    totals = Counter()
    for event in editions:
        figures = snapshots[event.pk]
        participation = figures.get("participation", {})
        b2b = figures.get("b2b", {})
        organisations = returning_sets.get(event.pk, set())
        new = len(organisations - seen)
        seen |= organisations
        row = {
            "slug": event.slug,
            "name": event.name,
            "starts_on": event.starts_on.isoformat(),
            "country_code": event.country_code,
            "origin": figures.get("origin", "computed"),
            "new_organisations": new if organisations else None,
            "returning_organisations": len(organisations) - new if organisations else None,
        }
        for path in TREND_FIELDS:
            row["_".join(path[1:])] = _get(figures, path)
        trends.append(row)
        for key in ("registered", "checked_in", "organisations"):
            totals[key] += participation.get(key, 0) or 0
        for key in ("requests", "accepted", "scheduled", "held"):
            totals[key] += b2b.get(key, 0) or 0
        _add(funnel, b2b.get("funnel"))
        _add(ratings, b2b.get("ratings"))
        _add(stages, b2b.get("stages"))
        _add(kinds, participation.get("kinds"))
        _add(by_country, participation.get("by_country"))
        for pair, values in (b2b.get("country_pairs") or {}).items():
            pairs_meetings[pair] += values.get("meetings", 0)
            pairs_cooperation[pair] += values.get("cooperation", 0)
        region = event.region.name if event.region else ""
        if region:
            entry = by_region.setdefault(region, Counter())
            entry["editions"] += 1
            entry["meetings"] += b2b.get("scheduled", 0) or 0
            entry["cooperation"] += (b2b.get("funnel") or {}).get("cooperation", 0)
        for ecosystem in event.ecosystems.all():
            entry = by_ecosystem.setdefault(ecosystem.key, Counter())
            entry["editions"] += 1
            entry["meetings"] += b2b.get("scheduled", 0) or 0
            entry["cooperation"] += (b2b.get("funnel") or {}).get("cooperation", 0)
    return {
        "programme": {"name": programme.name, "slug": programme.slug},
        "totals": {**dict(totals), "editions": len(editions), "organisations_ever": len(seen)},
        "trends": trends,
        "funnel": {key: funnel.get(key, 0) for key in FUNNEL},
        "ratings": {key: ratings.get(key, 0) for key in Rating.values},
        "stages": {key: stages.get(key, 0) for key in Stage.values},
        "kinds": dict(kinds),
        "by_country": dict(by_country),
        "by_region": {k: dict(v) for k, v in sorted(by_region.items())},
        "by_ecosystem": {k: dict(v) for k, v in sorted(by_ecosystem.items())},
        "country_pairs": {
            pair: {"meetings": pairs_meetings[pair], "cooperation": pairs_cooperation[pair]}
            for pair in sorted(pairs_meetings)
        },
        "calls": selection.call_facts(programme),
    }
