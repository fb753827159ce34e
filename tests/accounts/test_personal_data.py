import datetime as dt

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from modus.accounts import personal_data, services
from modus.accounts.models import Person
from modus.activity.services import log_action
from modus.demo.loader import load_demo
from modus.events.models import Session
from modus.matchmaking.models import MarketplaceProfile, Meeting, ScheduleVersion
from modus.partners.models import Interest, Opportunity, OpportunityKind
from modus.results.models import FollowUpAnswer
from modus.selection.models import Application, AudienceVote, Review
from tests.factories import (
    ArticleFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    SessionRoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_export_personal_data_lists_what_we_hold():
    user = UserFactory(email="me@example.org", full_name="Me Myself")
    person = services.profile_of(user)
    MembershipFactory(user=user, organisation=OrganisationFactory(slug="acme"), role="admin")
    services.create_api_token(user)
    programme = ProgrammeFactory(slug="cmr")
    programme.team.add(user)
    ArticleFactory()  # articles have no user author yet: nothing to list

    data = personal_data.export_personal_data(user)

    assert list(data)[:5] == ["exported_at", "user", "person", "memberships", "api_tokens"]
    assert {"programme_office_of", "articles", "registrations", "meetings"} <= set(data)
    assert data["user"]["email"] == "me@example.org"
    assert data["person"]["slug"] == person.slug
    assert data["memberships"][0]["organisation_slug"] == "acme"
    assert data["memberships"][0]["role"] == "admin"
    assert len(data["api_tokens"]) == 1
    assert "key" not in data["api_tokens"][0]
    assert data["programme_office_of"] == ["cmr"]
    assert data["articles"] == []


def test_a_user_without_a_person_exports_none():
    assert personal_data.export_personal_data(UserFactory())["person"] is None


def test_each_app_declares_its_own_data_with_a_label():
    declared = {item.key: item for item in personal_data.declarations()}
    assert declared["articles"].export.__module__ == "modus.news.selectors"
    assert declared["programme_office_of"].export.__module__ == "modus.programmes.selectors"
    assert declared["person"].erase is services.erase_person
    assert all(str(item.label) for item in declared.values())


def test_a_key_is_declared_once():
    declared = personal_data.declarations()[0]
    personal_data.declare(declared.key, label=declared.label, export=declared.export)  # again
    with pytest.raises(ImproperlyConfigured):
        personal_data.declare(declared.key, label="Something else", export=dict)


def _keys_to_a_person():
    """Every foreign key or many-to-many field of every model that points to a user or a person."""
    people = (get_user_model(), Person)
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        for field in model._meta.get_fields():
            if field.is_relation and field.concrete and field.related_model in people:
                yield f"{model._meta.label}.{field.name}"


def test_every_key_to_a_person_is_declared_by_its_app():
    keys = set(_keys_to_a_person())
    assert "events.Registration.user" in keys  # the walk finds them
    assert "results.FollowUpAnswer.user" in keys
    assert keys - personal_data.covered_fields() == set()


def test_an_undeclared_key_is_found():
    declared = personal_data.covered_fields()
    missing = set(_keys_to_a_person()) - (declared - {"matchmaking.MarketplaceProfile.user"})
    assert missing == {"matchmaking.MarketplaceProfile.user"}


def test_the_categories_an_erasure_removes_are_exported():
    erased = {item.key for item in personal_data.declarations() if item.erase}
    assert {
        "registrations",
        "marketplace_profiles",
        "reviews",
        "audience_votes",
        "interests",
        "feedback_answers",
    } <= erased


DEMO_CATEGORIES = (
    "registrations",
    "marketplace_profiles",
    "meeting_requests",
    "meetings",
    "audience_votes",
    "applications",
    "reviews",
    "opportunities",
    "interests",
    "feedback_answers",
)


def test_a_demo_participant_finds_every_category_the_erasure_removes():
    """participant-002 of the demo, as the issue found them, and what the demo lacks for them
    (a jury sheet, an opportunity, a contact request, a follow-up) given by hand."""
    load_demo(organisations=10, log=lambda line: None)
    user = get_user_model().objects.get(email="participant-002@demo.modus.invalid")
    profile = MarketplaceProfile.objects.filter(user=user).select_related("organisation").first()
    meeting = Meeting.objects.filter(
        participants=profile, version__status=ScheduleVersion.Status.PUBLISHED
    ).first()
    if not AudienceVote.objects.filter(user=user).exists():
        pitch = Application.objects.filter(call__purpose="pitches").first()
        AudienceVote.objects.create(call=pitch.call, application=pitch, user=user)
    Review.objects.create(
        application=Application.objects.first(), reviewer=user, stage=Review.Stage.LIVE
    )
    if not Application.objects.filter(created_by=user).exists():
        Application.objects.filter(pk=Application.objects.first().pk).update(created_by=user)
    offer = OpportunityKind.objects.get(event=None, key="offer")
    own = Opportunity.objects.create(
        organisation=profile.organisation,
        kind=offer,
        author=user,
        title="Hydrogen tank tests",
        description="Certified lab tests.",
        expires_on=timezone.localdate() + dt.timedelta(days=30),
    )
    other = Opportunity.objects.create(
        organisation=OrganisationFactory(),
        kind=offer,
        title="Fuel cell buses",
        description="A pilot fleet.",
        expires_on=own.expires_on,
    )
    Interest.objects.create(opportunity=other, user=user, message="Let us talk.")
    FollowUpAnswer.objects.create(meeting=meeting, user=user, stage="talks")
    person = services.profile_of(user)
    SessionRoleFactory(person=person, session=Session.objects.filter(event=profile.event).first())
    log_action(profile.event, "test.demo.touched", actor=user)
    services.create_api_token(user)
    MembershipFactory(user=user, organisation=profile.organisation)

    data = personal_data.export_personal_data(user)

    missing = [key for key in DEMO_CATEGORIES if not data[key]]
    assert missing == []
    erased = {item.key for item in personal_data.declarations() if item.erase}
    assert erased - {key for key, value in data.items() if value} <= {"suggestions"}
    assert (
        len(data["meetings"])
        == Meeting.objects.filter(
            participants=profile, version__status=ScheduleVersion.Status.PUBLISHED
        ).count()
    )
    assert any(r["message"] for r in data["meeting_requests"])
    assert any(review["jury_sheet"] for review in data["reviews"])
    preview = {item["key"]: item["count"] for item in personal_data.erasure_preview(user)}
    assert preview["meetings"] == len(data["meetings"])
