import datetime as dt

import pytest
from django.utils import timezone

from modus.demo import event_agenda
from modus.demo.loader import load_demo
from modus.events.models import Event, EventOrganiser, Session

pytestmark = pytest.mark.django_db


@pytest.fixture
def katowice():
    load_demo(organisations=0, log=lambda line: None)
    return Event.objects.get(slug="clusters-meet-regions-katowice-2022")


def test_katowice_is_held_at_mck_alongside_the_congress(katowice):
    assert katowice.venue.name == "International Congress Centre (MCK)"
    assert katowice.venue.city == "Katowice"
    assert katowice.time_zone == "Europe/Warsaw"
    assert katowice.languages == ["en", "pl"]
    assert katowice.capacity == 250
    congress = katowice.co_located_with
    assert congress.name == "8th Polish Cluster Congress"
    assert congress.programme is None
    assert congress.status == Event.Status.PUBLISHED
    assert (congress.starts_on, congress.ends_on, congress.venue) == (
        katowice.starts_on,
        katowice.ends_on,
        katowice.venue,
    )
    assert "Green Deal" in congress.description
    assert katowice.report.slug == "we-went-to-katowice-to-attend-clusters-meet-regions"
    assert katowice.ecosystems.count() == 4
    assert katowice.priorities.count() >= 5
    roles = set(katowice.organiser_roles.values_list("organisation__slug", "role"))
    assert roles == {
        ("eccp", EventOrganiser.Role.ORGANISER),
        ("polish-cluster-association", EventOrganiser.Role.COHOST),
        ("european-commission", EventOrganiser.Role.PARTNER),
    }


def test_the_agenda_follows_the_facts(katowice):
    sessions = list(katowice.sessions.select_related("room").order_by("starts_at"))
    assert len(sessions) == len(event_agenda.AGENDA)
    days = {timezone.localtime(s.starts_at, katowice.zone).date() for s in sessions}
    assert days == {dt.date(2022, 11, 7), dt.date(2022, 11, 8)}
    assert {s.room.name for s in sessions} == {"Main hall", "Room B"}
    assert all(s.invented_details.startswith("Illustrative:") for s in sessions)

    titles = " ".join(s.title for s in sessions)
    for words in ("Green and digital transition", "Upper Silesia", "Interregional cooperation"):
        assert words in titles

    panel = katowice.sessions.get(slug="panel-clusters-across-borders")
    (role,) = panel.roles.select_related("person__organisation")
    assert role.person.slug == "petr-tomasek"
    assert role.person.organisation.name == "Moravian-Silesian Aviation Cluster"

    pitching = katowice.sessions.get(kind=Session.Kind.PITCHING)
    assert timezone.localtime(pitching.starts_at, katowice.zone).date() == dt.date(2022, 11, 8)
    # The seed says it was recorded but gives no address: no invented link.
    assert pitching.recording_url == ""
    assert "recording was published" in pitching.abstract


def test_sessions_do_not_overlap_within_a_room(katowice):
    by_room = {}
    for session in katowice.sessions.order_by("starts_at"):
        previous = by_room.get(session.room_id)
        assert previous is None or previous.ends_at <= session.starts_at, session.slug
        by_room[session.room_id] = session


def test_loading_again_writes_nothing(katowice):
    version = katowice.agenda_version
    updated = katowice.updated_at
    event_agenda.load(log=lambda line: None)
    katowice.refresh_from_db()
    assert (katowice.agenda_version, katowice.updated_at) == (version, updated)
