"""Finding an organisation: search, narrow down with a filter, open its page."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from modus.directory.models import Ecosystem, Region
from modus.directory.services import create_organisation

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


@pytest.mark.browser
def test_a_region_suggests_clusters_with_reasons_and_a_cluster_its_regions(ui, demo):
    """Śląskie's page lists the clusters that fit its priorities; a cluster's page, the regions."""
    ecosystems = {e.key: e for e in Ecosystem.objects.all()}
    regions = Region.objects.in_bulk(["PL22A", "CZ080"])
    inside = create_organisation(
        name="Katowice Hydrogen Cluster",
        kind="cluster",
        region=regions["PL22A"],
        ecosystems=[ecosystems["energy-renewables"]],
    )
    create_organisation(
        name="Ostrava Electromobility Cluster",
        kind="cluster",
        region=regions["CZ080"],
        ecosystems=[ecosystems["mobility-transport-automotive"]],
    )
    page = ui.goto(reverse("directory:region", kwargs={"code": "PL22"}))
    fit = page.locator("section", has=page.locator("#fit-heading"))
    expect(fit).to_contain_text("Katowice Hydrogen Cluster")
    expect(fit).to_contain_text("Ostrava Electromobility Cluster")
    expect(fit).to_contain_text("meets the priority “Emerging industries: mobility” through")
    ui.check("region-fit")
    fit.get_by_role("link", name="Katowice Hydrogen Cluster").click()
    expect(page).to_have_url(re.compile(re.escape(inside.get_absolute_url()) + "$"))
    regions_fit = page.locator("section", has=page.locator("#region-fit-heading"))
    expect(regions_fit).to_contain_text("Śląskie")
    expect(regions_fit).to_contain_text("its priority “Energy” covers")
    ui.check("organisation-region-fit")
