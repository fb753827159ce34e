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


REGION_LABELS = {"en": "Region", "cs": "Region", "pl": "Region"}
SEARCH_BUTTONS = {"en": "Search", "cs": "Hledat", "pl": "Szukaj"}


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "cs", "pl"])
def test_the_region_chooser_finds_a_region_by_its_latin_name(ui, demo, language):
    ui.page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": ui.base_url}]
    )
    page = ui.goto("/directory/")
    filters = page.locator("main form[role=search]")
    region = filters.get_by_label(REGION_LABELS[language], exact=True)
    choices = page.locator(f"#{region.get_attribute('list')} option")
    labels = choices.evaluate_all("options => options.map(o => o.label)")
    assert 250 < len(labels) < 444  # NUTS 1 and 2 without the Extra-Regio codes
    assert not any("Extra-Regio" in label for label in labels)
    assert not any(re.search("[\u0370-\u03ff\u0400-\u04ff]", label) for label in labels)
    assert any(label.startswith("Attiki ·") for label in labels)
    ui.check(f"{language}-chooser")

    region.fill("moravskoslezsko")
    filters.get_by_role("button", name=SEARCH_BUTTONS[language]).click()
    expect(page).to_have_url(re.compile(r"[?&]region=moravskoslezsko"))
    expect(page.locator("main").get_by_role("link", name=AVIATION)).to_be_visible()
    expect(filters.get_by_label(REGION_LABELS[language], exact=True)).to_have_value(
        "moravskoslezsko"
    )
    ui.check(f"{language}-region")


LONG_NAME = (
    "Landesentwicklungsgesellschaftsclusterinitiativenkoordinierungsstelle "
    "for Advanced Manufacturing, Energy Efficiency and the Digital Transformation of Small "
    "and Medium-Sized Enterprises in Europe"
)[:200]


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "cs", "pl"])
def test_a_long_organisation_name_wraps_and_shows_its_acronym_once(ui, demo, language):
    create_organisation(slug="long-name", name=LONG_NAME, acronym="LEG", kind="agency")
    ui.page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": ui.base_url}]
    )
    page = ui.goto("/directory/?q=Landesentwicklungsgesellschaftsclusterinitiativen")
    expect(page.locator("main").get_by_role("link", name=LONG_NAME)).to_be_visible()
    ui.check(f"{language}-card")  # fails when the page scrolls sideways, on desktop and phone

    page = ui.goto("/directory/organisations/mck-katowice/")
    expect(page.get_by_role("heading", level=1)).to_have_text("International Congress Centre (MCK)")
    ui.check(f"{language}-acronym")
    page = ui.goto("/directory/organisations/long-name/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{LONG_NAME} (LEG)")
    ui.check(f"{language}-page")


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
