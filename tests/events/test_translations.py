"""Events and sessions in several languages: pages, agenda, exports and the API."""

import datetime as dt

import icalendar
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from modus.events.models import Session
from tests.events.exports_support import agenda_event, assert_valid_json, assert_valid_xml
from tests.events.test_api import authorise, member_of_cohost, sessions_url
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "cs", "pl"]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def event():
    event = agenda_event(
        sessions=3,
        slug="katowice",
        name="Clusters meet Regions: Katowice",
        original_language="en",
        translations={"pl": {"name": "Klastry spotykają regiony: Katowice"}},
    )
    for number, session in enumerate(event.sessions.order_by("starts_at")):
        session.translations = {"pl": {"title": f"Sesja {number}", "abstract": "Opis sesji."}}
        session.save()
    return event


def test_the_event_page_and_agenda_read_in_polish(client, event):
    html = client.get(event.get_absolute_url(), {"lang": "pl"}).content.decode()
    assert "Klastry spotykają regiony: Katowice" in html
    assert '<h4 lang="pl">' in html and "Sesja 0" in html
    assert 'hreflang="pl"' in html and 'hreflang="en"' in html
    assert '<meta property="og:locale" content="pl">' in html


def test_a_czech_reader_gets_the_original_with_a_note(client, event):
    html = client.get(event.get_absolute_url(), {"lang": "cs"}).content.decode()
    assert "Clusters meet Regions: Katowice" in html
    assert 'class="translation-note"' in html


def test_the_agenda_costs_no_extra_query_per_language(client, event):
    client.get(event.get_absolute_url(), {"lang": "en"})
    counts = []
    for language in LANGUAGES:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(event.get_absolute_url(), {"lang": language}).status_code == 200
        counts.append(len(queries))
    assert len(set(counts)) == 1, counts


def test_the_session_page_reads_in_polish(client, event):
    session = event.sessions.order_by("starts_at").first()
    html = client.get(session.get_absolute_url(), {"lang": "pl"}).content.decode()
    assert '<h1 lang="pl">Sesja 0</h1>' in html and "Opis sesji." in html
    assert "Klastry spotykają regiony" in html  # the event's name in the breadcrumbs


@pytest.mark.parametrize("language", LANGUAGES)
def test_frab_exports_validate_in_each_language(client, event, language):
    xml = client.get(reverse("events:schedule-xml", args=[event.slug]), {"lang": language})
    assert_valid_xml(xml.content)
    data = assert_valid_json(
        client.get(reverse("events:schedule-json", args=[event.slug]), {"lang": language}).content
    )
    titles = [
        item["title"]
        for day in data["schedule"]["conference"]["days"]
        for room in day["rooms"].values()
        for item in room
    ]
    assert ("Sesja 0" in titles) == (language == "pl")
    assert (b"Sesja 0" in xml.content) == (language == "pl")


@pytest.mark.parametrize("language", LANGUAGES)
def test_icalendar_parses_in_each_language(client, event, language):
    response = client.get(reverse("events:event-ics", args=[event.slug]), {"lang": language})
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = [str(c["summary"]) for c in calendar.walk("VEVENT")]
    assert ("Sesja 0" in summaries) == (language == "pl")


def test_the_api_round_trips_every_language_of_a_session(api_client):
    event = EventFactory(
        slug="katowice-2022",
        starts_on=dt.date(2022, 11, 7),
        ends_on=dt.date(2022, 11, 8),
        time_zone="Europe/Warsaw",
    )
    authorise(api_client, member_of_cohost(event))
    texts = {
        "en": {"title": "Panel on aviation", "abstract": "Who flies where."},
        "cs": {"title": "Panel o letectví", "abstract": "Kdo kam létá."},
    }
    response = api_client.post(
        sessions_url(event),
        {
            "title": "Panel o lotnictwie",
            "abstract": "Kto dokąd lata.",
            "original_language": "pl",
            "translations": texts,
            "kind": "panel",
            "start": "2022-11-07T10:00:00",
            "end": "2022-11-07T11:00:00",
        },
        format="json",
        HTTP_ACCEPT_LANGUAGE="pl",
    )
    assert response.status_code == 201, response.json()
    session = Session.objects.get()
    assert session.original_language == "pl" and session.translations == texts
    api_client.credentials()
    detail = api_client.get(f"/api/v1/events/{event.slug}/", HTTP_ACCEPT_LANGUAGE="pl").json()
    stored = detail["sessions"][0]
    assert stored["translations"] == {
        "pl": {"title": "Panel o lotnictwie", "abstract": "Kto dokąd lata."},
        **texts,
    }
    for language, expected in texts.items():
        chosen = api_client.get(f"/api/v1/events/{event.slug}/", {"lang": language}).json()
        assert chosen["sessions"][0]["title"] == expected["title"]
        assert chosen["sessions"][0]["shown_language"] == language


def test_a_too_long_translated_title_is_refused(api_client):
    event = EventFactory(starts_on=dt.date(2022, 11, 7), ends_on=dt.date(2022, 11, 8))
    authorise(api_client, member_of_cohost(event))
    response = api_client.post(
        sessions_url(event),
        {
            "title": "Panel",
            "kind": "panel",
            "start": "2022-11-07T10:00:00",
            "end": "2022-11-07T11:00:00",
            "translations": {"cs": {"title": "x" * 300}},
        },
        format="json",
    )
    assert response.status_code == 400
    assert not Session.objects.exists()


def test_a_localised_session_list_saves_originals(event):
    session = Session.objects.in_language("pl").filter(event=event).order_by("starts_at")[0]
    assert session.title == "Sesja 0"
    session.save()
    session.refresh_from_db()
    assert not session.title.startswith("Sesja")


def test_exports_asked_for_in_a_language_without_a_translation_give_the_original(client, event):
    """A German reader (a reader language, not an interface one) gets valid exports in the
    original language."""
    xml = client.get(reverse("events:schedule-xml", args=[event.slug]), HTTP_ACCEPT_LANGUAGE="de")
    assert_valid_xml(xml.content)
    assert b"Sesja 0" not in xml.content
    response = client.get(reverse("events:event-ics", args=[event.slug]), {"lang": "de"})
    calendar = icalendar.Calendar.from_ical(response.content)
    assert "Sesja 0" not in [str(c["summary"]) for c in calendar.walk("VEVENT")]
