"""The confirmation page: asked until the post carries the confirmation, repeating its data."""

import pytest
from django.test import RequestFactory

from modus.web.confirm import ask_first

pytestmark = pytest.mark.django_db


def ask(data):
    request = RequestFactory().post("/somewhere/?tab=2", data)
    request.user = None
    return ask_first(
        request, title="Remove it?", detail="It goes.", confirm="Yes, remove", back="/back/"
    )


def test_an_unconfirmed_post_gets_the_page_that_repeats_its_data():
    response = ask({"action": "remove", "pk": ["3", "4"]})
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Remove it?</h1>" in page and "It goes." in page
    assert 'action="/somewhere/?tab=2"' in page
    assert 'name="action" value="remove"' in page
    assert 'name="pk" value="3"' in page and 'name="pk" value="4"' in page
    assert 'name="confirmed" value="yes"' in page
    assert 'href="/back/"' in page


def test_a_confirmed_post_goes_ahead():
    assert ask({"action": "remove", "confirmed": "yes"}) is None
