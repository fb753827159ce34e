import re

import pytest
from django.urls import reverse

from modus.results import services
from tests.factories import EventOrganiserFactory, MembershipFactory, UserFactory

from .conftest import build_edition, record


def numbers_in(html: str) -> list[int]:
    """The figures shown in the page's tables and figure lists."""
    cells = re.findall(r"<(?:td|dd)[^>]*>([\d\u00a0,.\s]+)</(?:td|dd)>", html)
    return [int(re.sub(r"\D", "", cell)) for cell in cells if re.sub(r"\D", "", cell)]


@pytest.mark.parametrize("pairs", [1, 3])
def test_public_edition_page_reads_the_snapshot(client, db, django_assert_max_num_queries, pairs):
    event, _ = build_edition(pairs=pairs)
    services.recompute_edition(event)
    with django_assert_max_num_queries(4):
        response = client.get(reverse("results:edition", kwargs={"slug": event.slug}))
    assert response.status_code == 200


@pytest.mark.parametrize("editions", [1, 3])
def test_public_programme_page_reads_the_snapshot(
    client, db, django_assert_max_num_queries, editions
):
    event, _ = build_edition(pairs=2)
    for _index in range(editions - 1):
        build_edition(event.programme, pairs=2)
    services.recompute_programme(event.programme)
    with django_assert_max_num_queries(3):
        response = client.get(reverse("results:programme", kwargs={"slug": event.programme.slug}))
    assert response.status_code == 200


def test_public_pages_never_show_a_count_below_five(client, db):
    event, meetings = build_edition(pairs=6)
    record(meetings[0], "letter_of_intent")
    record(meetings[1], "follow_up")
    services.recompute_programme(event.programme)
    for url in (
        reverse("results:edition", kwargs={"slug": event.slug}),
        reverse("results:programme", kwargs={"slug": event.programme.slug}),
    ):
        html = client.get(url).content.decode()
        shown = numbers_in(html)
        assert shown and all(n >= 5 for n in shown), (url, shown)
        assert "fewer than 5" in html


def test_the_full_view_shows_small_counts_to_cohosts_only(client, db):
    event, meetings = build_edition(pairs=6)
    record(meetings[0], "letter_of_intent")
    services.recompute_edition(event)
    url = reverse("results:edition-full", kwargs={"slug": event.slug})
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    cohost = MembershipFactory().user
    EventOrganiserFactory(event=event, organisation=cohost.memberships.get().organisation)
    client.force_login(cohost)
    html = client.get(url).content.decode()
    assert 1 in numbers_in(html)


def test_programme_office_sees_the_full_programme(client, db):
    event, _ = build_edition(pairs=2)
    url = reverse("results:programme-full", kwargs={"slug": event.programme.slug})
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    office = UserFactory()
    event.programme.team.add(office)
    client.force_login(office)
    assert client.get(url).status_code == 200


def test_cohost_recomputes_on_request(client, db):
    event, meetings = build_edition(pairs=2)
    services.recompute_edition(event)
    record(meetings[0], "memorandum")
    client.force_login(UserFactory(is_staff=True))
    response = client.post(reverse("results:edition-recompute", kwargs={"slug": event.slug}))
    assert response.status_code == 302
    assert event and services.refresh_stale()["editions"] == 0


@pytest.mark.parametrize(
    ("language", "label"), [("en", "Registered"), ("cs", "Registrovaní"), ("pl", "Zarejestrowani")]
)
def test_the_registered_figure_is_a_number_of_people_not_a_date(client, db, language, label):
    event, _ = build_edition(pairs=1)
    services.recompute_edition(event)
    services.recompute_programme(event.programme)
    for url in (
        reverse("results:edition", kwargs={"slug": event.slug}),
        reverse("results:programme", kwargs={"slug": event.programme.slug}),
    ):
        html = client.get(url, headers={"accept-language": language}).content.decode()
        assert f"<dt>{label}</dt>" in html
        assert "Datum registrace" not in html and "Data rejestracji" not in html


@pytest.mark.parametrize("pairs", [1, 4])
def test_full_pages_and_exports_take_a_fixed_number_of_queries(
    client, db, django_assert_max_num_queries, pairs
):
    event, _ = build_edition(pairs=pairs)
    services.recompute_programme(event.programme)
    office = UserFactory()
    event.programme.team.add(office)
    client.force_login(office)
    for name, slug, extra in (
        ("results:edition-full", event.slug, {}),
        ("results:programme-full", event.programme.slug, {}),
        ("results:edition-export-full", event.slug, {"fmt": "xlsx"}),
        ("results:programme-export-full", event.programme.slug, {"fmt": "csv"}),
    ):
        url = reverse(name, kwargs={"slug": slug, **extra})
        client.get(url)
        with django_assert_max_num_queries(8):
            assert client.get(url).status_code == 200


def test_published_figures_show_what_they_hold_and_a_dash_for_the_rest(client, db):
    event, _ = build_edition(pairs=1)
    services.store_given_figures(
        event,
        {"participation": {"registered": 330}, "b2b": {"scheduled": 145}},
        origin="published",
        source="A news post",
    )
    html = client.get(reverse("results:edition", kwargs={"slug": event.slug})).content.decode()
    assert "Published figures. Source: A news post" in html
    assert "<dd>330</dd>" in html and "<dd>145</dd>" in html
    assert "fewer than 5" not in html.split("Counts below")[1]
    report = client.get(reverse("results:edition-pdf", kwargs={"slug": event.slug}))
    assert report.status_code == 200
