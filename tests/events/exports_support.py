"""Shared by the export tests: the published schemas, and an agenda with everything in it."""

import datetime as dt
import io
import json
from functools import cache
from pathlib import Path

import jsonschema
import xmlschema

from modus.events.models import Event, Material, Session
from tests.factories import (
    EventFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    SessionRoleFactory,
    VenueFactory,
)

# The shared folder lies beside the checkout (as CI lays it out); the schemas are not copied in.
FRAB = Path(__file__).resolve().parents[3] / "shared" / "formats" / "frab"


@cache
def xml_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(FRAB / "schedule.xml.xsd"))


@cache
def json_validator() -> jsonschema.protocols.Validator:
    schema = json.loads((FRAB / "schedule.schema.json").read_text())
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def assert_valid_xml(body: bytes) -> None:
    xml_schema().validate(io.BytesIO(body))


def assert_valid_json(body: bytes) -> dict:
    data = json.loads(body)
    json_validator().validate(data)
    return data


def agenda_event(*, sessions: int = 3, status=Event.Status.PUBLISHED, **event_fields) -> Event:
    """A two-day event in Warsaw time with two rooms; sessions alternate rooms and days."""
    event = EventFactory(
        status=status,
        time_zone="Europe/Warsaw",
        languages=["en", "pl"],
        venue=VenueFactory(name="Congress Centre", address="Plac 1", city="Katowice"),
        starts_on=dt.date(2022, 11, 7),
        ends_on=dt.date(2022, 11, 8),
        **event_fields,
    )
    rooms = [
        RoomFactory(event=event, name="Main hall", position=0),
        RoomFactory(event=event, name="Room B", position=1),
    ]
    kinds = list(Session.Kind)
    for n in range(sessions):
        day = event.starts_on + dt.timedelta(days=n % 2)
        starts = dt.datetime.combine(day, dt.time(8), tzinfo=dt.UTC) + dt.timedelta(minutes=45 * n)
        session = SessionFactory(
            event=event,
            slug=f"talk-{n}",
            title=f"Talk {n} – zielona transformacja",
            kind=kinds[n % len(kinds)],
            abstract=f"What talk {n} is about.",
            starts_at=starts,
            ends_at=starts + dt.timedelta(minutes=45),
            room=rooms[n % 2] if n % 3 else None,
            recording_url="https://media.example.org/talk.mp4" if n == 0 else "",
            invented_details="times and rooms",
        )
        SessionRoleFactory(session=session, person=PersonFactory(name=f"Speaker {n}"))
        SessionRoleFactory(
            session=session, person=PersonFactory(name=f"Chair {n}"), role="chair", position=1
        )
        Material.objects.create(session=session, title=f"Slides {n}", file=f"materials/s{n}.pdf")
    return event
