"""Nobody ever sees a 500: every public page of the demo, and bad input on each of them."""

import xml.etree.ElementTree as ET
from urllib.parse import urlparse

import pytest
from django.urls import reverse

from modus.demo.loader import load_demo

pytestmark = pytest.mark.django_db

BAD_INPUT = [
    "/directory/?page=abc",
    "/directory/?page=99999",
    "/directory/?q=%22AND%20(%20NEAR%20*&kind=nonsense&country=%00&region=ZZ999&label=platinum",
    "/directory/?ecosystem=%27%3B--",
    "/directory/regions/NOPE/",
    "/directory/organisations/no-such-organisation/",
    "/news/?page=-1",
    "/news/?language=xx",
    "/news/no-such-article/",
    "/events/no-such-event/",
    "/programmes/no-such-programme/",
    "/accounts/people/nobody/",
    "/api/v1/organisations/?search=%22&page=0",
    "/api/v1/organisations/no-such/",
    "/api/v1/regions/?level=nine",
    "/api/v1/events/?date=31-31-2031",
    "/api/v1/events/?programme=%25%25",
    "/calls/no-such-call/",
    "/calls/no-such-call/results/",
    "/calls/applications/999999/",
    "/calls/applications/999999/documents/1/",
    "/calls/reviews/999999/",
]


def sitemap_paths(client):
    root = ET.fromstring(client.get(reverse("sitemap")).content)
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [urlparse(loc.text).path for loc in root.findall("s:url/s:loc", namespace)]


def test_every_public_page_and_bad_input_answers_without_a_server_error(client):
    load_demo(organisations=5, log=lambda line: None)
    paths = sitemap_paths(client)
    assert len(paths) > 30
    for path in paths + BAD_INPUT:
        response = client.get(path)
        assert response.status_code < 500, path
        if response.status_code == 302:  # pages for someone in particular: log in first
            assert response["Location"].startswith(reverse("accounts:login")), path
            continue
        assert response.status_code in (200, 400, 404), (path, response.status_code)
