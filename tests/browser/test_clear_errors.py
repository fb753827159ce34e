"""Errors where the problem is (issue 11, section 3), as a person meets them: a date error next to
the dates, a confirmation before removing, a 405 with a way back, a 404 with a search, and a login
page that says why. Each page is checked with axe at desktop and phone size."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from modus.events.models import Room
from tests.browser.conftest import log_in, success
from tests.browser.test_agenda_builder import cohost_of
from tests.factories import EventFactory, RoomFactory


@pytest.mark.browser
def test_a_cohost_meets_errors_where_the_problem_is(ui):
    event = EventFactory(
        slug="brno-2030",
        name="Clusters meet Regions: Brno",
        starts_on=dt.date(2030, 5, 6),
        ends_on=dt.date(2030, 5, 7),
        time_zone="Europe/Prague",
    )
    room = RoomFactory(event=event, name="Hall A")
    user = cohost_of(event, "cohost@brno.example")
    page = ui.page

    # Sent to log in: the page says why, and leads back after logging in.
    details = f"/events/{event.slug}/manage/"
    page.goto(ui.url(details), timeout=30_000)  # a cold server's first page, on a busy machine
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    expect(page.locator("main")).to_contain_text(
        "The page you opened is for people who are logged in."
    )
    ui.check("login-says-why")
    log_in(ui, user, details)

    # An end before the start: said next to the end date, not above the form.
    page.locator("[name=ends_on]").fill("2030-05-01")
    page.locator("main form.manage-form").get_by_role("button", name="Save").click()
    row = page.locator(".form-row.field-error").filter(has=page.locator("[name=ends_on]"))
    expect(row).to_contain_text("An event cannot end before it starts.")
    expect(page.locator("main")).not_to_contain_text("is violated")
    ui.check("dates-error")

    # Removing a room asks first; "No" keeps it, "Yes" removes it.
    ui.goto(f"/events/{event.slug}/manage/rooms/")
    page.get_by_role("button", name="Remove Hall A").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Remove the room “Hall A”?")
    ui.check("remove-room-confirmation")
    page.get_by_role("link", name="No, go back").click()
    expect(page.get_by_role("heading", name="Hall A")).to_be_visible()
    page.get_by_role("button", name="Remove Hall A").click()
    page.get_by_role("button", name="Yes, remove the room").click()
    success(page, "The room was removed.")
    assert not Room.objects.filter(pk=room.pk).exists()

    # An action's address opened directly: a page with a way back, not a blank 405.
    response = page.goto(ui.url("/accounts/logout/"))
    assert response.status == 405
    expect(page.get_by_role("heading", level=1)).to_have_text("This address is for an action")
    ui.check("method-not-allowed")
    page.locator("main").get_by_role("link", name="Back to the home page").click()
    expect(page).to_have_url(ui.url("/"))
    ui.check("home")

    # A page that does not exist: a search box and the main links.
    response = page.goto(ui.url("/no-such-page/"))
    assert response.status == 404
    ui.check("not-found")
    search = page.locator("main").get_by_role("search")
    search.get_by_label("Search the directory").fill("aviation")
    search.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/directory/\?q=aviation"))
    ui.check("not-found-search")
