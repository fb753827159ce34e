"""Layout in three languages and on phones: the Katowice event page holds up in English, Czech and
Polish at desktop and phone size. Nothing scrolls sideways, neither the page nor the facts box,
and the facts box never reaches into the main column."""

import re

import pytest
from playwright.sync_api import expect

from modus.demo import event_agenda
from modus.demo.programme_data import KATOWICE_SLUG

from .conftest import VIEWPORTS

LANGUAGES = ["en", "cs", "pl"]
HEADINGS = {"en": "Facts", "cs": "Základní údaje", "pl": "Informacje podstawowe"}

# For the page and for the facts box: how far the content reaches beyond the box (scrollWidth
# against clientWidth), and how far any part of the facts reaches past the box's right edge or
# into the column beside it.
MEASURE = """() => {
  const root = document.documentElement;
  const facts = document.querySelector('[aria-labelledby="event-facts-heading"]');
  const box = facts.getBoundingClientRect();
  const column = facts.nextElementSibling.getBoundingClientRect();
  let reach = 0;
  for (const element of facts.querySelectorAll('*')) {
    const rect = element.getBoundingClientRect();
    if (rect.width) reach = Math.max(reach, rect.right - box.right);
  }
  const beside = column.top < box.bottom && column.left > box.left;
  return {
    page: root.scrollWidth - root.clientWidth,
    facts: facts.scrollWidth - facts.clientWidth,
    reach: Math.round(reach),
    overlap: beside ? Math.round(box.right - column.left) : 0,
  };
}"""


def set_language(ui, language):
    ui.page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": ui.base_url}]
    )


def overflow(page) -> dict:
    return page.evaluate(MEASURE)


@pytest.fixture
def katowice(demo):
    event_agenda.load(log=lambda *args: None)
    return KATOWICE_SLUG


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_katowice_event_never_overflows(ui, katowice, language):
    set_language(ui, language)
    page = ui.goto(f"/events/{katowice}/")
    expect(page.locator("#event-facts-heading")).to_have_text(HEADINGS[language])
    problems = []
    for viewport, size in VIEWPORTS.items():
        page.set_viewport_size(size)
        measured = overflow(page)
        if any(value > 0 for value in measured.values()):
            problems.append(f"{viewport}: {measured}")
    page.set_viewport_size(VIEWPORTS["desktop"])
    ui.check(f"{language}-event")
    assert not problems, "the event page overflows:\n" + "\n".join(problems)


def phone(ui):
    ui.page.set_viewport_size(VIEWPORTS["phone"])


@pytest.mark.browser
def test_the_phone_menu_opens_by_click_and_keyboard(ui, katowice):
    page = ui.goto("/")
    ui.check("home")
    phone(ui)
    nav = page.get_by_role("navigation", name="Main")
    expect(nav).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    expect(nav).to_be_visible()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()
    page.get_by_text("Menu", exact=True).click()
    expect(nav).to_be_hidden()
    page.locator("#menu-toggle").focus()
    page.keyboard.press("Space")
    expect(nav.get_by_role("link", name="Directory")).to_be_visible()
    page.set_viewport_size(VIEWPORTS["desktop"])
    expect(page.get_by_text("Menu", exact=True)).to_be_hidden()


@pytest.mark.browser
def test_the_phone_menu_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["phone"])
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/")
        nav = page.get_by_role("navigation", name="Main")
        expect(nav).to_be_hidden()
        page.get_by_text("Menu", exact=True).click()
        expect(nav).to_be_visible()
    finally:
        context.close()


@pytest.mark.browser
def test_phone_directory_filters_fold_and_event_jumps_to_agenda(ui, katowice):
    page = ui.goto("/directory/")
    ui.check("directory")
    phone(ui)
    form = page.get_by_role("search", name="Search the directory")
    expect(form).to_be_hidden()
    page.get_by_text("Search and filters").click()
    expect(form).to_be_visible()
    form.get_by_label("Kind").select_option(label="Cluster organisation")
    form.get_by_role("button", name="Search").click()
    expect(form).to_be_visible()  # open while filters are set
    ui.check("directory-filtered")

    page = ui.goto(f"/events/{katowice}/")
    phone(ui)
    page.get_by_role("link", name="Jump to the agenda").click()
    expect(page).to_have_url(re.compile("#agenda$"))
    expect(page.locator("#agenda")).to_be_in_viewport()
    ui.check("event")
    page.set_viewport_size(VIEWPORTS["desktop"])
    expect(page.get_by_role("link", name="Jump to the agenda")).to_be_hidden()
