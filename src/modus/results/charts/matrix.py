"""The cooperation between countries as a heat map: a table whose cells are coloured by how many
meetings the two countries had (the number is always written in the cell as well)."""

from modus.directory.reference import country_name


def _shade(value, top: int) -> str:
    """A class of static/results/charts.css: light cells with dark text, dark ones with white
    (AA contrast); classes, as the site's policy refuses inline styles."""
    if not isinstance(value, int) or not value or not top:
        return "heat-0"
    return f"heat-{1 + min(3, int(3 * value / top))}"


def heat_map(pairs: dict, *, limit: int = 12) -> dict:
    """``pairs``: "CZ-PL" → {"meetings", "cooperation"}. The ``limit`` countries with the most
    meetings, each row and column a country; a cell holds the meetings between the two (and
    within one country on the diagonal)."""
    weight: dict[str, int] = {}
    cells: dict[tuple[str, str], dict] = {}
    for pair, values in pairs.items():
        first, _sep, second = pair.partition("-")
        meetings = values.get("meetings")
        for code in {first, second}:
            weight[code] = weight.get(code, 0) + (meetings or 0)
        cells[(first, second)] = cells[(second, first)] = values
    codes = sorted(weight, key=lambda code: (-weight[code], code))[:limit]
    top = max([v.get("meetings") or 0 for v in cells.values()] or [0])
    rows = []
    for row in codes:
        line = []
        for column in codes:
            values = cells.get((row, column), {})
            meetings = values.get("meetings") if values else 0
            line.append(
                {
                    "met": bool(values),
                    "meetings": meetings,
                    "cooperation": values.get("cooperation") if values else None,
                    "shade": _shade(meetings, top),
                    "column": country_name(column),
                }
            )
        rows.append({"country": country_name(row), "cells": line})
    return {"countries": [country_name(code) for code in codes], "rows": rows}
