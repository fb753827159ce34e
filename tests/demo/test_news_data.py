import datetime as dt
import zoneinfo
from pathlib import Path

import pytest

from modus.demo import news_data
from modus.news.models import Article
from tests.factories import EventFactory, OrganisationFactory, RegionFactory

pytestmark = pytest.mark.django_db


def test_demo_news_loads_once_and_links_what_exists():
    author = OrganisationFactory(slug="national-cluster-association-cz")
    eccp = OrganisationFactory(slug="eccp")
    aviation = OrganisationFactory(slug="moravian-silesian-aviation-cluster")
    region = RegionFactory(code="PL22")
    event = EventFactory(slug="clusters-meet-regions-katowice-2022")
    lines = []

    news_data.load(log=lines.append)
    count = Article.objects.count()
    news_data.load(log=lines.append)

    assert Article.objects.count() == count >= 2
    article = Article.objects.get(slug=news_data.KATOWICE_ARTICLE_SLUG)
    assert article.title == "We went to Katowice to attend the Clusters Meet Regions"
    assert article.status == Article.Status.PUBLISHED
    expected = dt.datetime(2022, 12, 15, 20, 48, 34, tzinfo=zoneinfo.ZoneInfo("Europe/Prague"))
    assert article.created_at == expected
    assert article.published_at == expected
    assert article.language == "en"
    assert article.author_organisation == author
    assert set(article.organisations.all()) == {eccp, aviation}
    assert list(article.regions.all()) == [region]
    assert list(article.events.all()) == [event]
    for fact in [
        "Katowice",
        "International Congress Centre",
        "8th Polish Cluster Congress",
        "Upper Silesia",
        "Petr Tomasek",
        "Moravian-Silesian Aviation Cluster",
        "pitching",
        "recorded",
        "Polish Cluster Association",
        "European Commission",
    ]:
        assert fact in article.body + article.lead, fact


def test_demo_news_without_the_other_demo_steps():
    news_data.load(log=lambda line: None)
    article = Article.objects.get(slug=news_data.KATOWICE_ARTICLE_SLUG)
    assert article.author_organisation is None
    assert not article.events.exists()


def test_demo_body_is_our_own_words():

    seed = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_dc329cb9f00816d8.txt"
    if not seed.exists():
        pytest.skip(f"the seed file {seed} is not on this machine")
    sentences = [s.strip() for s in seed.read_text().replace("\n", " ").split(". ") if len(s) > 40]
    ours = news_data.KATOWICE_BODY + news_data.KATOWICE_LEAD
    copied = [sentence for sentence in sentences if sentence in ours]
    assert copied == []
