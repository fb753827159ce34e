import pytest
from django.template import Context, Template
from django.utils import translation

from tests.factories import ArticleFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def render(organisation):
    template = Template("{% load news_panels %}{% organisation_articles organisation %}")
    return template.render(Context({"organisation": organisation}))


def test_the_organisation_panel_lists_its_newest_published_articles():
    organisation = OrganisationFactory()
    ArticleFactory(title="About them", language="en").organisations.add(organisation)
    ArticleFactory(title="O nich", language="cs").organisations.add(organisation)
    ArticleFactory(title="About someone else")
    with translation.override("en"):
        html = render(organisation)
    assert "About them" in html and "O nich" in html
    assert "someone else" not in html
    # Only the article in another language than the reader's is marked as such.
    assert html.count('lang="cs"') == 1 and 'lang="en"' not in html


def test_without_articles_the_panel_says_so():
    assert "No news yet." in render(OrganisationFactory())
