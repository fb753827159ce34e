"""Acceptance 2: a co-host builds a two-day agenda in the browser and is warned about a speaker
clash; a co-host of another event cannot open the editor."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from modus.accounts.models import Membership
from modus.events.models import Session
from tests.factories import (
    PASSWORD,
    EventFactory,
    EventOrganiserFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    UserFactory,
)

DAY_ONE, DAY_TWO = dt.date(2030, 11, 7), dt.date(2030, 11, 8)


def cohost_of(event, email):
    organiser = EventOrganiserFactory(event=event, organisation=OrganisationFactory())
    user = UserFactory(email=email, full_name="Co Host")
    MembershipFactory(user=user, organisation=organiser.organisation, role=Membership.Role.MEMBER)
    return user


def add_session(ui, *, day, title, kind, start, end, room=None, person=None, new_person=None):
    page = ui.page
    page.locator("main").get_by_role("link", name="Add a session").click()
    expect(page.locator("h1")).to_have_text("Add a session")
    expect(page.locator("[name=day]")).to_have_value(day.isoformat())  # the day being viewed
    form = page.locator("main form.manage-form")
    form.locator("[name=title]").fill(title)
    form.locator("[name=kind]").select_option(kind)
    form.locator("[name=day]").select_option(day.isoformat())
    form.locator("[name=start_time]").fill(start)
    form.locator("[name=end_time]").fill(end)
    if room:
        form.locator("[name=room]").select_option(label=room)
    if person:
        form.locator("[name='people-0-person']").select_option(label=person[0])
        form.locator("[name='people-0-role']").select_option(person[1])
    if new_person:
        form.locator("[name='people-0-name']").fill(new_person[0])
        form.locator("[name='people-0-role']").select_option(new_person[1])
    ui.check(f"form-{title.split()[0].lower()}")
    form.get_by_role("button", name="Save the session").click()
    expect(page.locator(".messages")).to_contain_text(f"“{title}” was saved.")


@pytest.mark.browser
def test_cohost_builds_a_two_day_agenda_and_sees_a_clash(ui):
    event = EventFactory(
        slug="katowice-2030",
        name="Clusters meet Regions: Katowice",
        starts_on=DAY_ONE,
        ends_on=DAY_TWO,
        time_zone="Europe/Warsaw",
    )
    RoomFactory(event=event, name="Main hall", position=0)
    RoomFactory(event=event, name="Room B", position=1)
    PersonFactory(name="Anna Kowalska")
    user = cohost_of(event, "cohost@katowice.example")

    page = ui.goto(reverse("accounts:login"))
    ui.check("login")
    page.get_by_label(re.compile("e-mail", re.I)).fill(user.email)
    page.get_by_label(re.compile("password", re.I)).fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))
    ui.check("signed-in")

    agenda_url = reverse("events:manage-agenda", kwargs={"slug": event.slug})
    page = ui.goto(agenda_url)
    expect(page.locator("h1")).to_contain_text("Agenda of")
    expect(page.locator("main")).to_contain_text("No sessions on this day yet.")
    ui.check("agenda-empty")

    add_session(
        ui,
        day=DAY_ONE,
        title="Opening keynote",
        kind="keynote",
        start="09:00",
        end="10:00",
        room="Main hall",
        person=("Anna Kowalska", "speaker"),
    )
    expect(page.locator(".manage-agenda-table")).to_contain_text("09:00–10:00")
    ui.check("day-one")

    page.locator(".day-tabs").get_by_role("link", name=re.compile("8 November 2030")).click()
    expect(page.locator("main")).to_contain_text("No sessions on this day yet.")
    add_session(
        ui,
        day=DAY_TWO,
        title="Pitching session",
        kind="pitching",
        start="14:00",
        end="15:30",
        room="Main hall",
        new_person=("Piotr Nowak", "chair"),
    )
    expect(page.locator(".manage-agenda-table")).to_contain_text("Pitching session")
    expect(page.locator(".manage-agenda-table")).to_contain_text("Piotr Nowak")
    ui.check("day-two")

    page.locator(".day-tabs").get_by_role("link", name=re.compile("7 November 2030")).click()
    add_session(
        ui,
        day=DAY_ONE,
        title="Panel on aviation",
        kind="panel",
        start="09:30",
        end="11:00",
        room="Room B",
        person=("Anna Kowalska", "panellist"),
    )
    clash = "Anna Kowalska is in two sessions at once"
    expect(page.locator(".manage-warnings")).to_contain_text(clash)
    expect(page.locator(".messages")).to_contain_text(clash)
    expect(page.locator("tr.has-warning")).to_have_count(2)
    ui.check("clash")
    assert Session.objects.filter(event=event).count() == 3  # the warning did not block saving

    page.locator(".manage-warnings").get_by_role("link", name="Edit “Panel on aviation”").click()
    expect(page.locator("[name=start_time]")).to_have_value("09:30")
    ui.check("edit-form")
    page.locator("[name=start_time]").fill("10:00")
    page.get_by_role("button", name="Save the session").click()
    expect(page.locator(".messages")).to_contain_text("“Panel on aviation” was saved.")
    expect(page.locator(".manage-warnings")).to_have_count(0)
    expect(page.locator("tr.has-warning")).to_have_count(0)
    ui.check("fixed")
    panel = Session.objects.get(event=event, title="Panel on aviation")
    assert panel.starts_at == dt.datetime(2030, 11, 7, 9, 0, tzinfo=dt.UTC)  # 10:00 CET


@pytest.mark.browser
def test_cohost_of_another_event_is_refused(ui):
    event = EventFactory(slug="katowice-2030", starts_on=DAY_ONE, ends_on=DAY_TWO)
    other_event = EventFactory(slug="ostrava-2030")
    stranger = cohost_of(other_event, "cohost@ostrava.example")
    client = Client()
    client.force_login(stranger)
    ui.page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": ui.base_url}]
    )

    own = ui.goto(reverse("events:manage-agenda", kwargs={"slug": other_event.slug}))
    expect(own.locator("h1")).to_contain_text("Agenda of")
    ui.check("own-event")

    url = reverse("events:manage-agenda", kwargs={"slug": event.slug})
    response = ui.page.goto(ui.url(url))
    assert response.status == 403
    expect(ui.page.locator("h1")).to_have_text("Not allowed")
    expect(ui.page.locator(".manage-agenda-table")).to_have_count(0)
    ui.check("refused")
