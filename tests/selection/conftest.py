"""Builders shared by the selection tests: an open host call, applicants, reviewers, PDFs."""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from modus.accounts.models import Membership
from modus.directory.models import Organisation
from modus.events.models import Session
from modus.selection import services
from modus.selection.models import Call
from tests.factories import (
    EcosystemFactory,
    EventOrganiserFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    RegionFactory,
    SessionFactory,
    UserFactory,
)

WARSAW = "Europe/Warsaw"


def pdf_upload(name="letter.pdf", size=None, content=None):
    """A small but well-formed PDF (or ``size`` bytes of one)."""
    body = content or (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    if size:
        body = body[:-7] + b"\n" + b"0" * max(0, size - len(body)) + b"\n%%EOF\n"
    return SimpleUploadedFile(name, body, content_type="application/pdf")


@dataclass
class HostCall:
    call: Call
    office: object
    programme: object
    letter: object
    question: object
    criteria: list


@pytest.fixture
def host_call(db):
    """An open call for expression of interest with two cut-offs (18:00 Warsaw time), two criteria,
    a required question and the letter of support; the office is one user."""
    office = UserFactory(email="office@example.org", full_name="Olga Office")
    programme = ProgrammeFactory(name="Clusters meet Regions", slug="cmr")
    programme.team.add(office)
    call = services.create_call(
        actor=office,
        purpose=Call.Purpose.HOST,
        programme=programme,
        title="Host a Clusters meet Regions event",
        description="Regions propose to host an edition.",
        eligible_kinds=["cluster", "agency", "authority", "association"],
        eligible_countries=[],
    )
    now = dt.datetime.now()
    for days in (10, 40):
        services.add_cut_off(
            call,
            actor=office,
            local_deadline=(now + dt.timedelta(days=days)).replace(
                hour=18, minute=0, second=0, microsecond=0
            ),
            time_zone=WARSAW,
        )
    criteria = [
        services.add_criterion(call, actor=office, title="Relevance", weight=2),
        services.add_criterion(call, actor=office, title="Capacity to host", weight=1),
    ]
    question = services.add_question(call, actor=office, text="Why your region?")
    letter = services.add_document_requirement(
        call, actor=office, title="Letter of support from the regional authority"
    )
    services.open_call(call, actor=office)
    return HostCall(call, office, programme, letter, question, criteria)


def make_applicant(email="applicant@example.org", kind=Organisation.Kind.CLUSTER, country="PL"):
    user = UserFactory(email=email)
    organisation = OrganisationFactory(kind=kind, country_code=country)
    MembershipFactory(user=user, organisation=organisation, role=Membership.Role.ADMIN)
    return user, organisation


def complete_draft(hc: HostCall, user, organisation):
    """A host application with everything it needs to be submitted."""
    application = services.start_application(
        hc.call, organisation=organisation, actor=user, title="Silesia hosts"
    )
    region = RegionFactory(code="PL22", name="Śląskie", country_code="PL")
    services.save_draft(
        application,
        actor=user,
        summary="Energy transition in Silesia.",
        region=region,
        city="Katowice",
        venue="International Congress Centre",
        proposed_starts_on=dt.date(2027, 11, 7),
        proposed_ends_on=dt.date(2027, 11, 8),
        answers={str(hc.question.pk): "Because of our 22 clusters."},
        ecosystems=[EcosystemFactory(key="energy", label="Energy")],
    )
    services.attach_document(application, requirement=hc.letter, upload=pdf_upload(), actor=user)
    return application


def make_reviewer(email="reviewer@example.org"):
    return UserFactory(email=email)


@dataclass
class PitchCall:
    call: Call
    cohost: object
    event: object
    session: Session
    criteria: list


@pytest.fixture
def pitch_call(db):
    """An open call for pitches on a pitching session; the co-host is one user."""
    cohost = UserFactory(email="cohost@example.org")
    cohost_org = OrganisationFactory()
    MembershipFactory(user=cohost, organisation=cohost_org)
    session = SessionFactory(kind=Session.Kind.PITCHING, title="Pitching session")
    EventOrganiserFactory(event=session.event, organisation=cohost_org)
    call = services.create_call(
        actor=cohost,
        purpose=Call.Purpose.PITCHES,
        session=session,
        title="Pitch at the event",
        pitch_minutes=5,
        places=3,
    )
    services.add_cut_off(
        call,
        actor=cohost,
        local_deadline=dt.datetime.now().replace(microsecond=0) + dt.timedelta(days=5),
        time_zone=WARSAW,
    )
    criteria = [
        services.add_criterion(call, actor=cohost, title="Innovation", weight=1),
        services.add_criterion(call, actor=cohost, title="Market", weight=1),
    ]
    services.open_call(call, actor=cohost)
    return PitchCall(call, cohost, session.event, session, criteria)
