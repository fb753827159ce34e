import datetime as dt
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from modus.accounts.models import Membership
from modus.events import selectors
from modus.events.models import Event, Material, Registration, Room, Session
from tests.events.registration_support import CONFIRMED, WAITLISTED, open_event, sign_up
from tests.factories import (
    EventFactory,
    EventOrganiserFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RegionFactory,
    RoomFactory,
    SessionFactory,
    SessionRoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

QUERIES_OF_THE_DETAILS_PAGE = 13  # + whether there are sessions to move with the dates


@pytest.fixture
def event():
    return EventFactory(
        slug="katowice-2022",
        name="Clusters meet Regions: Katowice",
        starts_on=dt.date(2022, 11, 7),
        ends_on=dt.date(2022, 11, 8),
        time_zone="Europe/Warsaw",
    )


def member_of_cohost(event):
    organiser = EventOrganiserFactory(event=event)
    return MembershipFactory(organisation=organiser.organisation, role=Membership.Role.MEMBER).user


@pytest.fixture
def cohost(event):
    return member_of_cohost(event)


@pytest.fixture
def cohost_client(client, cohost):
    client.force_login(cohost)
    return client


def manage_urls(event, session):
    kw = {"slug": event.slug}
    skw = {"slug": event.slug, "pk": session.pk}
    return [
        reverse("events:manage", kwargs=kw),
        reverse("events:manage-agenda", kwargs=kw),
        reverse("events:manage-rooms", kwargs=kw),
        reverse("events:manage-session-new", kwargs=kw),
        reverse("events:manage-session", kwargs=skw),
        reverse("events:manage-session-delete", kwargs=skw),
        reverse("events:manage-materials", kwargs=skw),
    ]


def session_data(day="2022-11-07", start="09:00", end="10:00", people=(), **fields):
    data = {
        "title": "Opening",
        "kind": "opening",
        "day": day,
        "start_time": start,
        "end_time": end,
        "room": "",
        "abstract": "",
        "topics": "",
        "recording_url": "",
        "people-TOTAL_FORMS": str(max(3, len(people))),
        "people-INITIAL_FORMS": "0",
        "people-MIN_NUM_FORMS": "0",
        "people-MAX_NUM_FORMS": "1000",
    }
    for index, person in enumerate(people):
        for key, value in person.items():
            data[f"people-{index}-{key}"] = value
    for index in range(max(3, len(people))):
        data.setdefault(f"people-{index}-role", "speaker")
    data.update(fields)
    return data


# Who may manage ---------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client, event):
    session = SessionFactory(event=event)
    for url in manage_urls(event, session):
        response = client.get(url)
        assert response.status_code == 302, url
        assert reverse("accounts:login") in response["Location"]


def test_a_cohost_of_another_event_gets_403_everywhere_and_nothing_changes(client, event):
    session = SessionFactory(event=event, title="Untouched")
    room = RoomFactory(event=event, name="Hall A")
    other_event = EventFactory()
    client.force_login(member_of_cohost(other_event))
    before = Event.objects.get(pk=event.pk).agenda_version
    for url in manage_urls(event, session):
        assert client.get(url).status_code == 403, url
        assert client.post(url, session_data(title="Taken over")).status_code == 403, url
    assert (
        client.post(
            reverse("events:manage-rooms", kwargs={"slug": event.slug}),
            {"action": "delete", "room": room.pk},
        ).status_code
        == 403
    )
    session.refresh_from_db()
    assert session.title == "Untouched"
    assert Session.objects.filter(event=event).count() == 1
    assert Room.objects.filter(event=event).count() == 1
    assert Event.objects.get(pk=event.pk).agenda_version == before


def test_a_plain_signed_in_user_gets_403(client, event):
    client.force_login(UserFactory())
    assert (
        client.get(reverse("events:manage-agenda", kwargs={"slug": event.slug})).status_code == 403
    )


def test_staff_may_manage(client, event):
    client.force_login(UserFactory(is_staff=True))
    assert (
        client.get(reverse("events:manage-agenda", kwargs={"slug": event.slug})).status_code == 200
    )


def test_a_session_of_another_event_is_not_found(cohost_client, event):
    other = SessionFactory()
    url = reverse("events:manage-session", kwargs={"slug": event.slug, "pk": other.pk})
    assert cohost_client.get(url).status_code == 404


# Building an agenda -------------------------------------------------------------------------------


def test_cohost_builds_a_two_day_agenda(cohost_client, event):
    rooms_url = reverse("events:manage-rooms", kwargs={"slug": event.slug})
    response = cohost_client.post(
        rooms_url,
        {"action": "add", "new-name": "Main hall", "new-capacity": "300", "new-position": "0"},
    )
    assert response.status_code == 302
    hall = Room.objects.get(event=event, name="Main hall")
    speaker = PersonFactory(name="Anna Kowalska")
    new_url = reverse("events:manage-session-new", kwargs={"slug": event.slug})

    response = cohost_client.post(
        new_url,
        session_data(
            title="Opening and keynote",
            room=str(hall.pk),
            people=[{"person": str(speaker.pk), "role": "speaker"}],
        ),
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?day=2022-11-07")
    organisation = OrganisationFactory(name="Moravian-Silesian Aviation Cluster")
    response = cohost_client.post(
        new_url,
        session_data(
            day="2022-11-08",
            start="14:00",
            end="15:30",
            title="Pitching session",
            kind="pitching",
            topics="start-ups, aviation",
            people=[{"name": "Jan Novák", "organisation": organisation.name, "role": "chair"}],
        ),
    )
    assert response.status_code == 302

    opening, pitching = Session.objects.filter(event=event).order_by("starts_at")
    assert opening.starts_at == dt.datetime(2022, 11, 7, 8, 0, tzinfo=dt.UTC)  # 9:00 CET
    assert opening.room == hall
    assert pitching.slug == "pitching-session"
    assert pitching.topics == ["start-ups", "aviation"]
    new_person = pitching.roles.get().person
    assert (new_person.name, new_person.organisation) == ("Jan Novák", organisation)

    agenda_url = reverse("events:manage-agenda", kwargs={"slug": event.slug})
    cohost_client.get(agenda_url)  # shows (and so clears) the "saved" messages
    day_one = cohost_client.get(agenda_url, {"day": "2022-11-07"}).content.decode()
    assert "Opening and keynote" in day_one and "Pitching session" not in day_one
    assert "09:00–10:00" in day_one and "Main hall" in day_one
    day_two = cohost_client.get(agenda_url, {"day": "2022-11-08"}).content.decode()
    assert "Pitching session" in day_two and "14:00–15:30" in day_two


def test_speaker_clash_is_shown_after_saving(cohost_client, event):
    speaker = PersonFactory(name="Anna Kowalska")
    new_url = reverse("events:manage-session-new", kwargs={"slug": event.slug})
    person = [{"person": str(speaker.pk), "role": "speaker"}]
    cohost_client.post(new_url, session_data(title="Keynote", people=person))
    response = cohost_client.post(
        new_url,
        session_data(title="Panel", kind="panel", start="09:30", end="11:00", people=person),
        follow=True,
    )
    content = response.content.decode()
    assert "Anna Kowalska is in two sessions at once" in content
    assert "manage-warnings" in content and "has-warning" in content
    assert Session.objects.filter(event=event).count() == 2


def test_editing_a_session_shows_local_times_and_keeps_people(cohost_client, event):
    start = dt.datetime(2022, 11, 8, 12, 0, tzinfo=dt.UTC)  # 13:00 in Warsaw
    session = SessionFactory(event=event, starts_at=start, ends_at=start + dt.timedelta(hours=1))
    role = SessionRoleFactory(session=session, role="moderator")
    url = reverse("events:manage-session", kwargs={"slug": event.slug, "pk": session.pk})
    page = cohost_client.get(url).content.decode()
    assert 'value="13:00"' in page and 'value="14:00"' in page
    assert f'<option value="{role.person.pk}" selected>' in page
    data = session_data(
        day="2022-11-08",
        start="13:00",
        end="14:30",
        title="Renamed",
        people=[{"person": str(role.person.pk), "role": "chair"}],
        **{"people-INITIAL_FORMS": "1"},
    )
    assert cohost_client.post(url, data).status_code == 302
    session.refresh_from_db()
    assert session.title == "Renamed"
    assert session.ends_at == dt.datetime(2022, 11, 8, 13, 30, tzinfo=dt.UTC)
    assert [r.role for r in session.roles.all()] == ["chair"]


def test_session_form_errors_are_shown_next_to_fields(cohost_client, event):
    url = reverse("events:manage-session-new", kwargs={"slug": event.slug})
    response = cohost_client.post(
        url, session_data(title="Backwards", start="11:00", end="10:00", abstract="Kept")
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "A session must end after it starts." in content
    assert "Kept" in content and 'value="Backwards"' in content
    assert not Session.objects.exists()
    response = cohost_client.post(
        url,
        session_data(
            people=[{"name": "Someone", "organisation": "Nowhere Inc.", "role": "speaker"}]
        ),
    )
    assert "No organisation of this name in the directory." in response.content.decode()


def test_delete_asks_then_removes(cohost_client, event):
    session = SessionFactory(event=event, title="To go")
    url = reverse("events:manage-session-delete", kwargs={"slug": event.slug, "pk": session.pk})
    assert "Yes, delete the session" in cohost_client.get(url).content.decode()
    assert Session.objects.filter(pk=session.pk).exists()
    assert cohost_client.post(url).status_code == 302
    assert not Session.objects.filter(pk=session.pk).exists()


def test_event_details_are_saved(cohost_client, event):
    url = reverse("events:manage", kwargs={"slug": event.slug})
    assert cohost_client.get(url).status_code == 200
    data = {
        "description": "Two days of clusters and regions.",
        "venue": "",
        "starts_on": "2022-11-07",
        "ends_on": "2022-11-08",
        "time_zone": "Europe/Warsaw",
        "status": "postponed",
        "status_notice": "Moved by a week.",
        "capacity": "250",
        "registration_open": "on",
        "languages": "en, PL",
        "co_located_with": "",
        "report": "",
    }
    assert cohost_client.post(url, data).status_code == 302
    event.refresh_from_db()
    assert event.capacity == 250 and event.languages == ["en", "pl"]
    assert event.status == "postponed" and event.registration_open
    data.update(ends_on="2022-11-01", languages="english!")
    response = cohost_client.post(url, data)
    assert response.status_code == 200
    assert "Not a language code" in response.content.decode()


def details_data(event, **changes):
    """The details form as the page shows it for this event, with ``changes``."""
    data = {
        "description": event.description,
        "venue": event.venue_id or "",
        "starts_on": event.starts_on.isoformat() if event.starts_on else "",
        "ends_on": event.ends_on.isoformat() if event.ends_on else "",
        "time_zone": event.time_zone,
        "status": event.status,
        "status_notice": event.status_notice,
        "capacity": "" if event.capacity is None else str(event.capacity),
        "languages": ", ".join(event.languages),
        "co_located_with": "",
        "report": "",
    }
    if event.registration_open:
        data["registration_open"] = "on"
    data.update(changes)
    return data


def test_raising_the_capacity_registers_the_first_people_on_the_waiting_list(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    event = open_event(capacity=2)
    confirmed = [sign_up(event) for _ in range(2)]
    waiting = [sign_up(event) for _ in range(3)]
    client.force_login(member_of_cohost(event))
    mailoutbox.clear()
    url = reverse("events:manage", kwargs={"slug": event.slug})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, details_data(event, capacity="4"))
    assert response.status_code == 302
    statuses = [Registration.objects.get(pk=r.pk).status for r in confirmed + waiting]
    assert statuses == [CONFIRMED, CONFIRMED, CONFIRMED, CONFIRMED, WAITLISTED]
    assert [m.to for m in mailoutbox] == [[waiting[0].user.email], [waiting[1].user.email]]
    assert all("is now yours" in m.subject for m in mailoutbox)
    assert selectors.waiting_list_position(Registration.objects.get(pk=waiting[2].pk)) == 1
    history = client.get(url).content.decode()
    assert "Capacity changed: 2 → 4" in history
    assert history.count("Someone moved up from the waiting list") == 2


def test_the_history_shows_who_changed_which_details(client, event):
    cohost = member_of_cohost(event)
    cohost.full_name = "Ewa Zielińska"
    cohost.save()
    client.force_login(cohost)
    url = reverse("events:manage", kwargs={"slug": event.slug})
    assert "Nothing has been recorded yet." in client.get(url).content.decode()
    client.post(url, details_data(event, status_notice="Moved by a week."))
    page = client.get(url).content.decode()
    assert "Event details changed: status_notice" in page
    assert "Ewa Zielińska" in page
    client.force_login(UserFactory(is_staff=True))
    assert "Event details changed: status_notice" in client.get(url).content.decode()


@pytest.mark.parametrize("count", [1, 4])
def test_details_page_query_count(cohost_client, event, django_assert_num_queries, count):
    for index in range(count):
        cohost_client.post(
            reverse("events:manage", kwargs={"slug": event.slug}),
            details_data(event, status_notice=f"Notice {index}"),
        )
    url = reverse("events:manage", kwargs={"slug": event.slug})
    # Session, user, event, the co-host check; the form's choices (ecosystems and priorities
    # twice, articles, venues, events); the history with its actors in one query.
    with django_assert_num_queries(QUERIES_OF_THE_DETAILS_PAGE):
        response = cohost_client.get(url)
    assert response.status_code == 200


def test_room_name_clash_is_shown(cohost_client, event):
    RoomFactory(event=event, name="Hall A")
    url = reverse("events:manage-rooms", kwargs={"slug": event.slug})
    response = cohost_client.post(url, {"action": "add", "new-name": "Hall A", "new-position": "1"})
    assert response.status_code == 200
    assert "already has a room of this name" in response.content.decode()


def test_removing_a_room_asks_first(cohost_client, event):
    room = RoomFactory(event=event, name="Hall A")
    session = SessionFactory(event=event, room=room)
    url = reverse("events:manage-rooms", kwargs={"slug": event.slug})
    asked = cohost_client.post(url, {"action": "delete", "room": room.pk})
    assert asked.status_code == 200
    page = asked.content.decode()
    assert "Remove the room “Hall A”?" in page and f'href="{url}"' in page
    assert Room.objects.filter(pk=room.pk).exists()
    response = cohost_client.post(url, {"action": "delete", "room": room.pk, "confirmed": "yes"})
    assert response.status_code == 302
    assert not Room.objects.filter(pk=room.pk).exists()
    session.refresh_from_db()
    assert session.room is None


# Materials ---------------------------------------------------------------------------------------


def test_material_upload_checks_the_file(cohost_client, event, settings):
    session = SessionFactory(event=event)
    url = reverse("events:manage-materials", kwargs={"slug": event.slug, "pk": session.pk})
    program = SimpleUploadedFile("slides.pdf", b"MZ\x90\x00" + b"\x00" * 100)
    response = cohost_client.post(url, {"title": "My slides", "kind": "slides", "file": program})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Upload a PDF, PowerPoint" in content
    assert 'value="My slides"' in content  # other input kept
    empty = SimpleUploadedFile("slides.pdf", b"")
    content = cohost_client.post(url, {"kind": "slides", "file": empty}).content.decode()
    assert "The file is empty." in content
    settings.MODUS_MAX_MATERIAL_BYTES = 50
    big = SimpleUploadedFile("slides.pdf", b"%PDF-1.7" + b"0" * 100)
    content = cohost_client.post(url, {"kind": "slides", "file": big}).content.decode()
    assert "The file is too large" in content
    assert not Material.objects.exists()

    settings.MODUS_MAX_MATERIAL_BYTES = 1000
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    good = SimpleUploadedFile("talk.pptx", buffer.getvalue())
    response = cohost_client.post(url, {"title": "", "kind": "slides", "file": good})
    assert response.status_code == 302
    material = Material.objects.get()
    assert material.title == "talk"
    assert "talk" in cohost_client.get(url).content.decode()
    # Removing it asks first.
    removal = {"action": "delete", "material": material.pk}
    assert "Remove the file “talk”?" in cohost_client.post(url, removal).content.decode()
    assert Material.objects.filter(pk=material.pk).exists()
    assert cohost_client.post(url, {**removal, "confirmed": "yes"}).status_code == 302
    assert not Material.objects.exists()


# Query counts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 3])
def test_agenda_editor_query_count(cohost_client, event, django_assert_num_queries, count):
    for _ in range(count):
        session = SessionFactory(event=event, room=RoomFactory(event=event))
        SessionRoleFactory(session=session, person__organisation=OrganisationFactory())
        SessionRoleFactory(session=session)
    url = reverse("events:manage-agenda", kwargs={"slug": event.slug})
    with django_assert_num_queries(6):
        response = cohost_client.get(url, {"day": "2022-11-07"})
    assert response.status_code == 200
    assert response.content.decode().count("<tr id=") == count


def test_event_page_links_to_the_editor_for_cohosts_only(client, event):
    url = event.get_absolute_url()
    assert "Manage this event" not in client.get(url).content.decode()
    client.force_login(member_of_cohost(EventFactory()))
    assert "Manage this event" not in client.get(url).content.decode()
    client.force_login(member_of_cohost(event))
    page = client.get(url).content.decode()
    assert "Manage this event" in page
    assert reverse("events:manage-agenda", kwargs={"slug": event.slug}) in page


def test_event_details_show_the_host_region_and_city_read_only(cohost_client, event):
    event.region = RegionFactory(code="PL22", name="Śląskie")
    event.city, event.country_code = "Katowice", "PL"
    event.save()
    url = reverse("events:manage", kwargs={"slug": event.slug})
    html = cohost_client.get(url).content.decode()
    facts = html[html.index('<dl class="facts">') :]
    facts = facts[: facts.index("</dl>")]
    assert "<dt>Host region</dt>" in facts and "Śląskie" in facts and "NUTS PL22" in facts
    assert "<dt>City</dt>" in facts and "Katowice" in facts
    assert "They cannot be changed here" in html
    assert 'name="region"' not in html and 'name="city"' not in html


def test_event_details_say_when_region_and_city_are_not_set(cohost_client, event):
    url = reverse("events:manage", kwargs={"slug": event.slug})
    html = cohost_client.get(url).content.decode()
    facts = html[html.index('<dl class="facts">') :]
    assert facts[: facts.index("</dl>")].count("Not set") == 2


def test_an_end_before_the_start_is_said_next_to_the_dates(cohost_client, event):
    url = reverse("events:manage", kwargs={"slug": event.slug})
    response = cohost_client.post(url, details_data(event, ends_on="2022-11-01"))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["ends_on"] == ["An event cannot end before it starts."]
    assert not form.non_field_errors()
    assert "is violated" not in response.content.decode()
    event.refresh_from_db()
    assert event.ends_on == dt.date(2022, 11, 8)


def test_a_session_kept_outside_the_event_days_needs_the_box_ticked(cohost_client, event):
    session = SessionFactory(
        event=event,
        starts_at=dt.datetime(2022, 11, 10, 9, tzinfo=dt.UTC),
        ends_at=dt.datetime(2022, 11, 10, 10, tzinfo=dt.UTC),
        outside_event_days=False,
    )
    url = reverse("events:manage-session", args=[event.slug, session.pk])
    response = cohost_client.post(url, session_data(day="2022-11-10", title="Moved"))
    assert response.status_code == 200
    assert response.context["form"].errors["day"]
    response = cohost_client.post(
        url, session_data(day="2022-11-10", title="Moved", outside_event_days="on")
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.title, session.outside_event_days) == ("Moved", True)


def test_a_draft_without_dates_is_managed_until_its_dates_are_set(client):
    draft = EventFactory(status="draft", starts_on=None, ends_on=None, time_zone="Europe/Prague")
    user = UserFactory()
    MembershipFactory(user=user, organisation=EventOrganiserFactory(event=draft).organisation)
    client.force_login(user)
    details = reverse("events:manage", kwargs={"slug": draft.slug})
    assert "dates not set" in client.get(details).content.decode()
    agenda = client.get(reverse("events:manage-agenda", kwargs={"slug": draft.slug}))
    assert "The event's dates are not set yet." in agenda.content.decode()
    new_session = reverse("events:manage-session-new", kwargs={"slug": draft.slug})
    assert client.get(new_session)["Location"] == details
    # It cannot leave the draft without dates; the error is next to the dates.
    data = details_data(draft, starts_on="", ends_on="", status="published")
    form = client.post(details, data).context["form"]
    assert form.errors["starts_on"] == ["Set the dates before the event leaves the draft."]
    draft.refresh_from_db()
    assert draft.status == "draft"
    client.post(details, details_data(draft, starts_on="2030-05-06", ends_on="2030-05-07"))
    draft.refresh_from_db()
    assert draft.days == [dt.date(2030, 5, 6), dt.date(2030, 5, 7)]


def test_moving_the_dates_offers_to_move_the_sessions(cohost_client, event):
    url = reverse("events:manage", kwargs={"slug": event.slug})
    assert "move_sessions" not in cohost_client.get(url).content.decode()  # no sessions yet
    nine = dt.datetime(2022, 11, 7, 9, 0, tzinfo=event.zone)
    session = SessionFactory(event=event, starts_at=nine, ends_at=nine + dt.timedelta(hours=1))
    page = cohost_client.get(url).content.decode()
    assert 'name="move_sessions"' in page and "Move the sessions with the dates" in page
    data = details_data(event, starts_on="2027-11-08", ends_on="2027-11-09", status="published")
    response = cohost_client.post(url, {**data, "move_sessions": "on"})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.starts_at.astimezone(event.zone) == dt.datetime(
        2027, 11, 8, 9, 0, tzinfo=event.zone
    )
    public = cohost_client.get(event.get_absolute_url()).content.decode()
    assert "2027" in public and "7 November 2022" not in public


def test_a_clashing_session_stays_out_of_the_public_agenda_until_published(cohost_client, event):
    Event.objects.filter(pk=event.pk).update(status="published")
    speaker = PersonFactory(name="Anna Kowalska")
    new_url = reverse("events:manage-session-new", kwargs={"slug": event.slug})
    person = [{"person": str(speaker.pk), "role": "speaker"}]
    cohost_client.post(new_url, session_data(title="Keynote", people=person))
    cohost_client.post(
        new_url,
        session_data(title="Panel", kind="panel", start="09:30", end="11:00", people=person),
    )
    keynote, panel = Session.objects.get(title="Keynote"), Session.objects.get(title="Panel")
    assert panel.held_back  # saved while it clashed
    agenda_url = reverse("events:manage-agenda", kwargs={"slug": event.slug})
    editor = cohost_client.get(agenda_url).content.decode()  # (shows the save messages)
    assert "Held back from the public agenda" in editor
    public = cohost_client.get(event.get_absolute_url()).content.decode()
    assert "Keynote" in public and "Panel" not in public
    publish = reverse("events:manage-agenda-publish", kwargs={"slug": event.slug})
    asked = cohost_client.post(publish).content.decode()
    assert "Publish the agenda?" in asked
    assert "Anna Kowalska is in two sessions at once" in asked  # the clash still open
    panel.refresh_from_db()
    assert panel.held_back
    cohost_client.post(publish, {"confirmed": "yes"})
    panel.refresh_from_db()
    assert not panel.held_back and not keynote.held_back
    assert "Panel" in cohost_client.get(event.get_absolute_url()).content.decode()
