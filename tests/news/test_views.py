import datetime as dt
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from modus.news.models import Article
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OrganisationFactory,
    RegionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


class _MetaReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        key = attributes.get("property") or attributes.get("name")
        if tag == "meta" and key:
            self.meta[key] = attributes.get("content")


def meta_tags(response):
    reader = _MetaReader()
    reader.feed(response.content.decode())
    return reader.meta


def test_list_shows_published_articles_newest_first(client):
    now = timezone.now()
    older = ArticleFactory(title="Older news", published_at=now - dt.timedelta(days=3))
    newer = ArticleFactory(title="Newer news", published_at=now - dt.timedelta(days=1))
    ArticleFactory(title="Secret draft", status=Article.Status.DRAFT, published_at=None)
    ArticleFactory(title="Scheduled news", published_at=now + dt.timedelta(days=1))
    response = client.get(reverse("news:index"))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.index(newer.title) < content.index(older.title)
    assert "Secret draft" not in content
    assert "Scheduled news" not in content
    assert f'datetime="{timezone.localtime(newer.created_at).isoformat()}"' in content


def test_list_is_paginated_by_ten(client):
    for _ in range(12):
        ArticleFactory()
    first = client.get(reverse("news:index"))
    assert len(first.context["articles"]) == 10
    second = client.get(reverse("news:index"), {"page": 2})
    assert len(second.context["articles"]) == 2
    assert client.get(reverse("news:index"), {"page": "nonsense"}).status_code == 200


def test_list_filters_by_language(client):
    ArticleFactory(title="In English", language="en")
    ArticleFactory(title="Po polsku", language="pl")
    response = client.get(reverse("news:index"), {"language": "pl"})
    content = response.content.decode()
    assert "Po polsku" in content
    assert "In English" not in content
    unknown = client.get(reverse("news:index"), {"language": "xx"})
    assert unknown.status_code == 200
    assert "In English" in unknown.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count(client, django_assert_num_queries, count):
    organisation = OrganisationFactory()
    for _ in range(count):
        ArticleFactory(author_organisation=organisation)
    with django_assert_num_queries(2):
        response = client.get(reverse("news:index"))
    assert response.status_code == 200


def test_article_page(client):
    author = OrganisationFactory(name="Czech Cluster Association")
    partner = OrganisationFactory(name="Partner Cluster")
    region = RegionFactory(code="PL22", name="Śląskie")
    event = EventFactory(name="Clusters meet Regions: Katowice")
    hidden_event = EventFactory(name="Unannounced event", status="draft")
    article = ArticleFactory(
        title="We went to Katowice",
        lead="A lead about the trip.",
        body="<p>The <strong>body</strong>.</p>",
        author_organisation=author,
    )
    article.organisations.set([partner])
    article.regions.set([region])
    article.events.set([event, hidden_event])
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>We went to Katowice" in content
    assert "<p>The <strong>body</strong>.</p>" in content
    assert f'datetime="{timezone.localtime(article.created_at).isoformat()}"' in content
    assert f'datetime="{timezone.localtime(article.published_at).isoformat()}"' in content
    assert f'href="{author.get_absolute_url()}"' in content
    assert f'href="{partner.get_absolute_url()}"' in content
    assert f'href="{region.get_absolute_url()}"' in content
    assert f'href="{event.get_absolute_url()}"' in content
    assert "Unannounced event" not in content
    assert "Draft" not in content


def test_article_page_opengraph_tags(client):
    article = ArticleFactory(title="Shared widely", lead="Worth sharing.")
    meta = meta_tags(client.get(article.get_absolute_url()))
    assert meta["og:title"] == "Shared widely"
    assert meta["og:description"] == "Worth sharing."
    assert meta["og:type"] == "article"
    assert meta["og:url"] == f"http://testserver{article.get_absolute_url()}"
    assert meta["article:published_time"] == timezone.localtime(article.published_at).isoformat()
    assert meta["twitter:card"] == "summary"
    assert "og:image" not in meta


def test_article_page_image(client, png_bytes):

    article = ArticleFactory(
        image=SimpleUploadedFile("cranes.png", png_bytes, content_type="image/png"),
        image_alt="Cranes in the harbour",
    )
    response = client.get(article.get_absolute_url())
    content = response.content.decode()
    assert f'<img src="{article.image.url}" alt="Cranes in the harbour">' in content
    meta = meta_tags(response)
    assert meta["og:image"] == f"http://testserver{article.image.url}"
    assert meta["twitter:card"] == "summary_large_image"


def test_draft_is_hidden_from_the_public_and_members(client):
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_scheduled_article_is_hidden_from_the_public(client):
    later = ArticleFactory(published_at=timezone.now() + dt.timedelta(hours=2))
    assert client.get(later.get_absolute_url()).status_code == 404


def test_draft_is_shown_to_staff_with_a_badge(client):
    draft = ArticleFactory(title="Work in progress", status=Article.Status.DRAFT, published_at=None)
    client.force_login(UserFactory(is_staff=True))
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert 'class="badge badge-draft">Draft<' in content
    assert meta_tags(response)["robots"] == "noindex"


def test_unknown_article_is_404(client):
    assert client.get(reverse("news:article", kwargs={"slug": "nothing-here"})).status_code == 404


def test_article_body_is_not_escaped_twice_nor_unsafe(client):
    article = ArticleFactory(lead="<script>alert(1)</script>")
    content = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;" in content


def test_home_page_uses_the_card(client):
    ArticleFactory(title="On the home page")
    response = client.get(reverse("web:home"))
    assert "On the home page" in response.content.decode()
