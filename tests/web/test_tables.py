"""Wide tables scroll inside their own box on phones: every table in every template sits in a
``table-wrap`` that keyboard users can reach and scroll (tabindex 0), with a region role
and a name."""

import re
from pathlib import Path

import modus

TEMPLATES = Path(modus.__file__).parent
WRAPPER = re.compile(r'<div class="table-wrap[^"]*"([^>]*)>\s*<table')


def test_every_table_scrolls_in_a_named_keyboard_reachable_box():
    problems = []
    for path in sorted(TEMPLATES.rglob("templates/**/*.html")):
        text = path.read_text()
        tables = text.count("<table")
        wrappers = WRAPPER.findall(text)
        if len(wrappers) != tables:
            problems.append(f"{path.name}: {tables} tables, {len(wrappers)} in a table-wrap")
        for attributes in wrappers:
            named = "aria-label=" in attributes or "aria-labelledby=" in attributes
            if 'tabindex="0"' not in attributes or 'role="region"' not in attributes or not named:
                problems.append(f"{path.name}: table-wrap without tabindex, role or name")
    assert not problems, "\n".join(problems)
