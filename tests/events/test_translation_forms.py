"""Co-hosts write an event's description and a session's title and abstract in several
languages: one tab per language, the original's own fields, the translations kept apart."""

import pytest
from django.urls import reverse

from modus.events.models import Event, Session

from .agenda_support import new_session
from .test_views_manage import session_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_of(client, cohost):
    client.force_login(cohost)
    return client


def test_the_session_form_has_a_tab_per_language_and_saves_them(client_of, event):
    url = reverse("events:manage-session-new", kwargs={"slug": event.slug})
    page = client_of.get(url).content.decode()
    assert 'href="#translation-pl"' in page and 'name="title__pl"' in page
    assert 'name="original_language"' in page and 'name="abstract__cs"' in page
    data = session_data(
        title="Pitching session",
        kind="pitching",
        original_language="en",
        title__pl="Sesja pitchingowa",
        abstract__pl="Uczestnicy przedstawiają projekty.",
    )
    assert client_of.post(url, data).status_code == 302
    session = Session.objects.get(event=event)
    assert session.title == "Pitching session"
    assert session.translations == {
        "pl": {"title": "Sesja pitchingowa", "abstract": "Uczestnicy przedstawiają projekty."}
    }


def test_editing_a_session_shows_its_original_and_its_translations(client_of, event, cohost):
    session = new_session(event, cohost, title="Opening")
    Session.objects.filter(pk=session.pk).update(translations={"pl": {"title": "Otwarcie"}})
    url = reverse("events:manage-session", kwargs={"slug": event.slug, "pk": session.pk})
    page = client_of.get(url, HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert 'name="title" value="Opening"' in page  # the original, never the reader's language
    assert 'name="title__pl" value="Otwarcie"' in page


def test_a_too_long_translated_title_shows_next_to_its_field(client_of, event):
    url = reverse("events:manage-session-new", kwargs={"slug": event.slug})
    response = client_of.post(url, session_data(title__cs="x" * 251))
    assert response.status_code == 200
    assert response.context["form"].errors["title__cs"]


def test_the_event_form_writes_the_description_in_each_language(client_of, event):
    Event.objects.filter(pk=event.pk).update(translations={"pl": {"name": "Klastry: Katowice"}})
    url = reverse("events:manage", kwargs={"slug": event.slug})
    page = client_of.get(url).content.decode()
    assert 'name="description__pl"' in page and 'name="name__pl"' not in page
    data = {
        "description": "Two days of clusters and regions.",
        "description__pl": "Dwa dni klastrów i regionów.",
        "original_language": "en",
        "starts_on": event.starts_on.isoformat(),
        "ends_on": event.ends_on.isoformat(),
        "time_zone": event.time_zone,
        "status": event.status,
        "languages": "en, pl",
    }
    response = client_of.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    event.refresh_from_db()
    assert event.translations == {
        "pl": {"name": "Klastry: Katowice", "description": "Dwa dni klastrów i regionów."}
    }
