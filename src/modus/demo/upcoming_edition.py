"""An upcoming edition to try today: Wrocław, 30 days from the day the demo is first loaded.

Every historical edition lies in the past, so a new user could neither register, request a
meeting nor score a pitch. This edition is INVENTED for the demo — no edition in Wrocław has been
announced — and every text on it says so. It is placed in Lower Silesia (NUTS 2: PL51), co-hosted
by the Polish Cluster Association like the Katowice edition, with:

- registration open (40 of the Katowice participants already registered, room for more);
- the matchmaking marketplace open until two days before the event, with requests pending;
- a call for pitches closing five days after the demo is loaded, with two pitches already selected
  and one waiting for a decision;
- a juror (jury-1) with a score sheet for each selected pitch still to fill in.

Idempotent: the edition is made once; loading the demo again, on the same day or later, writes
nothing while the edition is still ahead. Once its first day has come, the next load moves it (its
sessions, its marketplace times and the call's deadline) to 30 days ahead again.
"""

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from modus.directory.models import Organisation, Region
from modus.events.models import Event, EventOrganiser, Registration, Room, Session, Venue
from modus.events.services import bump_agenda_version, save_event
from modus.matchmaking.models import MarketplaceProfile, MatchmakingSettings, MeetingRequest
from modus.programmes.models import Programme
from modus.selection import services
from modus.selection.models import Call, CutOff
from modus.selection.services import notifications

from . import matchmaking_data, selection_data
from .event_agenda import WARSAW
from .programme_data import PROGRAMME_SLUG

SLUG = "clusters-meet-regions-wroclaw-demo"
PITCH_CALL_SLUG = "wroclaw-demo-call-for-pitches"
DAYS_AHEAD = 30
CALL_CLOSES_IN_DAYS = 5
REGISTERED = 40  # participant-001 … participant-040
INVENTED = "Invented for the demo: no edition in Wrocław has been announced."

DESCRIPTION = (
    "An upcoming edition invented for the demo, so that you can try what the historical ones no "
    "longer allow: register, request B2B meetings in the marketplace, send a pitch before the "
    "call closes and score pitches as a juror. It would bring the clusters of Lower Silesia "
    "(Dolnośląskie) together around the region's smart-specialisation priorities: chemistry "
    "and materials, mobility, ICT, food and health. " + INVENTED
)
VENUE = {
    "name": "Centennial Hall (Hala Stulecia)",
    "address": "ul. Wystawowa 1",
    "city": "Wrocław",
    "country_code": "PL",
    "latitude": Decimal("51.106900"),
    "longitude": Decimal("17.077300"),
}
ROOMS = [("Main hall", 300, 0), ("Room 2", 60, 1)]
# (day 0 or 1, start, end, room, slug, kind, title)
AGENDA = [
    (0, (9, 0), (9, 30), "Main hall", "registration", Session.Kind.NETWORKING,
     "Registration and welcome coffee"),
    (0, (9, 30), (10, 0), "Main hall", "opening", Session.Kind.OPENING,
     "Opening: EU cluster policy and the Wrocław edition"),
    (0, (10, 0), (11, 0), "Main hall", "lower-silesia-priorities", Session.Kind.KEYNOTE,
     "Lower Silesia's priorities and its clusters"),
    (0, (11, 30), (12, 30), "Main hall", "panel-cross-border-value-chains", Session.Kind.PANEL,
     "Panel: value chains across the Czech, German and Polish borders"),
    (1, (9, 0), (11, 0), "Room 2", "matchmaking", Session.Kind.MATCHMAKING,
     "B2B matchmaking"),
    (1, (11, 30), (12, 30), "Main hall", "pitching-session", Session.Kind.PITCHING,
     "Pitching session"),
]  # fmt: skip
PITCH_CALL = {
    "title": "Pitch at Clusters meet Regions in Wrocław",
    "description": (
        "Companies and clusters present a project or an idea for cooperation in five minutes "
        "each to the room and a jury, on the second day of the Wrocław edition. Pitches are "
        "selected as they arrive. " + INVENTED
    ),
    "eligible_kinds": [Organisation.Kind.COMPANY, Organisation.Kind.CLUSTER],
    "pitch_minutes": 5,
    "places": 5,
    "score_min": 0,
    "score_max": 10,
}
PITCHES = 3  # two selected, one waiting for a decision


def load(*, log=print) -> None:
    programme = Programme.objects.filter(slug=PROGRAMME_SLUG).first()
    if programme is None or not Organisation.objects.filter(slug="eccp").exists():
        log("Upcoming edition: the programme is missing, skipped.")
        return
    today = timezone.localdate()
    with transaction.atomic(), notifications.muted():
        event, created = _event(programme, today)
        if not created and event.starts_on <= today:
            _move(event, today + dt.timedelta(days=DAYS_AHEAD))
        registered = _registrations(event)
        requests = _marketplace(event)
        pitches = _pitch_call(event)
    log(
        f"Upcoming edition: {event.name} on {event.starts_on:%Y-%m-%d}, {registered} registered, "
        f"{requests} meeting requests, {pitches}."
    )


def _event(programme, today) -> tuple[Event, bool]:
    existing = Event.objects.filter(slug=SLUG).first()
    if existing is not None:
        return existing, False
    venue = Venue.objects.filter(name=VENUE["name"], city=VENUE["city"]).first()
    venue = venue or Venue.objects.create(**VENUE)
    first = today + dt.timedelta(days=DAYS_AHEAD)
    event = save_event(
        slug=SLUG,
        name="Clusters meet Regions: Wrocław",
        programme=programme,
        edition_number=22,
        city="Wrocław",
        country_code="PL",
        region=Region.objects.filter(code="PL51").first(),
        venue=venue,
        starts_on=first,
        ends_on=first + dt.timedelta(days=1),
        time_zone="Europe/Warsaw",
        languages=["en", "pl"],
        capacity=150,
        registration_open=True,
        description=DESCRIPTION,
        status=Event.Status.PUBLISHED,
    )
    for org_slug, role in [
        ("eccp", EventOrganiser.Role.ORGANISER),
        ("polish-cluster-association", EventOrganiser.Role.COHOST),
    ]:
        organisation = Organisation.objects.filter(slug=org_slug).first()
        if organisation is not None:
            EventOrganiser.objects.create(event=event, organisation=organisation, role=role)
    rooms = {
        name: Room.objects.create(event=event, name=name, capacity=capacity, position=position)
        for name, capacity, position in ROOMS
    }
    for day, start, end, room, slug, kind, title in AGENDA:
        date = first + dt.timedelta(days=day)
        Session.objects.create(
            event=event,
            slug=slug,
            title=title,
            kind=kind,
            starts_at=dt.datetime.combine(date, dt.time(*start), tzinfo=WARSAW),
            ends_at=dt.datetime.combine(date, dt.time(*end), tzinfo=WARSAW),
            room=rooms[room],
            invented_details=f"Illustrative: the whole session. {INVENTED}",
        )
    matchmaking = next(row for row in AGENDA if row[4] == "matchmaking")
    day = (first + dt.timedelta(days=matchmaking[0])).isoformat()
    MatchmakingSettings.objects.create(
        event=event,
        enabled=True,
        windows=[{"day": day, "start": clock(matchmaking[1]), "end": clock(matchmaking[2])}],
        slot_minutes=20,
        tables=20,
        max_meetings=5,
        request_deadline=dt.datetime.combine(
            first - dt.timedelta(days=2), dt.time(18, 0), tzinfo=WARSAW
        ),
    )
    return event, True


def clock(hour_minute: tuple[int, int]) -> str:
    return f"{hour_minute[0]:02d}:{hour_minute[1]:02d}"


def _move(event: Event, first: dt.date) -> None:
    """Move the edition, with everything dated on it, so that it starts on ``first``."""
    shift = first - event.starts_on
    event.starts_on, event.ends_on = first, event.ends_on + shift
    event.save(update_fields=["starts_on", "ends_on", "updated_at"])
    for session in event.sessions.all():
        session.starts_at += shift
        session.ends_at += shift
        session.save(update_fields=["starts_at", "ends_at"])
    settings = MatchmakingSettings.objects.get(event=event)
    settings.windows = [
        {**window, "day": (dt.date.fromisoformat(window["day"]) + shift).isoformat()}
        for window in settings.windows
    ]
    settings.request_deadline += shift
    settings.save(update_fields=["windows", "request_deadline", "updated_at"])
    CutOff.objects.filter(call__slug=PITCH_CALL_SLUG).update(
        deadline=timezone.now() + dt.timedelta(days=CALL_CLOSES_IN_DAYS)
    )
    bump_agenda_version(event)


def _participants() -> list:
    emails = [matchmaking_data.EMAIL.format(n) for n in range(1, REGISTERED + 1)]
    users = get_user_model().objects.in_bulk(emails, field_name="email")
    return [users[email] for email in emails if email in users]


def _registrations(event: Event) -> int:
    """The first 40 Katowice participants registered again, with the same organisation."""
    users = _participants()
    earlier = {
        user_id: (organisation_id, role)
        for user_id, organisation_id, role in Registration.objects.filter(
            user__in=users, organisation__isnull=False
        )
        .exclude(event=event)
        .order_by("pk")
        .values_list("user_id", "organisation_id", "participant_role")
    }
    done = set(Registration.objects.filter(event=event).values_list("user_id", flat=True))
    Registration.objects.bulk_create(
        [
            Registration(
                event=event,
                user=user,
                organisation_id=earlier.get(user.pk, (None, None))[0],
                participant_role=earlier.get(user.pk, (None, Registration.ParticipantRole.OTHER))[
                    1
                ],
                status=Registration.Status.CONFIRMED,
            )
            for user in users
            if user.pk not in done
        ]
    )
    return Registration.objects.filter(event=event).count()


def _marketplace(event: Event) -> int:
    """Everyone registered is in the marketplace; a few requests are accepted, most pending."""
    users = _participants()
    katowice = {
        p.user_id: p
        for p in MarketplaceProfile.objects.filter(user__in=users)
        .exclude(event=event)
        .order_by("pk")
    }
    have = set(MarketplaceProfile.objects.filter(event=event).values_list("user_id", flat=True))
    new = []
    for user in users:
        old = katowice.get(user.pk)
        if user.pk in have or old is None:
            continue
        new.append(
            MarketplaceProfile(
                event=event,
                user=user,
                organisation_id=old.organisation_id,
                offers=old.offers,
                seeks=old.seeks,
                opted_in=True,
            )
        )
    MarketplaceProfile.objects.bulk_create(new)
    profiles = list(MarketplaceProfile.objects.filter(event=event).order_by("user__email"))
    if MeetingRequest.objects.filter(event=event).exists() or len(profiles) < 3:
        return MeetingRequest.objects.filter(event=event).count()
    rng = random.Random("wroclaw-demo-requests")
    planned = {}
    for k, sender in enumerate(profiles):
        for j in rng.sample([j for j in range(len(profiles)) if j != k], rng.randint(1, 3)):
            receiver = profiles[j]
            if (receiver.pk, sender.pk) in planned:
                continue
            accepted = rng.random() < 0.25
            planned[(sender.pk, receiver.pk)] = accepted
    # participant-001 (the demo login) has requests to answer
    first = profiles[0]
    for other in profiles[1:3]:
        planned.pop((first.pk, other.pk), None)
        planned[(other.pk, first.pk)] = False
    now = timezone.now()
    MeetingRequest.objects.bulk_create(
        [
            MeetingRequest(
                event=event,
                from_profile_id=sender,
                to_profile_id=receiver,
                message=rng.choice(matchmaking_data.MESSAGES).replace("Katowice", "Wrocław"),
                status=MeetingRequest.Status.ACCEPTED
                if accepted
                else MeetingRequest.Status.PENDING,
                responded_at=now if accepted else None,
            )
            for (sender, receiver), accepted in planned.items()
        ]
    )
    return len(planned)


def _pitch_call(event: Event) -> str:
    if Call.objects.filter(slug=PITCH_CALL_SLUG).exists():
        return "the Wrocław call for pitches is in place"
    session = Session.objects.get(event=event, slug="pitching-session")
    manager = (
        get_user_model()
        .objects.filter(email=selection_data.EMAIL.format("polish-cluster-association"))
        .first()
    )
    juror = get_user_model().objects.filter(email=selection_data.EMAIL.format("jury-1")).first()
    if manager is None or juror is None:
        return "no co-host or juror for a call for pitches"
    closes = timezone.localtime(timezone.now(), WARSAW) + dt.timedelta(days=CALL_CLOSES_IN_DAYS)
    call = services.create_pitch_call(
        session,
        actor=manager,
        local_deadline=closes.replace(hour=18, minute=0, second=0, microsecond=0, tzinfo=None),
        criteria=selection_data.PITCH_CRITERIA,
        open_now=True,
        **PITCH_CALL,
    )
    Call.objects.filter(pk=call.pk).update(slug=PITCH_CALL_SLUG)
    call.slug = PITCH_CALL_SLUG
    deck = call.documents.get()
    organisations = matchmaking_data._organisations()
    companies = [o for o in organisations if o.kind == Organisation.Kind.COMPANY]
    chosen = companies[-PITCHES:]
    User = get_user_model()
    applications = []
    for k, organisation in enumerate(chosen):
        index = organisations.index(organisation)
        pitcher = User.objects.get(email=matchmaking_data.EMAIL.format(2 * index + 2))
        selection_data._member(pitcher, organisation)
        tech = (organisation.technology_fields or ["cluster cooperation"])[0]
        text = selection_data.PITCH_TEXTS[(k + 2) % len(selection_data.PITCH_TEXTS)]
        application = services.start_application(
            call, organisation=organisation, actor=pitcher, title=f"{organisation.name}: {tech}"
        )
        services.save_draft(
            application, actor=pitcher, summary=f"{text.format(tech=tech)} {INVENTED}"
        )
        body = selection_data.pdf(organisation.name, [text.format(tech=tech), INVENTED])
        services.attach_document(
            application,
            requirement=deck,
            upload=SimpleUploadedFile("pitch-deck.pdf", body, content_type="application/pdf"),
            actor=pitcher,
        )
        services.submit_application(application, actor=pitcher)
        applications.append(application)
    selected = applications[:2]
    for application in selected:
        services.accept_application(
            application, actor=manager, reasons="Selected for the session. " + INVENTED
        )
    services.set_running_order(call, [a.pk for a in selected], actor=manager)
    call.panel.add(juror)
    sheets = services.assign_jury(call, actor=manager)
    return (
        f"a call for pitches closing on {closes:%Y-%m-%d} with {len(applications)} pitches "
        f"and {sheets} jury sheets to fill in"
    )
