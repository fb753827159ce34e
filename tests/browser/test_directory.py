"""Finding an organisation: search, narrow down with a filter, open its page."""

import re

import pytest
from playwright.sync_api import expect

AVIATION = "Moravian-Silesian Aviation Cluster"


@pytest.mark.browser
def test_search_and_filter_lead_to_the_organisation_page(ui, demo):
    page = ui.goto("/directory/")
    ui.check("index")

    filters = page.locator("main form[role=search]")
    search = filters.get_by_label("Search", exact=True)
    search.fill("aviation")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=aviation"))
    results = page.locator("main")
    expect(results.get_by_role("link", name=AVIATION)).to_be_visible()
    ui.check("search")

    filters.get_by_label("Kind", exact=True).select_option("cluster")
    filters.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"[?&]kind=cluster"))
    expect(page).to_have_url(re.compile(r"[?&]q=aviation"))
    expect(results.get_by_role("link", name=AVIATION)).to_be_visible()
    ui.check("filtered")

    results.get_by_role("link", name=AVIATION).click()
    expect(page).to_have_url(re.compile(r"/directory/organisations/[\w-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(AVIATION)
    ui.check("organisation")
