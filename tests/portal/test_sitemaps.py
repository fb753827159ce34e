import pytest
from django.urls import reverse

from modus.portal.sitemaps import collect_sitemaps
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_public_pages(client):
    event = EventFactory()
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    html = response.content.decode()
    assert event.get_absolute_url() in html
    assert f"http://testserver{reverse('web:home')}" in html


def test_the_front_pages_come_first_then_each_apps_section():
    sections = list(collect_sitemaps())
    assert sections[0] == "pages"
    assert {"organisations", "regions", "news", "programmes", "events", "calls"} <= set(sections)
