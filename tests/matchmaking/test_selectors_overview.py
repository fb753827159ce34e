"""The organisers' view of a version: the grid, the unplaced requests, the figures in words."""

import pytest
from django.utils import translation

from modus.matchmaking import selectors
from modus.matchmaking.models import ScheduleVersion
from tests.factories import MarketplaceProfileFactory

from .support import accepted, import_draft, pair_id

pytestmark = pytest.mark.django_db


def _version(event, engine=None, **stats):
    base = {"requested": 4, "placed": 3, "weight": 7, "max_weight": 10, "bound": 9}
    return ScheduleVersion.objects.create(
        event=event, stats={**base, **stats, "engine": engine or {}}
    )


def _figures(version):
    return dict(selectors.figures(version))


def test_figures_are_plain_words(event):
    figures = _figures(_version(event))
    assert figures["Meetings placed"] == "3 of 4 requested"
    assert figures["Compared with the best possible"].startswith("At least 77% as good")
    assert "Weight placed" not in figures and "Proven upper bound" not in figures
    best = _figures(_version(event, weight=9))
    assert best["Compared with the best possible"] == (
        "No schedule places more of the requested meetings."
    )


def test_breaks_are_judged_only_when_the_engine_gives_a_lower_bound(event):
    figures = _figures(_version(event, engine={"breaks": 5, "optimal": True}))
    assert figures["Breaks between meetings"] == "5"
    assert "Fewest breaks possible" not in figures  # no lower bound: nothing is claimed
    proven = _figures(_version(event, engine={"breaks": 5, "breaks_lower_bound": 5}))
    assert proven["Fewest breaks possible"] == "No schedule has fewer breaks."
    also = _figures(_version(event, engine={"breaks": 6, "breaks_lower_bound": 2, "optimal": True}))
    assert also["Fewest breaks possible"] == "No schedule has fewer breaks."
    open_ = _figures(_version(event, engine={"breaks": 7, "breaks_lower_bound": 4}))
    assert open_["Fewest breaks possible"] == "At most 3 breaks above the best possible."
    one = _figures(_version(event, engine={"breaks": 5, "breaks_lower_bound": 4}))
    assert one["Fewest breaks possible"] == "At most 1 break above the best possible."
    with translation.override("cs"):
        czech = dict(
            selectors.figures(_version(event, engine={"breaks": 7, "breaks_lower_bound": 2}))
        )
    assert "At most" not in str(czech)


def test_unplaced_requests_name_both_sides_and_the_reason(event, cohost):
    alicja, borivoj, cyril = (MarketplaceProfileFactory(event=event) for _ in range(3))
    accepted(alicja, borivoj)
    accepted(alicja, cyril)
    version = import_draft(event, cohost, {(alicja, borivoj): (0, 1)}, [(alicja, cyril)])
    version.stats["unplaced"] = [
        {"meeting": pair_id(alicja, cyril), "with": [], "reason": "participant_full"}
    ]
    [item] = selectors.unplaced_requests(version)
    assert [p.pk for p in item["people"]] == [alicja.pk, cyril.pk]
    assert item["people"][1].organisation.name == cyril.organisation.name
    assert item["reason"] == "one side already has the most meetings allowed"


def test_the_grid_has_a_row_per_table_and_a_column_per_slot(event, cohost, mm_settings):
    people = [MarketplaceProfileFactory(event=event) for _ in range(6)]
    pairs = [(people[0], people[1]), (people[2], people[3]), (people[4], people[5])]
    for pair in pairs:
        accepted(*pair)
    version = import_draft(event, cohost, {pairs[0]: (0, 1), pairs[1]: (0, 3), pairs[2]: (2, 2)})
    meetings = list(selectors.version_meetings(version))
    [day] = selectors.schedule_grid(event, mm_settings, meetings)
    assert [slot.id for slot in day.slots] == [s.id for s in selectors.slots(mm_settings)]
    assert [row.table for row in day.rows] == [1, 2, 3]
    cells = [
        [m and sorted(p.pk for p in m.participants.all()) for m in row.cells] for row in day.rows
    ]
    assert cells[0][0] == [people[0].pk, people[1].pk] and cells[2][0] == [
        people[2].pk,
        people[3].pk,
    ]
    assert cells[1][2] == [people[4].pk, people[5].pk] and cells[1][0] is None
    mm_settings.virtual, mm_settings.tables = True, None
    for meeting in meetings:
        meeting.table = None
    [day] = selectors.schedule_grid(event, mm_settings, meetings)
    assert [row.table for row in day.rows] == [None, None]  # two meetings share the first slot
