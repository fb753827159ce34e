"""Builders shared by the selection tests: an open host call, applicants, reviewers, PDFs."""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from modus.accounts.models import Membership
from modus.directory.models import Organisation
from modus.events.models import Session
from modus.selection import services
from modus.selection.models import Call, Review
from tests.factories import (
    ONE_PAGE_PDF,
    EcosystemFactory,
    EventOrganiserFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    RegionFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)

WARSAW = "Europe/Warsaw"


def pdf_upload(name="letter.pdf", size=None, content=None):
    """A small but well-formed PDF (or ``size`` bytes of one)."""
    body = content or ONE_PAGE_PDF
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


def submit_complete(hc: HostCall, email="applicant@example.org"):
    """A complete host application, submitted; returns it and its applicant."""
    user, organisation = make_applicant(email=email)
    application = complete_draft(hc, user, organisation)
    services.submit_application(application, actor=user)
    return application, user


def score(application, reviewer, office, values, submit=True):
    """Assign ``reviewer`` and score every criterion of the call with ``values``, in order."""
    review = services.assign_reviewer(application, reviewer=reviewer, actor=office)
    criteria = list(application.call.criteria.all())
    services.save_review(
        review,
        actor=reviewer,
        scores={c.pk: value for c, value in zip(criteria, values, strict=True)},
        submit=submit,
    )
    return review


@pytest.fixture
def other_office():
    """The office of another programme."""
    user = UserFactory(email="other-office@example.org")
    ProgrammeFactory(slug="other").team.add(user)
    return user


@pytest.fixture
def participant():
    return UserFactory(email="participant@example.org")


def selected_pitch(pc: PitchCall, email, title=None):
    """A company's pitch, submitted with its deck and selected by the co-host."""
    user, organisation = make_applicant(email, kind="company")
    application = services.start_application(
        pc.call, organisation=organisation, actor=user, title=title or f"Pitch of {email}"
    )
    services.save_draft(application, actor=user, summary="Our product")
    services.attach_document(
        application, requirement=pc.call.documents.get(), upload=pdf_upload("deck.pdf"), actor=user
    )
    services.submit_application(application, actor=user)
    services.accept_application(application, actor=pc.cohost)
    application.refresh_from_db()
    return application


def score_live(pc: PitchCall, juror, application, values):
    """The juror submits their live scores for one pitch, one value per criterion."""
    review = Review.objects.get(application=application, reviewer=juror, stage=Review.Stage.LIVE)
    services.save_review(
        review,
        actor=juror,
        scores={c.pk: v for c, v in zip(pc.criteria, values, strict=True)},
        submit=True,
    )


def vote_as(pc: PitchCall, application, n):
    """``n`` new registered participants vote for this pitch."""
    for _ in range(n):
        user = UserFactory()
        RegistrationFactory(event=pc.event, user=user)
        services.cast_vote(pc.call, application, user=user)


@pytest.fixture
def cohost_client(client, pitch_call):
    client.force_login(pitch_call.cohost)
    return client


@pytest.fixture
def jury_setup(pitch_call):
    """Two selected pitches ("Pitch 0", "Pitch 1") and a juror on the call's panel."""
    pitches = [
        selected_pitch(pitch_call, f"j{n}@example.org", title=f"Pitch {n}") for n in range(2)
    ]
    juror = UserFactory(email="juror@example.org")
    pitch_call.call.panel.add(juror)
    return pitch_call, pitches, juror


@pytest.fixture
def submitted(host_call):
    """A complete host application, submitted."""
    application, _user = submit_complete(host_call)
    return application


@pytest.fixture
def single_cut_off(host_call):
    """The host call with one cut-off only: 2 December 2030, 18:00 in Warsaw (CET, UTC+1)."""
    host_call.call.cut_offs.all().delete()
    cut_off = services.add_cut_off(
        host_call.call,
        actor=host_call.office,
        local_deadline=dt.datetime(2030, 12, 2, 18, 0),
        time_zone="Europe/Warsaw",
        label="",
    )
    return host_call, cut_off


@pytest.fixture
def voting(pitch_call):
    """Two selected pitches ("Idea 0", "Idea 1"), voting open, one registered voter."""
    pitches = [selected_pitch(pitch_call, f"v{n}@example.org", title=f"Idea {n}") for n in range(2)]
    services.set_voting(pitch_call.call, actor=pitch_call.cohost, open=True)
    voter = UserFactory(email="voter@example.org")
    RegistrationFactory(event=pitch_call.event, user=voter)
    return pitch_call, pitches, voter


# Addresses of the pages ---------------------------------------------------------------------------


def call_url(name, call, **extra):
    """A page of one call: ``call_url("jury", call)``."""
    return reverse(f"selection:{name}", kwargs={"slug": call.slug, **extra})


def login(client, user):
    client.force_login(user)
    return client


def manage_url(call):
    return reverse("selection:call-manage", kwargs={"slug": call.slug})


def applications_url(call, **query):
    url = reverse("selection:call-applications", kwargs={"slug": call.slug})
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return url


def assign_url(application):
    return reverse("selection:application-assign", kwargs={"pk": application.pk})


def decide_url(application):
    return reverse("selection:application-decide", kwargs={"pk": application.pk})


def reopen_url(application):
    return reverse("selection:application-reopen", kwargs={"pk": application.pk})
