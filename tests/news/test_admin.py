from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from modus.news.models import Article
from tests.factories import ArticleFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"
IMPORT_URL = "admin:news_article_import"


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def upload(name, content, content_type="text/plain"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_import_page_is_linked_from_the_article_list(admin_client):
    response = admin_client.get(reverse("admin:news_article_changelist"))
    assert reverse(IMPORT_URL) in response.content.decode()


def test_staff_import_a_text_page(admin_client):
    organisation = OrganisationFactory(slug="harbour-news")
    response = admin_client.post(
        reverse(IMPORT_URL),
        {
            "file": upload("harbour_day.txt", (FIXTURES / "harbour_day.txt").read_bytes()),
            "author_organisation": "harbour-news",
            "language": "en",
        },
    )
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:news_article_change", args=[article.pk])
    assert article.status == Article.Status.DRAFT
    assert article.author_organisation == organisation
    assert article.title == "Harbour clusters met in Gdańsk"


def test_staff_import_an_html_page(admin_client):
    response = admin_client.post(
        reverse(IMPORT_URL),
        {
            "file": upload(
                "harbour_day.html", (FIXTURES / "harbour_day.html").read_bytes(), "text/html"
            ),
            "language": "pl",
        },
    )
    assert response.status_code == 302
    assert Article.objects.get().language == "pl"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n", "Only .html, .htm and .txt files"),
        ("empty.txt", b"   ", "The file is empty."),
        ("binary.txt", b"\x00\x01\x02binary", "binary data"),
        ("nothing.html", b"<html><body><p>no heading</p></body></html>", "no &lt;h1&gt;"),
    ],
)
def test_bad_files_are_refused_next_to_the_field(admin_client, name, content, message):
    response = admin_client.post(
        reverse(IMPORT_URL), {"file": upload(name, content), "language": "en"}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "errorlist" in response.content.decode()
    assert response.context["form"].errors["file"]
    assert not Article.objects.exists()


def test_too_large_file_is_refused(admin_client, settings):
    settings.MODUS_MAX_IMPORT_BYTES = 50
    response = admin_client.post(
        reverse(IMPORT_URL), {"file": upload("big.txt", b"Title\n\n" + b"w " * 100)}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Article.objects.exists()


def test_unknown_organisation_is_refused_next_to_its_field(admin_client):
    response = admin_client.post(
        reverse(IMPORT_URL),
        {"file": upload("a.txt", b"Title\n\nText"), "author_organisation": "nobody"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["author_organisation"]


def test_import_is_refused_to_people_who_are_not_staff(client):
    client.force_login(UserFactory())
    response = client.post(reverse(IMPORT_URL), {"file": upload("a.txt", b"Title\n\nText")})
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    assert not Article.objects.exists()


def test_import_is_refused_to_anonymous_visitors(client):
    response = client.get(reverse(IMPORT_URL))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_import_is_refused_to_staff_without_the_add_permission(client):
    client.force_login(UserFactory(is_staff=True))
    response = client.post(reverse(IMPORT_URL), {"file": upload("a.txt", b"Title\n\nText")})
    assert response.status_code == 403
    assert not Article.objects.exists()


def test_publish_action(admin_client):
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    empty = ArticleFactory(status=Article.Status.DRAFT, published_at=None, lead="", body="")
    response = admin_client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk, empty.pk]},
        follow=True,
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    empty.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert draft.published_at is not None
    assert empty.status == Article.Status.DRAFT


def test_admin_add_sanitises_the_body_and_makes_the_slug(admin_client):
    response = admin_client.post(
        reverse("admin:news_article_add"),
        {
            "title": "Made in the admin",
            "slug": "",
            "lead": "Lead.",
            "body": '<p onclick="x()">Safe</p><script>bad()</script>',
            "language": "en",
            "status": "published",
            "created_at_0": "2024-01-02",
            "created_at_1": "10:00:00",
            "image_alt": "",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.slug == "made-in-the-admin"
    assert article.body == "<p>Safe</p>"
    assert article.published_at is not None


def test_admin_refuses_an_image_without_description(admin_client, png_bytes):
    response = admin_client.post(
        reverse("admin:news_article_add"),
        {
            "title": "With a picture",
            "language": "en",
            "status": "draft",
            "created_at_0": "2024-01-02",
            "created_at_1": "10:00:00",
            "image": upload("a.png", png_bytes, "image/png"),
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["image_alt"]
    assert not Article.objects.exists()


def test_admin_refuses_a_fake_image(admin_client):
    response = admin_client.post(
        reverse("admin:news_article_add"),
        {
            "title": "With a fake picture",
            "language": "en",
            "status": "draft",
            "created_at_0": "2024-01-02",
            "created_at_1": "10:00:00",
            "image": upload("a.png", b"not an image at all", "image/png"),
            "image_alt": "A picture",
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["image"]


def test_import_form_renders_with_labels(admin_client):
    response = admin_client.get(reverse(IMPORT_URL))
    content = response.content.decode()
    assert response.status_code == 200
    for field in ["file", "author_organisation", "language"]:
        assert f'<label for="id_{field}"' in content
