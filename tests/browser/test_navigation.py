"""The main navigation reaches every public section, and each page passes the checks."""

import re

import pytest
from playwright.sync_api import expect

PROGRAMME = "Clusters meet Regions 2022–2025"
KATOWICE = "Clusters meet Regions: Katowice"


def open_from_main_nav(ui, label: str, url_pattern: str):
    page = ui.page
    page.get_by_role("navigation", name="Main").get_by_role("link", name=label).click()
    expect(page).to_have_url(re.compile(url_pattern))
    current = page.get_by_role("navigation", name="Main").locator("[aria-current=page]")
    expect(current).to_have_text(label)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    return page


@pytest.mark.browser
def test_main_navigation_reaches_every_section(ui, demo):
    ui.goto("/")
    ui.check("home")

    open_from_main_nav(ui, "Regions", r"/directory/regions/$")
    ui.check("regions")

    page = open_from_main_nav(ui, "Programmes", r"/programmes/$")
    ui.check("programmes")

    page.locator("main").get_by_role("link", name=PROGRAMME).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(PROGRAMME)
    ui.check("programme")

    page.locator("main").get_by_role("link", name=re.compile(re.escape(KATOWICE))).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(KATOWICE)
    ui.check("event")

    open_from_main_nav(ui, "News", r"/news/$")
    ui.check("news")

    open_from_main_nav(ui, "Directory", r"/directory/$")
    ui.check("directory")
