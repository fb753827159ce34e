"""Layout in three languages and on phones: the Katowice event page holds up in English, Czech and
Polish at desktop and phone size. Nothing scrolls sideways, neither the page nor the facts box,
and the facts box never reaches into the main column."""

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
