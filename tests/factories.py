"""Factories for every model; tests build their data through these."""

import datetime as dt
import io

import factory
from django.utils import timezone
from pypdf import PdfWriter

from modus.accounts.models import Membership, Person, User
from modus.directory.models import Ecosystem, Organisation, Region, SmartSpecialisationPriority
from modus.events.models import (
    Event,
    EventOrganiser,
    Registration,
    Room,
    Session,
    SessionRole,
    Venue,
)
from modus.news.models import Article
from modus.programmes.models import Programme

PASSWORD = "correct-horse-battery-staple"


def pdf_bytes(pages: int = 1) -> bytes:
    """A small, well-formed PDF with blank A4 pages (pypdf reads it back)."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


ONE_PAGE_PDF = pdf_bytes()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class EcosystemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ecosystem
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"ecosystem-{n}")
    label = factory.Sequence(lambda n: f"Ecosystem {n}")


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"XX{n:02d}")
    name = factory.Sequence(lambda n: f"Region {n}")
    level = 2
    country_code = factory.LazyAttribute(lambda o: o.code[:2])


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SmartSpecialisationPriority

    region = factory.SubFactory(RegionFactory)
    title = factory.Sequence(lambda n: f"Priority {n}")
    description = "A priority of the regional strategy."


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organisation.Kind.CLUSTER
    country_code = "CZ"
    description = "An organisation in the directory."


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.ADMIN


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Speaker {n}")
    slug = factory.Sequence(lambda n: f"speaker-{n}")
    public = True


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    slug = factory.Sequence(lambda n: f"programme-{n}")
    name = factory.Sequence(lambda n: f"Programme {n}")
    owner = factory.SubFactory(OrganisationFactory)
    starts_on = dt.date(2022, 1, 1)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    name = factory.Sequence(lambda n: f"Event {n}")
    programme = factory.SubFactory(ProgrammeFactory)
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=30))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + dt.timedelta(days=1))
    status = Event.Status.PUBLISHED


class EventOrganiserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventOrganiser

    event = factory.SubFactory(EventFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = EventOrganiser.Role.COHOST


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    slug = factory.Sequence(lambda n: f"article-{n}")
    title = factory.Sequence(lambda n: f"Article {n}")
    lead = "What happened, in one paragraph."
    body = "<p>The body of the article.</p>"
    status = Article.Status.PUBLISHED
    created_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=2))
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Congress Centre {n}")
    city = "Katowice"
    country_code = "PL"


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Hall {n}")


class SessionFactory(factory.django.DjangoModelFactory):
    """A session on the event's first day, 9:00 + n hours UTC, one hour long."""

    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    slug = factory.Sequence(lambda n: f"session-{n}")
    title = factory.Sequence(lambda n: f"Session {n}")
    kind = Session.Kind.KEYNOTE
    starts_at = factory.LazyAttribute(
        lambda o: dt.datetime.combine(o.event.starts_on, dt.time(9), tzinfo=dt.UTC)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=1))


class SessionRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionRole

    session = factory.SubFactory(SessionFactory)
    person = factory.SubFactory(PersonFactory)
    role = SessionRole.Role.SPEAKER


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    participant_role = Registration.ParticipantRole.CLUSTER_MANAGER
    status = Registration.Status.CONFIRMED


class MatchmakingSettingsFactory(factory.django.DjangoModelFactory):
    """Matchmaking switched on: 9:00–10:00 and, after a pause, 10:30–11:00 on the first day."""

    class Meta:
        model = "matchmaking.MatchmakingSettings"

    event = factory.SubFactory(EventFactory)
    enabled = True
    slot_minutes = 30
    windows = factory.LazyAttribute(
        lambda o: [
            {"day": o.event.starts_on.isoformat(), "start": "09:00", "end": "10:00"},
            {"day": o.event.starts_on.isoformat(), "start": "10:30", "end": "11:00"},
        ]
    )
    tables = 10


class MarketplaceProfileFactory(factory.django.DjangoModelFactory):
    """An opted-in profile of a participant with a confirmed registration."""

    class Meta:
        model = "matchmaking.MarketplaceProfile"
        skip_postgeneration_save = True

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    offers = "Pilot lines for hydrogen storage."
    seeks = "Partners for a Horizon Europe project."
    registration = factory.RelatedFactory(
        RegistrationFactory,
        event=factory.SelfAttribute("..event"),
        user=factory.SelfAttribute("..user"),
        organisation=factory.SelfAttribute("..organisation"),
    )


class MeetingRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "matchmaking.MeetingRequest"

    from_profile = factory.SubFactory(MarketplaceProfileFactory)
    to_profile = factory.SubFactory(
        MarketplaceProfileFactory, event=factory.SelfAttribute("..from_profile.event")
    )
    event = factory.SelfAttribute("from_profile.event")
    message = "Shall we talk about hydrogen?"
