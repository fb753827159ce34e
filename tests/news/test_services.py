import datetime as dt
import zoneinfo
from pathlib import Path

import pytest
from django.utils import timezone

from modus.news.errors import NewsError, NewsImportError, NewsPermissionError
from modus.news.models import Article
from modus.news.services import (
    create_article,
    import_news_page,
    publish_article,
    sanitise_html,
    update_article,
    withdraw_article,
)
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OrganisationFactory,
    RegionFactory,
    UserFactory,
)

FIXTURES = Path(__file__).parent / "fixtures"
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_dc329cb9f00816d8.txt"
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True)


# --- sanitise_html -----------------------------------------------------------------------------


def test_sanitiser_removes_scripts_with_their_content():
    assert sanitise_html("<p>Hello</p><script>alert('x')</script>") == "<p>Hello</p>"


def test_sanitiser_removes_event_handler_attributes():
    cleaned = sanitise_html('<p onclick="steal()">Hi <img src="/a.png" alt="A" onerror="x()"></p>')
    assert "onclick" not in cleaned
    assert "onerror" not in cleaned
    assert '<img src="/a.png" alt="A">' in cleaned


def test_sanitiser_removes_javascript_urls():
    cleaned = sanitise_html(
        '<a href="javascript:alert(1)">x</a><a href="JaVaScRiPt:alert(1)">y</a>'
    )
    assert "javascript" not in cleaned.lower()


def test_sanitiser_forces_rel_on_links():
    cleaned = sanitise_html('<a href="https://example.org" rel="opener" title="T">x</a>')
    assert cleaned == '<a href="https://example.org" title="T" rel="noopener noreferrer">x</a>'


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        ("https://example.org/a.png", True),
        ("http://example.org/a.png", True),
        ("/media/news/a.png", True),
        ("news/a.png", True),
        ("data:image/png;base64,AAAA", False),
        ("javascript:alert(1)", False),
        ("ftp://example.org/a.png", False),
    ],
)
def test_sanitiser_keeps_only_web_and_relative_images(source, kept):
    cleaned = sanitise_html(f'<img src="{source}" alt="x">')
    assert (f'src="{source}"' in cleaned) is kept


def test_sanitiser_keeps_the_allowed_structure():
    source = (
        "<h2>A</h2><h3>B</h3><h4>C</h4><blockquote>q</blockquote><ul><li>1</li></ul>"
        "<ol><li>2</li></ol><figure><img src='/x.png' alt='x'><figcaption>c</figcaption></figure>"
        "<table><thead><tr><th scope='col'>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody>"
        "</table><p><strong>s</strong> <em>e</em><br></p>"
    )
    cleaned = sanitise_html(source)
    for tag in ["h2", "h3", "h4", "blockquote", "ul", "ol", "li", "figure", "figcaption", "table"]:
        assert f"<{tag}" in cleaned
    assert '<th scope="col">' in cleaned
    assert "<strong>s</strong>" in cleaned


def test_sanitiser_drops_style_and_unknown_tags():
    cleaned = sanitise_html(
        '<div style="color:red"><span class="x">text</span><style>p{}</style></div>'
    )
    assert cleaned == "text"


# --- create, update, publish ---------------------------------------------------------------------


def test_create_article_sanitises_and_makes_a_unique_slug(staff):
    first = create_article(title="Grand news!", body="<p>x</p><script>y</script>", actor=staff)
    second = create_article(title="Grand news!", body="<p>z</p>", actor=staff)
    assert first.slug == "grand-news"
    assert second.slug == "grand-news-2"
    assert first.body == "<p>x</p>"
    assert first.status == Article.Status.DRAFT
    assert first.created_at is not None


def test_slug_of_a_title_with_diacritics(staff):
    article = create_article(title="Śląskie: řízení & klastry", actor=staff)
    assert article.slug == "slaskie-rizeni-klastry"


def test_create_article_links_organisations_regions_and_events(staff):
    organisation = OrganisationFactory()
    region = RegionFactory(code="PL22")
    event = EventFactory()
    article = create_article(
        title="Linked",
        actor=staff,
        organisations=[organisation],
        regions=[region],
        events=[event],
    )
    assert list(article.organisations.all()) == [organisation]
    assert list(article.regions.all()) == [region]
    assert list(article.events.all()) == [event]


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"title": "   "}, "empty_title"),
        ({"title": "x" * 301}, "title_too_long"),
        ({"title": "Fine", "language": "xx"}, "bad_language"),
    ],
)
def test_create_article_rejects_bad_input(staff, fields, code):
    with pytest.raises(NewsError) as caught:
        create_article(actor=staff, **fields)
    assert caught.value.code == code
    assert not Article.objects.exists()


def test_people_who_are_not_staff_cannot_write(db):
    member = UserFactory()
    with pytest.raises(NewsPermissionError) as caught:
        create_article(title="Mine", actor=member)
    assert caught.value.code == "not_staff"
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    with pytest.raises(NewsPermissionError):
        publish_article(article, actor=member)
    with pytest.raises(NewsPermissionError):
        update_article(article, actor=member, title="Taken over")
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert article.title != "Taken over"


def test_update_article_sanitises_the_body_and_keeps_the_slug(staff):
    article = create_article(title="Old title", actor=staff)
    update_article(article, actor=staff, title="New title", body='<p onclick="x()">Hi</p>')
    article.refresh_from_db()
    assert article.title == "New title"
    assert article.slug == "old-title"
    assert article.body == "<p>Hi</p>"


def test_update_article_rejects_a_slug_in_use(staff):
    ArticleFactory(slug="taken")
    article = create_article(title="Mine", actor=staff)
    with pytest.raises(NewsError) as caught:
        update_article(article, actor=staff, slug="taken")
    assert caught.value.code == "slug_taken"


def test_publish_article_sets_the_time(staff):
    article = create_article(title="Ready", lead="Lead.", actor=staff)
    before = timezone.now()
    publish_article(article, actor=staff)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at >= before
    assert article.is_public


def test_publish_article_at_a_future_time_schedules_it(staff):
    article = create_article(title="Later", lead="Lead.", actor=staff)
    publish_article(article, actor=staff, at=timezone.now() + dt.timedelta(days=1))
    assert not article.is_public
    assert not Article.objects.published().exists()


def test_publish_twice_or_empty_is_refused(staff):
    empty = create_article(title="Nothing to say", actor=staff)
    with pytest.raises(NewsError) as caught:
        publish_article(empty, actor=staff)
    assert caught.value.code == "empty_body"
    published = ArticleFactory()
    with pytest.raises(NewsError) as caught:
        publish_article(published, actor=staff)
    assert caught.value.code == "already_published"


def test_withdraw_article(staff):
    article = ArticleFactory()
    withdraw_article(article, actor=staff)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert article.published_at is None
    with pytest.raises(NewsError) as caught:
        withdraw_article(article, actor=staff)
    assert caught.value.code == "not_published"


# --- import_news_page ----------------------------------------------------------------------------


def test_import_text_fixture(db):
    article = import_news_page(
        (FIXTURES / "harbour_day.txt").read_bytes(), filename="harbour_day.txt"
    )
    assert article.title == "Harbour clusters met in Gdańsk"
    assert article.status == Article.Status.DRAFT
    assert article.published_at is None
    assert article.lead.startswith("Twelve maritime clusters")
    assert article.body.count("<p>") == 2
    assert "The morning belonged to the port authority, which showed" in article.body
    assert '<a href="https://example.org/slides.pdf" rel="noopener noreferrer">' in article.body
    assert "Created" not in article.body
    assert "Modus | News" not in article.body
    assert article.created_at == dt.datetime(2023, 4, 3, 9, 15, tzinfo=BRUSSELS)
    assert article.slug == "harbour-clusters-met-in-gdansk"


def test_import_text_in_another_time_zone(db):
    article = import_news_page(
        (FIXTURES / "harbour_day.txt").read_text(), time_zone="Europe/London"
    )
    assert article.created_at == dt.datetime(
        2023, 4, 3, 9, 15, tzinfo=zoneinfo.ZoneInfo("Europe/London")
    )


def test_import_text_without_created_line_is_dated_now(db):
    before = timezone.now()
    article = import_news_page("Just a title\n\nOne paragraph.\n")
    assert article.title == "Just a title"
    assert article.lead == "One paragraph."
    assert article.created_at >= before


def test_import_text_whose_only_line_looks_like_chrome_keeps_it_as_title(db):
    article = import_news_page("Clusters | Regions")
    assert article.title == "Clusters | Regions"


def test_import_html_fixture(db):
    organisation = OrganisationFactory(slug="harbour-news")
    article = import_news_page(
        (FIXTURES / "harbour_day.html").read_bytes(),
        filename="harbour_day.html",
        author_organisation=organisation,
        language="pl",
    )
    assert article.title == "Harbour clusters met in Gdańsk"
    assert article.lead.startswith("Twelve maritime clusters")
    assert article.author_organisation == organisation
    assert article.language == "pl"
    assert article.source_url == "https://news.example.org/harbour-day"
    assert article.created_at == dt.datetime(2023, 4, 3, 9, 15, tzinfo=BRUSSELS)
    body = article.body
    assert "<h2>Shore power</h2>" in body
    assert '<a href="https://port.example.org" rel="noopener noreferrer">' in body
    assert '<img src="https://news.example.org/harbour.jpg" alt="Cranes in the harbour">' in body
    for unwanted in [
        "script",
        "alert",
        "onclick",
        "onerror",
        "javascript",
        "tracking",
        "color: red",
        "Example news",
        "Created",
        "<h1",
        "©",
    ]:
        assert unwanted not in body, unwanted


def test_import_html_title_falls_back_to_the_title_element(db):
    article = import_news_page(
        "<html><head><title>Only a title | Site</title></head>"
        "<body><p>Text.</p><p>More.</p></body></html>"
    )
    assert article.title == "Only a title"
    assert article.lead == "Text."
    assert article.body == "<p>More.</p>"


@pytest.mark.skipif(not SEED.exists(), reason=f"the seed file {SEED} is not on this machine")
def test_import_the_real_seed(db):
    article = import_news_page(SEED.read_bytes(), filename=SEED.name)
    assert article.title == "We went to Katowice to attend the Clusters Meet Regions"
    assert article.status == Article.Status.DRAFT
    assert timezone.localtime(article.created_at, BRUSSELS).replace(tzinfo=None) == dt.datetime(
        2022, 12, 15, 20, 48, 34
    )
    assert article.lead.startswith("On 7.11. - 8.11.2022")
    assert "Upper Silesia" in article.body
    assert "Modus | Home page" not in article.body + article.lead


@pytest.mark.parametrize(
    ("content", "filename", "code"),
    [
        (b"", "", "empty"),
        ("   \n\n  ", "", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "", "binary"),
        (bytes(range(1, 32)) * 20, "", "binary"),
        (b"Title\n\nText", "page.pdf", "bad_type"),
        ("<html><body><p>No heading at all</p></body></html>", "page.html", "no_title"),
        ("x" * 400 + "\n\nText", "", "title_too_long"),
        ("Title\n\nText\n\nCreated: 31/02/2022 10:00:00", "", "bad_created"),
    ],
)
def test_bad_imports_raise_codes(db, content, filename, code):
    with pytest.raises(NewsImportError) as caught:
        import_news_page(content, filename=filename)
    assert caught.value.code == code
    assert not Article.objects.exists()


def test_import_too_large_is_refused(db, settings):
    settings.MODUS_MAX_IMPORT_BYTES = 100
    with pytest.raises(NewsImportError) as caught:
        import_news_page("Title\n\n" + "word " * 50)
    assert caught.value.code == "too_large"


def test_import_with_a_bad_language(db):
    with pytest.raises(NewsImportError) as caught:
        import_news_page("Title\n\nText", language="xx")
    assert caught.value.code == "bad_language"


def test_import_by_a_member_is_refused(db):
    with pytest.raises(NewsPermissionError):
        import_news_page("Title\n\nText", actor=UserFactory())
