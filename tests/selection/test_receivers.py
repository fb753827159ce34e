"""Selection answers the events agenda's signal: pitching sessions get their running order."""

import pytest

from modus.events import selectors
from modus.events.models import Session
from modus.selection import services
from tests.factories import SessionFactory

from .conftest import make_applicant, pdf_upload

pytestmark = pytest.mark.django_db


def accepted_pitch(pc, email, title):
    user, organisation = make_applicant(email, kind="company")
    application = services.start_application(
        pc.call, organisation=organisation, actor=user, title=title
    )
    services.save_draft(application, actor=user, summary="Our product")
    services.attach_document(
        application, requirement=pc.call.documents.get(), upload=pdf_upload("deck.pdf"), actor=user
    )
    services.submit_application(application, actor=user)
    services.accept_application(application, actor=pc.cohost)
    return application


def test_the_agenda_gets_running_orders_in_one_query(pitch_call, django_assert_num_queries):
    accepted_pitch(pitch_call, "a1@example.org", "Solar roofs")
    accepted_pitch(pitch_call, "a2@example.org", "Heat pumps")
    SessionFactory(event=pitch_call.event, kind=Session.Kind.KEYNOTE)
    # sessions, their people, and the pitches of every pitching session
    with django_assert_num_queries(3):
        agenda = selectors.event_agenda(pitch_call.event)
        sessions = [session for day in agenda.days for session in day.sessions]
        by_kind = {session.kind: session for session in sessions}
        titles = [pitch.title for pitch in by_kind[Session.Kind.PITCHING].running_order]
        names = [p.organisation.name for p in by_kind[Session.Kind.PITCHING].running_order]
    assert titles == ["Solar roofs", "Heat pumps"]
    assert len(names) == 2
    assert not hasattr(by_kind[Session.Kind.KEYNOTE], "running_order")


def test_an_agenda_without_pitching_sessions_costs_no_query(django_assert_num_queries):
    session = SessionFactory(kind=Session.Kind.KEYNOTE)
    with django_assert_num_queries(2):  # sessions and their people
        selectors.event_agenda(session.event)


def test_a_pitching_session_without_pitches_has_an_empty_running_order(pitch_call):
    session = selectors.public_session(pitch_call.event.slug, pitch_call.session.slug)
    assert session.running_order == []
