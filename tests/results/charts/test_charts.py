import re
import socket

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.urls import reverse

from modus.results import services
from modus.results.charts import svg, worldmap
from modus.results.charts.matrix import heat_map
from tests.factories import UserFactory

from ..conftest import build_edition, record


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def test_a_bar_chart_is_an_image_with_a_title_and_its_figures_in_words():
    rows = [("Meetings", 145), ("Cooperation possible", 40), ("Talks", ""), ("Funded", None)]
    picture = svg.bars(rows, "F")
    assert picture.startswith("<svg ")
    assert 'role="img"' in picture and "aria-labelledby=" in picture
    title_id, desc_id = re.search(r'aria-labelledby="([^" ]+) ([^"]+)"', picture).groups()
    assert f'<title id="{title_id}">F</title>' in picture
    words = "Meetings: 145; Cooperation possible: 40; Talks: –; Funded: fewer than 5"
    assert f'<desc id="{desc_id}">{words}</desc>' in picture
    assert "<script" not in picture and "<!--" not in picture


def test_labels_are_escaped():
    picture = svg.bars([("<b>x</b>", 7)], "<i>t</i>")
    assert "<b>" not in picture and "<i>" not in picture


def test_the_map_is_drawn_with_no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    worldmap.shapes.cache_clear()
    picture = worldmap.draw(
        {"CZ": 40, "PL": 120, "SK": None},
        {"PL": 2},
        title="Map",
        description="words",
        names={"CZ": "Czechia", "PL": "Poland", "SK": "Slovakia"},
    )
    assert 'role="img"' in picture and '<title id="map-title">Map</title>' in picture
    assert '<g class="country pl" fill="#0b4f8a" stroke="#b34700"' in picture
    assert "<title>Poland: 120 (2×)</title>" in picture
    assert "<title>Slovakia: &lt;5</title>" in picture
    assert re.search(r'<g class="country cz" fill="#(8fb3d9|c6d7ea)"', picture)
    # Only Europe and its neighbours: a small picture, not the world's 800 kB.
    assert "country au" not in picture and len(picture) < 400_000


def test_the_heat_map_puts_each_pair_in_both_cells():
    matrix = heat_map(
        {"CZ-PL": {"meetings": 30, "cooperation": 6}, "PL-PL": {"meetings": 9, "cooperation": 0}}
    )
    assert len(matrix["countries"]) == 2
    first, second = matrix["rows"]
    assert first["cells"][1]["meetings"] == second["cells"][0]["meetings"] == 30
    assert first["cells"][1]["shade"] == "heat-4"
    cells = [cell for row in matrix["rows"] for cell in row["cells"]]
    assert sum(1 for cell in cells if not cell["met"]) == 1


def _figures(html: str) -> list[str]:
    return re.findall(r'<figure class="results-[a-z-]+"[^>]*>.*?</figure>', html, re.S)


@pytest.mark.parametrize("full", [False, True])
def test_every_chart_of_the_pages_has_its_table(client, db, full):
    event, meetings = build_edition(pairs=12)
    for meeting in meetings[:6]:
        record(meeting, "letter_of_intent")
    services.recompute_programme(event.programme)
    if full:
        client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for name, slug, charts in (
        ("results:edition", event.slug, 4),
        ("results:programme", event.programme.slug, 5),
    ):
        if full:
            name += "-full"
        html = client.get(reverse(name, kwargs={"slug": slug})).content.decode()
        figures = _figures(html)
        assert len(figures) == charts, name
        for figure in figures:
            assert figure.count('role="img"') == 1
            picture_title = re.search(r"<title id=\"[^\"]+\">([^<]+)</title>", figure).group(1)
            if "<table" not in figure:  # the trends: the editions' table follows the chart
                assert picture_title == "Trends across the editions"
                assert "<caption>Trends across the editions</caption>" in html
        assert "Meetings between countries" in html


def test_the_charts_stylesheet_is_what_pygal_writes_for_our_style():
    """pygal writes its CSS inline, which the site's policy refuses; the static copy must match."""
    path = finders.find("results/pygal.css")
    with open(path, encoding="utf-8") as file:
        assert file.read() == svg.stylesheet()
    picture = svg.bars([("a", 7)], "t")
    assert "<style" not in picture and " style=" not in picture
