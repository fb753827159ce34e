"""The programme office's path through an edition's agenda (issue 11, section 4): moving the
dates moves the sessions along, and a session saved while it clashes stays out of the public
agenda until the agenda is published, after a confirmation. axe at desktop and phone size."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from modus.events import services
from modus.events.models import Session
from tests.browser.conftest import log_in, success
from tests.factories import EventFactory, PersonFactory, ProgrammeFactory, UserFactory


@pytest.mark.browser
def test_the_office_moves_an_edition_and_publishes_its_agenda(ui):
    office = UserFactory(email="office@example.org", full_name="Olga Office")
    programme = ProgrammeFactory(name="Clusters meet Regions", slug="cmr")
    programme.team.add(office)
    event = EventFactory(
        slug="cmr-brno",
        name="Clusters meet Regions: Brno",
        programme=programme,
        status="published",
        starts_on=dt.date(2030, 5, 6),
        ends_on=dt.date(2030, 5, 7),
        time_zone="Europe/Prague",
    )
    zone = event.zone
    speaker = PersonFactory(name="Anna Kowalska")

    def at(hour):
        return dt.datetime(2030, 5, 6, hour, 0, tzinfo=zone)

    services.create_session(
        event,
        actor=office,
        title="Opening keynote",
        kind="keynote",
        starts_at=at(9),
        ends_at=at(10),
        people=[(speaker, "speaker")],
    )
    page = ui.page
    details = f"/events/{event.slug}/manage/"
    log_in(ui, office, details)

    # The office moves the edition by a week; the sessions move along.
    box = page.get_by_label("Move the sessions with the dates")
    expect(box).to_be_checked()
    page.locator("[name=starts_on]").fill("2030-05-13")
    page.locator("[name=ends_on]").fill("2030-05-14")
    ui.check("details-move-dates")
    page.locator("main form.manage-form").get_by_role("button", name="Save").click()
    success(page, "The event was saved.")
    keynote = Session.objects.get(title="Opening keynote")
    assert keynote.starts_at.astimezone(zone) == dt.datetime(2030, 5, 13, 9, 0, tzinfo=zone)

    # A session saved while it clashes is held back from the public agenda.
    event.refresh_from_db()
    services.create_session(
        event,
        actor=office,
        title="Panel on hydrogen",
        kind="panel",
        starts_at=keynote.starts_at,
        ends_at=keynote.ends_at,
        people=[(speaker, "speaker")],
    )
    ui.goto(f"/events/{event.slug}/")
    expect(page.locator("main")).to_contain_text("Opening keynote")
    expect(page.locator("main")).not_to_contain_text("Panel on hydrogen")
    ui.check("public-before")
    ui.goto(f"/events/{event.slug}/manage/agenda/")
    expect(page.locator("main")).to_contain_text("Held back from the public agenda")
    ui.check("agenda-held-back")
    page.get_by_role("button", name="Publish the agenda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Publish the agenda?")
    expect(page.locator("main")).to_contain_text("Anna Kowalska is in two sessions at once")
    ui.check("publish-agenda-confirmation")
    page.get_by_role("button", name="Yes, publish the agenda").click()
    success(page, "The agenda is published")
    expect(page).to_have_url(re.compile(r"/manage/agenda/"))
    ui.check("agenda-published")
    ui.goto(f"/events/{event.slug}/")
    expect(page.locator("main")).to_contain_text("Panel on hydrogen")
    ui.check("public-after")
