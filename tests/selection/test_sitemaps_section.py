"""The sitemap lists open and closed calls, and the results once published."""

import pytest
from django.contrib.sitemaps.views import sitemap
from django.test import RequestFactory

from modus.selection import services
from modus.selection.models import Call
from modus.selection.sitemaps_section import sitemap_sections

pytestmark = pytest.mark.django_db


def sitemap_text():
    response = sitemap(RequestFactory().get("/sitemap.xml"), sitemaps=sitemap_sections())
    response.render()
    return response.content.decode()


def test_calls_but_not_drafts(host_call):
    draft = services.create_call(
        actor=host_call.office,
        purpose=Call.Purpose.HOST,
        programme=host_call.programme,
        title="Draft call",
    )
    content = sitemap_text()
    assert f"http://testserver{host_call.call.get_absolute_url()}" in content
    assert draft.get_absolute_url() not in content


def test_results_only_once_published(pitch_call):
    results = f"/calls/{pitch_call.call.slug}/results/"
    assert results not in sitemap_text()
    services.publish_results(pitch_call.call, actor=pitch_call.cohost)
    assert results in sitemap_text()
