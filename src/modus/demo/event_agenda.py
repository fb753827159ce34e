"""The Katowice edition in full: venue, co-located congress, rooms and a two-day agenda.

What the facts give (../shared/data/clusters-meet-regions.md and the seed report): the dates, the
venue (MCK, Katowice), the organisers, the 8th Polish Cluster Congress on the same days at the same
place with the European Green Deal as its theme, day 1's presentations and panels (one with Petr
Tomasek of the Moravian-Silesian Aviation Cluster), and day 2's pitching session, which was
recorded. Everything else — times, rooms, the exact wording of titles, the breaks — is
illustrative, and every session says so in ``invented_details``. The venue's address is public;
its coordinates are approximate (the building, to about 100 m). The rooms' names are invented.

Running ``load`` again changes nothing: rows are found by fixed keys and only saved when their
values differ, and the agenda version is bumped only when something was written.
"""

import datetime as dt
import zoneinfo
from decimal import Decimal

from modus.accounts.models import Person
from modus.directory.models import Ecosystem, Organisation, Region
from modus.events.models import Event, EventOrganiser, Room, Session, SessionRole, Venue
from modus.events.services import bump_agenda_version, save_event
from modus.news.models import Article

from .programme_data import KATOWICE_SLUG

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
CONGRESS_SLUG = "8th-polish-cluster-congress-2022"
REPORT_SLUG = "we-went-to-katowice-to-attend-clusters-meet-regions"
DAY_1, DAY_2 = dt.date(2022, 11, 7), dt.date(2022, 11, 8)

VENUE = {
    "name": "International Congress Centre (MCK)",
    "address": "Plac Sławika i Antalla 1",
    "city": "Katowice",
    "country_code": "PL",
    "latitude": Decimal("50.264900"),
    "longitude": Decimal("19.025200"),
}
ROOMS = [("Main hall", 250, 0), ("Room B", 80, 1)]  # invented names and sizes

CONGRESS_DESCRIPTION = (
    "The eighth national congress of Poland's cluster organisations, held on the same days and "
    "in the same congress centre as the Katowice edition of Clusters meet Regions, so that "
    "participants could follow both. Its theme was the European Green Deal and the part "
    "clusters play in the green transition."
)

# One timing note shared by sessions whose time, room and wording are ours.
USUAL = "times, room and the exact wording of the title"

# (day, start, end, room, slug, kind, title, abstract, topics, invented)
AGENDA = [
    (
        DAY_1,
        (9, 0),
        (9, 30),
        "Main hall",
        "registration-and-welcome-coffee",
        Session.Kind.NETWORKING,
        "Registration and welcome coffee",
        "Badges, coffee and a first chance to meet the other participants.",
        [],
        "the whole session: the facts do not list registration or its time",
    ),
    (
        DAY_1,
        (9, 30),
        (10, 0),
        "Main hall",
        "opening",
        Session.Kind.OPENING,
        "Opening: EU cluster policy and the Katowice edition",
        "The organisers — the European Cluster Collaboration Platform, the Polish Cluster "
        "Association and the European Commission — open the third edition of the series and set "
        "the scene of EU cluster policy.",
        ["cluster policy"],
        USUAL,
    ),
    (
        DAY_1,
        (10, 0),
        (10, 45),
        "Main hall",
        "green-and-digital-transition-and-resilience",
        Session.Kind.KEYNOTE,
        "Green and digital transition and building resilience: what does it mean for regions and "
        "clusters?",
        "What the twin transition and the call for resilience ask of regions and their cluster "
        "organisations in practice.",
        ["green transition", "digital transition", "resilience"],
        USUAL,
    ),
    (
        DAY_1,
        (10, 45),
        (11, 15),
        "Main hall",
        "coffee-break-morning",
        Session.Kind.BREAK,
        "Coffee break",
        "",
        [],
        "the whole session: the facts do not list the breaks",
    ),
    (
        DAY_1,
        (11, 15),
        (12, 0),
        "Main hall",
        "priority-areas-and-industrial-ecosystems-of-upper-silesia",
        Session.Kind.KEYNOTE,
        "Priority areas and industrial ecosystems of Upper Silesia: mobility, health, energy, ICT",
        "Śląskie's smart-specialisation areas for 2021–2027 and the industrial ecosystems behind "
        "them, in a region that has been transforming its industry and housing for more than "
        "thirty years.",
        ["smart specialisation", "mobility", "health", "energy", "ICT"],
        USUAL,
    ),
    (
        DAY_1,
        (12, 0),
        (13, 0),
        "Main hall",
        "panel-regional-government-and-clusters",
        Session.Kind.PANEL,
        "Panel: the region and its clusters working together",
        "How Śląskie's regional government and its cluster organisations work together, and what "
        "each expects of the other.",
        ["cluster policy", "regional development"],
        f"{USUAL}; the facts say day 1 had panel discussions but not on which questions",
    ),
    (
        DAY_1,
        (13, 0),
        (14, 0),
        "Main hall",
        "lunch-and-networking",
        Session.Kind.NETWORKING,
        "Lunch and networking",
        "Lunch together with the participants of the 8th Polish Cluster Congress.",
        [],
        "the whole session: the facts do not list lunch or a joint networking time",
    ),
    (
        DAY_1,
        (14, 0),
        (14, 45),
        "Main hall",
        "interregional-cooperation-driven-by-clusters",
        Session.Kind.KEYNOTE,
        "Interregional cooperation driven by clusters in the priority areas of Upper Silesia",
        "How clusters carry cooperation between regions in the fields Śląskie has chosen, and "
        "where partners from other regions fit in.",
        ["interregional cooperation"],
        USUAL,
    ),
    (
        DAY_1,
        (14, 45),
        (15, 45),
        "Main hall",
        "panel-clusters-across-borders",
        Session.Kind.PANEL,
        "Panel: clusters across borders",
        "Cluster organisations from neighbouring regions on what they bring to cooperation with "
        "Upper Silesia. Petr Tomasek speaks for the Moravian-Silesian Aviation Cluster from the "
        "Czech Republic.",
        ["interregional cooperation", "aviation"],
        f"{USUAL}; the panel's topic is ours, the facts name only its aviation panellist",
    ),
    (
        DAY_1,
        (15, 45),
        (16, 30),
        "Room B",
        "networking-afternoon",
        Session.Kind.NETWORKING,
        "Networking",
        "Time to continue the day's conversations.",
        [],
        "the whole session: the facts do not list it",
    ),
    (
        DAY_2,
        (9, 0),
        (11, 0),
        "Room B",
        "matchmaking",
        Session.Kind.MATCHMAKING,
        "One-to-one matchmaking meetings",
        "Pre-arranged meetings between participants looking for partners.",
        ["matchmaking"],
        f"{USUAL}; matchmaking is part of the series' usual format, not named in the seed",
    ),
    (
        DAY_2,
        (11, 0),
        (11, 15),
        "Main hall",
        "coffee-break-day-2",
        Session.Kind.BREAK,
        "Coffee break",
        "",
        [],
        "the whole session: the facts do not list the breaks",
    ),
    (
        DAY_2,
        (11, 15),
        (12, 45),
        "Main hall",
        "pitching-session",
        Session.Kind.PITCHING,
        "Pitching session",
        "Participants present their projects and ideas for cooperation to the room. The session "
        "was recorded and the recording was published after the event; we do not hold its "
        "address, so no link is given here.",
        ["pitching"],
        "times and room; the recording exists but its address is not in our sources",
    ),
    (
        DAY_2,
        (12, 45),
        (13, 15),
        "Main hall",
        "closing",
        Session.Kind.NETWORKING,
        "Closing and farewell coffee",
        "A last word from the organisers, and coffee.",
        [],
        "the whole session: the facts do not list a closing",
    ),
]
PANELLISTS = {"panel-clusters-across-borders": [("petr-tomasek", SessionRole.Role.PANELLIST)]}


def load(*, log=print) -> None:
    venue = _venue()
    region = Region.objects.filter(code="PL22").first()
    congress = save_event(
        slug=CONGRESS_SLUG,
        name="8th Polish Cluster Congress",
        programme=None,
        city="Katowice",
        country_code="PL",
        region=region,
        venue=venue,
        starts_on=DAY_1,
        ends_on=DAY_2,
        time_zone="Europe/Warsaw",
        description=CONGRESS_DESCRIPTION,
        status=Event.Status.PUBLISHED,
    )
    ecosystems = list(
        Ecosystem.objects.filter(
            key__in=["mobility-transport-automotive", "health", "energy-renewables", "digital"]
        ).order_by("key")
    )
    priorities = list(region.priorities.all()) if region else []
    katowice = save_event(
        slug=KATOWICE_SLUG,
        venue=venue,
        time_zone="Europe/Warsaw",
        languages=["en", "pl"],
        capacity=250,
        co_located_with=congress,
        report=Article.objects.filter(slug=REPORT_SLUG).first(),
        ecosystems=ecosystems,
        priorities=priorities,
    )
    for org_slug, role in [
        ("eccp", EventOrganiser.Role.ORGANISER),
        ("polish-cluster-association", EventOrganiser.Role.COHOST),
        ("european-commission", EventOrganiser.Role.PARTNER),
    ]:
        organisation = Organisation.objects.filter(slug=org_slug).first()
        if organisation is not None:
            EventOrganiser.objects.get_or_create(
                event=katowice, organisation=organisation, role=role
            )
    changed = _agenda(katowice)
    if changed:
        bump_agenda_version(katowice)
    log(f"Katowice agenda: {len(AGENDA)} sessions in {len(ROOMS)} rooms ({changed} written).")


def _save(instance, fields: dict) -> bool:
    """Set these values and save, only if one of them differs. True when it saved."""
    if instance.pk and all(getattr(instance, name) == value for name, value in fields.items()):
        return False
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean(validate_constraints=False)
    instance.save()
    return True


def _venue() -> Venue:
    venue = Venue.objects.filter(name=VENUE["name"], city=VENUE["city"]).first() or Venue()
    _save(venue, VENUE)
    return venue


def _agenda(event: Event) -> int:
    written = 0
    rooms = {}
    for name, capacity, position in ROOMS:
        room = Room.objects.filter(event=event, name=name).first() or Room(event=event)
        written += _save(room, {"name": name, "capacity": capacity, "position": position})
        rooms[name] = room
    people = Person.objects.in_bulk(
        [slug for roles in PANELLISTS.values() for slug, _role in roles], field_name="slug"
    )
    for day, start, end, room, slug, kind, title, abstract, topics, invented in AGENDA:
        session = Session.objects.filter(event=event, slug=slug).first() or Session(event=event)
        written += _save(
            session,
            {
                "slug": slug,
                "title": title,
                "kind": kind,
                "abstract": abstract,
                "starts_at": dt.datetime.combine(day, dt.time(*start), tzinfo=WARSAW),
                "ends_at": dt.datetime.combine(day, dt.time(*end), tzinfo=WARSAW),
                "room": rooms[room],
                "topics": topics,
                "recording_url": "",
                "invented_details": f"Illustrative: {invented}.",
            },
        )
        for position, (person_slug, role) in enumerate(PANELLISTS.get(slug, [])):
            person = people.get(person_slug)
            if person is None:
                continue
            entry = SessionRole.objects.filter(session=session, person=person).first()
            written += _save(
                entry or SessionRole(session=session, person=person),
                {"role": role, "position": position},
            )
    return written
