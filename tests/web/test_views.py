import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_language_can_be_switched_to_czech(client):
    response = client.post(reverse("set_language"), {"language": "cs", "next": "/"}, follow=True)
    assert response.status_code == 200
    assert response.content.decode().startswith("<!DOCTYPE html>")
    assert 'lang="cs"' in response.content.decode()


def test_the_404_page_offers_a_search_and_the_main_links(client):
    page = client.get("/no-such-page/").content.decode()
    assert 'role="search"' in page and 'type="search"' in page
    assert f'action="{reverse("directory:index")}"' in page
    for name in ("programmes:index", "selection:calls", "directory:regions", "news:index"):
        assert page.count(f'href="{reverse(name)}"') >= 2  # in the menu and on the page
