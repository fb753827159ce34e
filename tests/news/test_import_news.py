from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from modus.news.models import Article
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


def run(*args):
    out, err = StringIO(), StringIO()
    code = 0
    try:
        call_command("import_news", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), err.getvalue()


def test_import_prints_the_new_draft():
    organisation = OrganisationFactory(slug="harbour-news")
    code, out, err = run(
        str(FIXTURES / "harbour_day.txt"),
        "--author-organisation",
        "harbour-news",
        "--language",
        "pl",
    )
    article = Article.objects.get()
    assert code == 0, err
    assert f"id={article.pk}" in out
    assert f"slug={article.slug}" in out
    assert article.status == Article.Status.DRAFT
    assert article.author_organisation == organisation
    assert article.language == "pl"


def test_import_html():
    code, out, _err = run(str(FIXTURES / "harbour_day.html"))
    assert code == 0
    assert Article.objects.get().source_url == "https://news.example.org/harbour-day"


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.txt", "The file is empty. [empty]"),
        (b"\x00\x01binary", "binary.txt", "[binary]"),
        (b"<html><body><p>x</p></body></html>", "page.html", "[no_title]"),
        (b"Title\n\nText", "page.pdf", "[bad_type]"),
    ],
)
def test_bad_files_exit_2_with_a_message(tmp_path, content, name, message):
    path = tmp_path / name
    path.write_bytes(content)
    code, _out, err = run(str(path))
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert not Article.objects.exists()


def test_missing_file_and_unknown_organisation(tmp_path):
    code, _out, err = run(str(tmp_path / "nowhere.txt"))
    assert code == 2
    assert "no such file" in err
    code, _out, err = run(str(FIXTURES / "harbour_day.txt"), "--author-organisation", "nobody")
    assert code == 2
    assert "nobody" in err
    assert not Article.objects.exists()


def test_too_large_file(tmp_path, settings):
    settings.MODUS_MAX_IMPORT_BYTES = 10
    code, _out, err = run(str(FIXTURES / "harbour_day.txt"))
    assert code == 2
    assert "too large" in err
