import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from modus.results import services
from tests.factories import UserFactory

from .conftest import build_edition, cohost_of, record


@pytest.fixture
def edition_with_figures(db):
    event, meetings = build_edition(pairs=8, name="=HYPERLINK(1) Katowice")
    record(meetings[0], "letter_of_intent")
    services.recompute_programme(event.programme)
    return event


def _csv(response) -> dict:
    return dict(csv.reader(io.StringIO(response.content.decode())))


def test_public_csv_has_every_figure_with_small_counts_suppressed(
    client, edition_with_figures, django_assert_max_num_queries
):
    event = edition_with_figures
    with django_assert_max_num_queries(3):
        response = client.get(reverse("results:edition-export", args=[event.slug, "csv"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = _csv(response)
    assert rows["b2b.scheduled"] == "8"
    assert rows["b2b.funnel.agreement"] == "<5"
    assert rows["edition.name"] == "'=HYPERLINK(1) Katowice"  # never a formula
    assert rows["Origin"] == "Computed from the platform's data"


def test_full_xlsx_for_cohosts_only(client, edition_with_figures):
    event = edition_with_figures
    url = reverse("results:edition-export-full", args=[event.slug, "xlsx"])
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(cohost_of(event))
    response = client.get(url)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row[1] for row in sheet.iter_rows(values_only=True)}
    assert rows["b2b.funnel.agreement"] == 1
    assert rows["edition.name"] == "'=HYPERLINK(1) Katowice"


def test_programme_exports_and_unknown_formats(client, edition_with_figures):
    event = edition_with_figures
    slug = event.programme.slug
    rows = _csv(client.get(reverse("results:programme-export", args=[slug, "csv"])))
    assert rows[f"trends.{event.slug}.scheduled"] == "8"
    xlsx = client.get(reverse("results:programme-export", args=[slug, "xlsx"]))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert client.get(reverse("results:programme-export", args=[slug, "ods"])).status_code == 404
    url = reverse("results:programme-export-full", args=[slug, "csv"])
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
