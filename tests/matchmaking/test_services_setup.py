"""Setting matchmaking up: the organisers' rules, checked once."""

import pytest

from modus.events.permissions import NotCohost
from modus.matchmaking import selectors, services
from tests.factories import (
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _code(excinfo):
    return excinfo.value.code


def test_configure_by_cohost_stores_sorted_windows(event, cohost):
    day = event.starts_on.isoformat()
    mm = services.configure_matchmaking(
        event,
        actor=cohost,
        enabled=True,
        windows=[
            {"day": day, "start": "14:00", "end": "15:00"},
            {"day": day, "start": "09:00", "end": "10:00"},
        ],
        slot_minutes=20,
        tables=5,
        allowed_roles=["company"],
    )
    assert [w["start"] for w in mm.windows] == ["09:00", "14:00"]
    assert mm.allowed_roles == ["company"]
    assert len(selectors.slots(mm)) == 6


def test_configure_refused_for_others_and_bad_input(event, cohost):
    day = event.starts_on.isoformat()
    common = {"enabled": True, "slot_minutes": 30}
    with pytest.raises(NotCohost) as excinfo:
        services.configure_matchmaking(event, actor=UserFactory(), windows=[], **common)
    assert _code(excinfo) == "not_cohost"
    bad = [
        ([{"day": "1999-01-01", "start": "09:00", "end": "10:00"}], "day_outside_event"),
        ([{"day": day, "start": "10:00", "end": "09:00"}], "bad_window"),
        (
            [
                {"day": day, "start": "09:00", "end": "10:00"},
                {"day": day, "start": "09:30", "end": "11:00"},
            ],
            "windows_overlap",
        ),
        ([], "no_windows"),
    ]
    for windows, code in bad:
        with pytest.raises(services.MatchmakingError) as excinfo:
            services.configure_matchmaking(event, actor=cohost, windows=windows, **common)
        assert _code(excinfo) == code
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.configure_matchmaking(
            event,
            actor=cohost,
            windows=[{"day": day, "start": "09:00", "end": "10:00"}],
            virtual=True,
            **common,
        )
    assert _code(excinfo) == "video_link_missing"
