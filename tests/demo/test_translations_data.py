"""The demo in several languages: Katowice's agenda and report in Polish, the report in Czech."""

import pytest

from modus.demo import translations_data
from modus.demo.loader import load_demo
from modus.events.models import Event
from modus.news.models import Article
from modus.selection.models import Call

pytestmark = pytest.mark.django_db


@pytest.fixture
def katowice():
    load_demo(organisations=0, log=lambda line: None)
    return Event.objects.get(slug="clusters-meet-regions-katowice-2022")


def test_the_katowice_agenda_is_in_english_and_polish(katowice):
    assert katowice.text_languages == ["en", "pl"]
    sessions = list(katowice.sessions.all())
    assert len(sessions) == len(translations_data.SESSIONS_POLISH)
    assert all(session.text_languages == ["en", "pl"] for session in sessions)
    assert katowice.sessions.get(slug="pitching-session").text_in("title", "pl") == (
        "Sesja pitchingowa"
    )


def test_the_report_is_in_english_czech_and_polish(katowice):
    report = Article.objects.get(slug=translations_data.KATOWICE_ARTICLE_SLUG)
    assert report.original == "en" and report.text_languages == ["en", "cs", "pl"]
    assert report.text_in("title", "cs").startswith("Byli jsme v Katovicích")
    # The same headings in every language: the translation follows the original's structure.
    for language in ("cs", "pl"):
        assert report.text_in("body", language).count("<h2>") == report.body.count("<h2>")


def test_the_call_stays_in_english(katowice):
    assert all(call.text_languages == ["en"] for call in Call.objects.all())


def test_loading_again_writes_nothing(katowice):
    lines = []
    version = katowice.agenda_version
    translations_data.load(log=lines.append)
    katowice.refresh_from_db()
    assert katowice.agenda_version == version
    assert lines == [
        "Translations: Katowice agenda in Polish, report in Czech and Polish (0 written)."
    ]
