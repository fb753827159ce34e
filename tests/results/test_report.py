import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from modus.results import services

from .conftest import build_edition, record


@pytest.fixture
def katowice(db):
    event, meetings = build_edition(
        pairs=9, name="Clusters meet Regions: Katowice", slug="katowice-2022"
    )
    for meeting in meetings[:6]:
        record(meeting, "letter_of_intent")
    services.recompute_edition(event)
    return event


def test_the_report_of_katowice_opens_and_shows_its_figures(
    client, katowice, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        response = client.get(reverse("results:edition-pdf", args=[katowice.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.metadata.title == "Results of Clusters meet Regions: Katowice"
    text = " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")
    assert "Results of Clusters meet Regions: Katowice" in text
    assert "Scheduled 9" in text  # the meetings
    assert "Agreement 6" in text  # the funnel: six letters of intent
    assert "Funded project fewer than 5" in text  # zero is suppressed in the public report
    assert "Poland" in text and "Czechia" in text


def test_the_report_speaks_the_language_of_the_request(client, katowice):
    response = client.get(
        reverse("results:edition-pdf", args=[katowice.slug]), HTTP_ACCEPT_LANGUAGE="cs"
    )
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Výsledky" in text


def test_no_report_of_an_unknown_edition(client, db):
    assert client.get(reverse("results:edition-pdf", args=["nowhere"])).status_code == 404
