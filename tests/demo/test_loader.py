import pytest
from django.apps import apps

from modus.demo.loader import load_demo
from modus.directory.models import Organisation, Region
from modus.events.models import Event
from modus.news.models import Article

pytestmark = pytest.mark.django_db

DEMO_MODELS = [
    "directory.Organisation",
    "directory.SmartSpecialisationPriority",
    "accounts.Person",
    "programmes.Programme",
    "events.Event",
    "events.EventOrganiser",
    "news.Article",
    "events.Venue",
    "events.Room",
    "events.Session",
    "events.SessionRole",
    "accounts.User",
    "events.Registration",
    "matchmaking.MatchmakingSettings",
    "matchmaking.MarketplaceProfile",
    "matchmaking.MeetingRequest",
    "matchmaking.Availability",
    "matchmaking.ScheduleVersion",
    "matchmaking.Meeting",
    "accounts.Membership",
    "selection.Call",
    "selection.CutOff",
    "selection.Criterion",
    "selection.Question",
    "selection.DocumentRequirement",
    "selection.Application",
    "selection.ApplicationDocument",
    "selection.Review",
    "selection.Score",
    "activity.ActionLogEntry",
    "selection.AudienceVote",
    "results.MeetingRating",
    "results.FollowUpAnswer",
    "results.EventAnswer",
    "results.Invitation",
]


def snapshot():
    """Every row of the demo's models, as plain values (timestamps included)."""
    return {
        label: sorted(apps.get_model(label).objects.values_list(), key=lambda row: row[0])
        for label in DEMO_MODELS
    }


def test_the_demo_tells_the_katowice_story():
    load_demo(organisations=20, log=lambda line: None)

    katowice = Event.objects.get(slug="clusters-meet-regions-katowice-2022")
    assert (katowice.starts_on.isoformat(), katowice.ends_on.isoformat()) == (
        "2022-11-07",
        "2022-11-08",
    )
    assert katowice.region_id == "PL22"
    assert katowice.programme.name == "Clusters meet Regions 2022–2025"
    report = Article.objects.get(title="We went to Katowice to attend the Clusters Meet Regions")
    assert report.status == Article.Status.PUBLISHED
    assert katowice in report.events.all()
    assert Region.objects.get(code="PL22").priorities.count() >= 5
    assert Organisation.objects.filter(name="Moravian-Silesian Aviation Cluster").exists()
    assert Organisation.objects.filter(slug__startswith="synthetic-").count() == 20


def test_loading_the_demo_twice_changes_nothing():
    load_demo(organisations=10, log=lambda line: None)
    first = snapshot()
    load_demo(organisations=10, log=lambda line: None)
    second = snapshot()
    for label in DEMO_MODELS:
        assert second[label] == first[label], label
