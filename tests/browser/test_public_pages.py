"""What the public sees first: the home page, the seed article, news and a region."""

import re

import pytest
from playwright.sync_api import expect

from modus.directory.models import SmartSpecialisationPriority
from modus.news.models import Article
from modus.news.services import plain_text

from .conftest import squeeze

SEED_TITLE = "We went to Katowice to attend the Clusters Meet Regions"


@pytest.mark.browser
def test_home_page_leads_to_the_seed_article(ui, demo):
    article = Article.objects.get(title=SEED_TITLE)
    page = ui.goto("/")
    expect(page).to_have_title(re.compile("Modus"))
    card = page.locator("article", has=page.get_by_role("link", name=SEED_TITLE))
    expect(card).to_be_visible()
    expect(card).to_contain_text("15 December 2022")
    ui.check("home")

    card.get_by_role("link", name=SEED_TITLE).click()
    expect(page).to_have_url(re.compile(re.escape(article.get_absolute_url()) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(SEED_TITLE)
    first_words = " ".join(plain_text(article.body).split()[:12])
    assert first_words, "the seed article has a body"
    assert first_words in squeeze(page.locator("main").inner_text())
    expect(page.locator("main")).to_contain_text("15 December 2022")
    ui.check("article")


@pytest.mark.browser
def test_news_index_lists_the_seed_article(ui, demo):
    page = ui.goto("/news/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("link", name=SEED_TITLE)).to_be_visible()
    ui.check("news")


@pytest.mark.browser
def test_region_page_shows_its_priorities(ui, demo):
    priorities = list(
        SmartSpecialisationPriority.objects.filter(region_id="PL22").values_list("title", flat=True)
    )
    assert priorities, "the demo gives Śląskie (PL22) its smart-specialisation priorities"
    page = ui.goto("/directory/regions/PL22/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Śląskie")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.locator("[aria-current=page]")).to_have_text("Regions")
    main = page.locator("main")
    for title in priorities:
        expect(main).to_contain_text(title)
    ui.check("region")


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "cs", "pl"])
def test_the_programme_page_shows_the_editions_as_a_numbered_timeline(ui, demo, language):
    ui.page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": ui.base_url}]
    )
    page = ui.goto("/programmes/clusters-meet-regions/")
    timeline = page.locator("ol.timeline")
    expect(timeline).to_be_visible()
    numbers = [
        int(re.sub(r"\D", "", text))
        for text in timeline.locator(".timeline-number").all_inner_texts()
    ]
    assert len(numbers) >= 17
    assert numbers == sorted(numbers) and numbers[:3] == [1, 2, 3]
    assert page.locator("main table").count() == 0  # no table with a status column
    published = {"en": "Published", "cs": "Zveřejněno", "pl": "Opublikowano"}[language]
    assert published not in timeline.inner_text()
    ui.check(f"{language}-timeline")
