import pytest

from modus.news.models import Article
from modus.web.slugs import ascii_slug, free_slug
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_free_slug_folds_letters_and_counts_up_when_taken():
    assert free_slug("Śląskie w Katowicach", Article.objects.all(), fallback="x") == (
        "slaskie-w-katowicach"
    )
    ArticleFactory(slug="slaskie")
    ArticleFactory(slug="slaskie-2")
    assert free_slug("Śląskie", Article.objects.all(), fallback="x") == "slaskie-3"


def test_free_slug_falls_back_and_may_keep_its_own_slug():
    own = ArticleFactory(slug="report")
    assert free_slug("???", Article.objects.all(), fallback="article") == "article"
    assert free_slug("Report", Article.objects.all(), fallback="x", exclude_pk=own.pk) == "report"


def test_ascii_slug_folds_and_cuts():
    assert ascii_slug("Žlutá Říčka, Brno–Ostrava") == "zluta-ricka-brnoostrava"
    assert ascii_slug("Moravskoslezský kraj", max_length=5) == "morav"
