"""The public event pages in a browser: agenda and its filter, a session with a recording that
loads from YouTube only after the visitor clicks, and a speaker's page."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from modus.events.models import Session
from tests.factories import (
    PASSWORD,
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    SessionRoleFactory,
    UserFactory,
)

VIDEO = "https://www.youtube.com/watch?v=abcDEF12345"
PLAYER = "https://www.youtube-nocookie.com/embed/abcDEF12345"


def at(day, hour):
    return dt.datetime.combine(day, dt.time(hour), tzinfo=dt.UTC)


@pytest.fixture
def event(transactional_db):
    event = EventFactory(
        slug="katowice",
        name="Clusters meet Regions: Katowice",
        starts_on=dt.date(2031, 11, 6),
        ends_on=dt.date(2031, 11, 7),
        time_zone="Europe/Warsaw",
        city="Katowice",
    )
    hall, lab = RoomFactory(event=event, name="Hall A"), RoomFactory(event=event, name="Lab B")
    speaker = PersonFactory(name="Jana Nováková", organisation=OrganisationFactory(name="MSAC"))
    opening = SessionFactory(
        event=event,
        title="Opening",
        kind=Session.Kind.OPENING,
        room=hall,
        starts_at=at(event.starts_on, 8),
        ends_at=at(event.starts_on, 9),
    )
    SessionRoleFactory(session=opening, person=speaker, role="chair")
    SessionFactory(
        event=event,
        title="Workshop on drones",
        kind=Session.Kind.WORKSHOP,
        room=lab,
        starts_at=at(event.starts_on, 10),
        ends_at=at(event.starts_on, 11),
    )
    pitching = SessionFactory(
        event=event,
        slug="pitching",
        title="Pitching session",
        kind=Session.Kind.PITCHING,
        room=hall,
        starts_at=at(event.ends_on, 9),
        ends_at=at(event.ends_on, 11),
        recording_url=VIDEO,
    )
    SessionRoleFactory(session=pitching, person=speaker, role="moderator")
    return event


@pytest.mark.browser
def test_agenda_filter_session_recording_and_speaker(ui, event):
    requests = []
    ui.page.on("request", lambda request: requests.append(request.url))
    # No network in the sandbox: the player's address answers with a stand-in page.
    ui.page.route(
        re.compile(r"^https://www\.youtube-nocookie\.com/"),
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<!DOCTYPE html><title>Player</title>"
        ),
    )

    page = ui.goto(event.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(event.name)
    agenda = page.locator("section.agenda")
    expect(agenda.get_by_role("heading", level=3)).to_have_count(2)
    # 08:00 UTC in Warsaw in November is 09:00.
    expect(agenda.locator("li", has_text="Opening")).to_contain_text("09:00–10:00")
    expect(agenda).to_contain_text("Jana Nováková (Chair, MSAC)")
    ui.check("event")

    page.get_by_label("Room").select_option(label="Lab B")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"room=\d+"))
    expect(agenda.locator("li.agenda-item")).to_have_count(1)
    expect(agenda).to_contain_text("Workshop on drones")
    expect(agenda).not_to_contain_text("Pitching session")
    ui.check("event-filtered")

    page.get_by_label("Room").select_option(label="All rooms")
    page.get_by_label("Kind").select_option(label="Pitching")
    page.get_by_role("button", name="Show").click()
    expect(agenda.locator("li.agenda-item")).to_have_count(1)
    ui.check("event-by-kind")
    agenda.get_by_role("link", name="Pitching session").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pitching session")
    expect(page.locator("iframe")).to_have_count(0)
    ui.check("session")

    assert not [url for url in requests if "youtube" in url], "no request to YouTube before a click"
    page.get_by_role("link", name="Load the video from YouTube").click()
    frame = page.locator("section iframe")
    expect(frame).to_have_attribute("src", PLAYER)
    expect(frame).to_have_attribute("title", "Recording: Pitching session")
    expect(page).to_have_url(re.compile(r"/sessions/pitching/$"))  # the link was not followed
    assert any(url.startswith(PLAYER) for url in requests)

    page.get_by_role("link", name="Jana Nováková").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jana Nováková")
    expect(page.locator("main")).to_contain_text("Opening")
    expect(page.locator("main")).to_contain_text("Pitching session")
    ui.check("speaker")


@pytest.mark.browser
def test_recording_link_works_without_javascript(browser, live_server, event):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/events/katowice/sessions/pitching/")
        link = page.get_by_role("link", name="Load the video from YouTube")
        expect(link).to_have_attribute("href", VIDEO)
        expect(page.locator("iframe")).to_have_count(0)
    finally:
        context.close()


@pytest.mark.browser
def test_marked_session_appears_on_my_agenda(ui, event):

    user = UserFactory()
    page = ui.goto("/events/katowice/sessions/pitching/")
    page.get_by_role("link", name="Log in to add this session to your agenda").click()
    ui.check("login")
    page.get_by_label(re.compile("e-mail", re.I)).fill(user.email)
    page.get_by_label(re.compile("password", re.I)).fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/sessions/pitching/$"))
    page.get_by_role("button", name="Add to my agenda").click()
    expect(page.get_by_role("status")).to_contain_text("Added to your agenda.")
    expect(page.get_by_role("button", name="Remove from my agenda")).to_be_visible()
    ui.check("session-marked")
    page.get_by_role("link", name="My agenda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My agenda")
    expect(page.locator("main")).to_contain_text("Pitching session")
    expect(page.locator("main")).to_contain_text("10:00–12:00")
    ui.check("my-agenda")
