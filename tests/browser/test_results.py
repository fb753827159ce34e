"""The results of the demo's series as a visitor and as the programme office: the programme's
trends, map, funnel and the cooperation between countries; Katowice's figures from its own
answers; Košice's published ones with their source. In English, Czech and Polish, at desktop and
phone size, axe-checked; every chart opens its table."""

import pytest
from playwright.sync_api import expect

from modus.demo import results_data
from modus.demo.loader import load_demo

from .test_demo_upcoming import demo_log_in, set_language

HEADINGS = {
    "en": ("Results of Clusters meet Regions", "Map", "Cooperation between countries"),
    "cs": ("Výsledky: Clusters meet Regions", "Mapa", "Spolupráce mezi zeměmi"),
    "pl": ("Wyniki: Clusters meet Regions", "Mapa", "Współpraca między krajami"),
}


@pytest.fixture
def series(transactional_db):
    load_demo(organisations=0, log=lambda *args: None)


@pytest.mark.browser
def test_the_series_results_in_three_languages(ui, series):
    for language in ("en", "cs", "pl"):
        set_language(ui, language)
        title, map_heading, countries_heading = HEADINGS[language]
        page = ui.goto(f"/results/programmes/{results_data.PROGRAMME_SLUG}/")
        expect(page.locator("h1")).to_contain_text(title)
        expect(page.get_by_role("heading", name=map_heading, exact=True)).to_be_visible()
        expect(page.get_by_role("heading", name=countries_heading)).to_be_visible()
        charts = page.locator("main svg[role=img]")
        assert charts.count() == 5  # trends, funnel, kinds, ecosystems, the map
        tables = page.locator("main figure details")
        for index in range(tables.count()):
            tables.nth(index).locator("summary").click()
            expect(tables.nth(index).locator("table")).to_be_visible()
        ui.check(f"{language}-programme")

        page = ui.goto(f"/results/events/{results_data.KATOWICE_SLUG}/")
        expect(page.locator("main svg[role=img]")).to_have_count(4)  # kinds, map, funnel, ratings
        ui.check(f"{language}-katowice")

        page = ui.goto(f"/results/events/{results_data.KOSICE_SLUG}/")
        expect(page.locator("main")).to_contain_text("Hemp Cluster")
        ui.check(f"{language}-kosice")

    # The programme office sees every figure, small counts included.
    set_language(ui, "en")
    path = f"/results/programmes/{results_data.PROGRAMME_SLUG}/full/"
    page = demo_log_in(ui, "programme-office", path)
    expect(page.locator("main")).not_to_contain_text("Counts below 5 are not shown")
    ui.check("en-programme-full")
