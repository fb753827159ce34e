"""Reads of events: the public lists, and an organisation's history across programmes
(respecting attendee consent), also as its page shows it."""

import datetime as dt

import pytest
from django.utils import timezone

from modus.events.models import Event, Registration
from modus.events.selectors import organisation_history, past_events, upcoming_events
from tests.factories import (
    EventFactory,
    EventOrganiserFactory,
    OrganisationFactory,
    PersonFactory,
    ProgrammeFactory,
    RegionFactory,
    RegistrationFactory,
    SessionRoleFactory,
)

pytestmark = pytest.mark.django_db


def test_upcoming_and_past_split_on_today_and_hide_drafts():
    today = timezone.localdate()
    running = EventFactory(starts_on=today - dt.timedelta(days=1), ends_on=today)
    past = EventFactory(starts_on=today - dt.timedelta(days=9), ends_on=today - dt.timedelta(8))
    EventFactory(status=Event.Status.DRAFT)
    assert list(upcoming_events()) == [running]
    assert list(past_events()) == [past]


def test_region_filter_includes_sub_regions():
    silesia = RegionFactory(code="PL22", name="Śląskie")
    katowice = RegionFactory(code="PL22A", name="Katowicki", parent=silesia)
    inside = EventFactory(region=katowice)
    EventFactory(region=RegionFactory(code="CZ08"))
    assert list(upcoming_events(region=silesia)) == [inside]


# An organisation's history -----------------------------------------------------------------------


@pytest.fixture
def cluster():
    return OrganisationFactory(name="Moravian-Silesian Aviation Cluster")


@pytest.fixture
def programme():
    return ProgrammeFactory(name="Clusters meet Regions")


def edition(programme, name, country, month):
    return EventFactory(
        programme=programme,
        name=name,
        country_code=country,
        starts_on=dt.date(2023, month, 1),
        ends_on=dt.date(2023, month, 2),
    )


def test_history_lists_organised_spoken_and_attended_editions(client, cluster, programme):
    spain = edition(programme, "Seville", "ES", 3)
    lithuania = edition(programme, "Vilnius", "LT", 5)
    poland = edition(programme, "Katowice", "PL", 9)
    EventOrganiserFactory(event=spain, organisation=cluster)
    SessionRoleFactory(session__event=lithuania, person=PersonFactory(organisation=cluster))
    RegistrationFactory(event=poland, organisation=cluster, consent_attendee_list=True)

    history = organisation_history(cluster)
    assert len(history) == 1
    assert history[0].programme == programme
    assert history[0].countries_text == "Spain, Lithuania and Poland"

    html = client.get(cluster.get_absolute_url()).content.decode()
    assert "3 events in Spain, Lithuania and Poland" in html
    for expected in [
        "Seville",
        "Co-host",
        "Vilnius",
        "spoke",
        "Katowice",
        "took part (1 participant listed)",
    ]:
        assert expected in html, expected


def test_attendance_without_consent_is_never_shown_or_counted(client, cluster, programme):
    quiet = edition(programme, "Quiet edition", "FI", 4)
    RegistrationFactory(event=quiet, organisation=cluster, consent_attendee_list=False)
    mixed = edition(programme, "Mixed edition", "PL", 6)
    RegistrationFactory(event=mixed, organisation=cluster, consent_attendee_list=True)
    RegistrationFactory(event=mixed, organisation=cluster, consent_attendee_list=False)
    waiting = edition(programme, "Waiting edition", "CZ", 7)
    RegistrationFactory(
        event=waiting,
        organisation=cluster,
        consent_attendee_list=True,
        status=Registration.Status.WAITLISTED,
    )
    html = client.get(cluster.get_absolute_url()).content.decode()
    assert "Quiet edition" not in html
    assert "Waiting edition" not in html
    assert "Mixed edition" in html
    assert "took part (1 participant listed)" in html
    assert "2 participants" not in html


def test_draft_events_and_other_organisations_are_left_out(client, cluster, programme):
    draft = edition(programme, "Draft edition", "ES", 1)
    Event.objects.filter(pk=draft.pk).update(status=Event.Status.DRAFT)
    EventOrganiserFactory(event=draft, organisation=cluster)
    someone_elses = edition(programme, "Someone else's", "IT", 2)
    EventOrganiserFactory(event=someone_elses)
    RegistrationFactory(event=someone_elses, consent_attendee_list=True)
    html = client.get(cluster.get_absolute_url()).content.decode()
    assert "Draft edition" not in html
    assert "Someone else" not in html
    assert "No events yet." in html


def test_history_is_grouped_by_programme(cluster):
    first, second = ProgrammeFactory(name="A programme"), ProgrammeFactory(name="B programme")
    EventOrganiserFactory(event=edition(first, "One", "ES", 1), organisation=cluster)
    EventOrganiserFactory(event=edition(second, "Two", "PL", 2), organisation=cluster)
    EventOrganiserFactory(event=edition(second, "Three", "PL", 3), organisation=cluster)
    history = organisation_history(cluster)
    assert [(h.programme.name, len(h.events), h.countries) for h in history] == [
        ("A programme", 1, ["Spain"]),
        ("B programme", 2, ["Poland"]),
    ]


@pytest.mark.parametrize("count", [1, 3])
def test_organisation_page_query_count(client, cluster, django_assert_num_queries, count):
    for n in range(count):
        event = edition(ProgrammeFactory(), f"Edition {n}", "PL", n + 1)
        EventOrganiserFactory(event=event, organisation=cluster)
        SessionRoleFactory(session__event=event, person=PersonFactory(organisation=cluster))
        RegistrationFactory(event=event, organisation=cluster, consent_attendee_list=True)
    # organisation, ecosystems, history, its roles, articles; no session for visitors.
    with django_assert_num_queries(5):
        response = client.get(cluster.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["history"]) == count
