"""Erasing a participant with published meetings: the acceptance test of the erasure.

A programme has a past edition (meetings held, outcomes, ratings, follow-ups, an answer on the
event) and an edition to come (published meetings ahead, a draft). The participant asks to be
erased. Their partners ahead are mailed, the tables are free, the past stays counted, and no page,
export, mail or row names them.
"""

import datetime as dt

import pytest
from django.apps import apps
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone

from modus.accounts import personal_data, services
from modus.activity.services import log_action
from modus.matchmaking import services as matchmaking
from modus.matchmaking.models import (
    MarketplaceProfile,
    Meeting,
    MeetingOutcome,
    MeetingRequest,
    ScheduleVersion,
)
from modus.results.figures import edition_figures
from modus.results.models import EventAnswer, FollowUpAnswer, MeetingRating
from modus.results.services import recompute_edition
from tests.factories import (
    PASSWORD,
    EventOrganiserFactory,
    MarketplaceProfileFactory,
    MatchmakingSettingsFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    UserFactory,
)
from tests.matchmaking.support import accepted, make_version

pytestmark = pytest.mark.django_db

NAME = "Zdzisława Erasmusówna"
EMAIL = "zdzislawa.erasmus@example.org"


@pytest.fixture
def world():
    programme = ProgrammeFactory()
    zdzislawa = UserFactory(email=EMAIL, full_name=NAME)
    person = services.profile_of(zdzislawa)
    person.job_title = "Cluster manager"
    person.save()
    czech = OrganisationFactory(country_code="CZ")

    held = MatchmakingSettingsFactory(
        event__programme=programme,
        event__starts_on=timezone.localdate() - dt.timedelta(days=60),
    ).event
    mine = MarketplaceProfileFactory(event=held, user=zdzislawa, organisation=czech)
    met = [MarketplaceProfileFactory(event=held, organisation__country_code="PL") for _ in range(3)]
    for other in met:
        accepted(mine, other)
    MeetingRequest.objects.filter(from_profile=mine).update(message=f"Hello, {NAME} here.")
    held_version = make_version(held, [(mine, other) for other in met])
    for meeting in held_version.meetings.all():
        MeetingOutcome.objects.create(meeting=meeting, profile=mine, outcome="follow_up")
        MeetingRating.objects.create(meeting=meeting, user=zdzislawa, rating="cooperation")
        FollowUpAnswer.objects.create(
            meeting=meeting, user=zdzislawa, stage="talks", note=f"{NAME} will call."
        )
    EventAnswer.objects.create(
        event=held, user=zdzislawa, usefulness=5, would_return=True, comment=f"— {NAME}"
    )

    ahead_settings = MatchmakingSettingsFactory(event__programme=programme)
    ahead = ahead_settings.event
    cohost = MembershipFactory(organisation=EventOrganiserFactory(event=ahead).organisation).user
    next_mine = MarketplaceProfileFactory(event=ahead, user=zdzislawa, organisation=czech)
    partners = [MarketplaceProfileFactory(event=ahead) for _ in range(3)]
    carol, dan = MarketplaceProfileFactory(event=ahead), MarketplaceProfileFactory(event=ahead)
    for other in partners:
        accepted(next_mine, other)
    accepted(carol, dan)
    ahead_version = make_version(ahead, [(next_mine, other) for other in partners] + [(carol, dan)])
    make_version(ahead, [(next_mine, partners[0])], status=ScheduleVersion.Status.DRAFT)
    left_out = f"m{min(next_mine.pk, carol.pk)}-{max(next_mine.pk, carol.pk)}"
    ahead_version.stats = {  # as a run sums up the meetings it left out
        "unplaced": [{"meeting": left_out, "with": [NAME, carol.display_name], "reason": ""}]
    }
    if next_mine.pk > carol.pk:
        ahead_version.stats["unplaced"][0]["with"].reverse()
    ahead_version.save()
    log_action(  # as a move by hand words it
        ahead,
        "matchmaking.meeting.moved",
        actor=cohost,
        note=f"{NAME} – {partners[0].display_name}: s0 → s2",
    )
    return {
        "user": zdzislawa,
        "held": held,
        "held_version": held_version,
        "met": met,
        "ahead": ahead,
        "ahead_version": ahead_version,
        "partners": partners,
        "others": (carol, dan),
        "cohost": cohost,
    }


def _rows_naming(*texts):
    """Every (model, field) whose stored text contains one of ``texts``, in the whole database."""
    found = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.CharField | models.TextField | models.JSONField):
                continue
            for text in texts:
                rows = model._default_manager.annotate(
                    _as_text=Cast(field.name, models.TextField())
                ).filter(_as_text__icontains=text)
                if rows.exists():
                    found.append(f"{model._meta.label}.{field.name} ~ {text}")
    return found


def test_erasing_a_participant_with_published_meetings(
    world, client, django_capture_on_commit_callbacks
):
    before = edition_figures(world["held"])
    stored = recompute_edition(world["held"])
    assert before["b2b"]["scheduled"] == 3 and before["b2b"]["funnel"]["talks"] == 3
    assert _rows_naming(NAME, EMAIL)  # the scan finds them while they are here
    ahead_meetings = list(world["ahead_version"].meetings.filter(participants__user=world["user"]))
    assert len(ahead_meetings) == 3
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.erase_user(world["user"], password=PASSWORD)

    # The partners are e-mailed, each once, and nobody else.
    partner_emails = sorted(p.user.email for p in world["partners"])
    assert sorted(address for message in mail.outbox for address in message.to) == partner_emails
    for message in mail.outbox:
        assert "a participant who has left the event" in message.body
        assert NAME not in message.body and EMAIL not in message.body

    # The meetings ahead are cancelled (kept as history); their tables are free.
    for meeting in ahead_meetings:
        meeting.refresh_from_db()
        assert meeting.status == Meeting.Status.CANCELLED and meeting.cancelled_at
        assert (
            not Meeting.objects.scheduled()
            .filter(version=world["ahead_version"], slot_id=meeting.slot_id, table=meeting.table)
            .exists()
        )
    carol, dan = world["others"]
    assert world["ahead_version"].meetings.scheduled().get().participants.count() == 2
    world["ahead_version"].refresh_from_db()
    (unplaced,) = world["ahead_version"].stats["unplaced"]
    assert sorted(unplaced["with"]) == sorted([carol.display_name, "Former participant"])
    instance = matchmaking.build_instance(world["ahead"])
    ahead_ids = {p["id"] for p in instance["participants"]}
    assert ahead_ids == {p.participant_id for p in [*world["partners"], carol, dan]}
    assert not Meeting.objects.filter(version__status="draft", version__event=world["ahead"])
    with pytest.raises(ValidationError) as refused:  # no outcome on a cancelled meeting
        matchmaking.record_outcome(
            ahead_meetings[0], actor=world["partners"][0].user, outcome="follow_up"
        )
    assert refused.value.code == "meeting_cancelled"

    # The past stays counted: the results' figures are the same.
    assert edition_figures(world["held"]) == before
    again = recompute_edition(world["held"])
    assert (again.figures, again.invited, again.responses) == (
        stored.figures,
        stored.invited,
        stored.responses,
    )
    assert again.figures["participation"]["registered"] == 4
    assert world["held_version"].meetings.scheduled().count() == 3
    assert MeetingOutcome.objects.filter(meeting__version=world["held_version"]).count() == 3

    # Nothing names the erased person: no row, no page, no export.
    assert _rows_naming(NAME, EMAIL) == []
    pages = []
    partner = world["partners"][0].user
    client.force_login(partner)
    pages.append(client.get(reverse("web:my-agenda")))
    pages.append(client.get(reverse("web:dashboard")))
    pages.append(client.get(reverse("matchmaking:meetings", args=[world["ahead"].slug])))
    pages.append(client.get(reverse("matchmaking:requests", args=[world["ahead"].slug])))
    pages.append(client.get(reverse("accounts:export")))
    client.force_login(world["met"][0].user)
    pages.append(client.get(reverse("web:my-agenda")))
    pages.append(client.get(reverse("matchmaking:meetings", args=[world["held"].slug])))
    client.force_login(world["cohost"])
    pages.append(client.get(reverse("matchmaking:schedule", args=[world["ahead"].slug])))
    pages.append(
        client.get(reverse("events:participants-export", args=[world["ahead"].slug, "csv"]))
    )
    pages.append(client.get(reverse("results:edition", args=[world["held"].slug])))
    for response in pages:
        assert response.status_code == 200, response.request["PATH_INFO"]
        body = b"".join(response) if response.streaming else response.content
        assert NAME.encode() not in body and EMAIL.encode() not in body


def test_the_export_shows_what_the_erasure_removes(world):
    user = world["user"]
    removed = {item["key"] for item in personal_data.erasure_preview(user)}
    data = personal_data.export_personal_data(user)
    for key in (
        "registrations",
        "marketplace_profiles",
        "meeting_requests",
        "meetings",
        "feedback_answers",
    ):
        assert data[key], key
        assert key in removed
    assert len(data["meetings"]) == 6
    assert {m["status"] for m in data["meetings"]} == {"scheduled"}
    assert any(r["message"] == f"Hello, {NAME} here." for r in data["meeting_requests"])


def test_what_is_kept_for_the_figures_belongs_to_nobody(world):
    services.erase_user(world["user"], password=PASSWORD)
    profiles = MarketplaceProfile.objects.filter(user__email__endswith="@erased.invalid")
    assert profiles.count() == 2  # the past edition's and the cancelled meetings' other side
    assert len({profile.user_id for profile in profiles}) == 1  # one stand-in per erasure
    for profile in profiles:
        assert personal_data.is_former(profile.user)
        assert not profile.user.is_active and not profile.user.has_usable_password()
        assert profile.offers == profile.seeks == "" and not profile.opted_in
        assert not profile.ecosystems.exists()
    assert not MeetingRequest.objects.filter(event=world["ahead"], from_profile__in=profiles)
    kept = MeetingRequest.objects.filter(event=world["held"], from_profile__in=profiles)
    assert kept.count() == 3 and set(kept.values_list("message", flat=True)) == {""}
    assert FollowUpAnswer.objects.filter(user=profiles[0].user, note="").count() == 3
