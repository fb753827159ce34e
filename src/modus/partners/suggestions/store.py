"""Suggestions of an event: the engine's input read from the database, its output stored per
participant (one query to serve), impressions and the requests that follow, the nudge."""

from collections import defaultdict

from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from modus.directory.models import Region, SmartSpecialisationPriority
from modus.matchmaking import selectors as mm_selectors
from modus.matchmaking.models import MeetingRequest
from modus.web.links import absolute_url
from modus.web.tasks import send_email

from ..models import Impression, Nudge, Opportunity, OpportunityKind, Suggestion
from . import engine

K = 10


def _ancestors(region_id, parents):
    codes = []
    while region_id:
        codes.append(region_id)
        region_id = parents.get(region_id)
    return codes


def build_participants(event):
    """The engine's input for ``event``, in a handful of queries."""
    profiles = list(
        mm_selectors.eligible_profiles(event)
        .select_related("organisation__region")
        .prefetch_related("ecosystems")
        .distinct()
    )
    parents = dict(Region.objects.filter(level__gte=1).values_list("code", "parent_id"))
    by_user = {p.user_id: p for p in profiles}
    items = defaultdict(lambda: ([], []))
    targets = defaultdict(lambda: (set(), set()))
    opportunities = (
        Opportunity.objects.live()
        .filter(event=event, author__in=by_user)
        .select_related("kind")
        .prefetch_related("target_regions")
    )
    for opportunity in opportunities:
        item = engine.Item(
            opportunity.pk,
            opportunity.title,
            f"{opportunity.title}. {opportunity.description} {opportunity.keywords}",
        )
        offers, requests = items[opportunity.author_id]
        if opportunity.kind.direction == OpportunityKind.Direction.REQUEST:
            requests.append(item)
        else:
            offers.append(item)
        countries, regions = targets[opportunity.author_id]
        countries.update(opportunity.target_countries)
        regions.update(r.code for r in opportunity.target_regions.all())
    excluded = defaultdict(set)
    requests = MeetingRequest.objects.filter(event=event).values_list(
        "from_profile_id", "to_profile_id"
    )
    for sender, receiver in requests:
        excluded[sender].add(receiver)
        excluded[receiver].add(sender)
    participants = []
    for profile in profiles:
        organisation = profile.organisation
        region = organisation.region if organisation else None
        offers, requests_ = items[profile.user_id]
        countries, regions = targets[profile.user_id]
        participants.append(
            engine.Participant(
                id=profile.pk,
                organisation=organisation.pk if organisation else None,
                country=(organisation.country_code if organisation else "") or "",
                regions=frozenset(_ancestors(region.code, parents) if region else ()),
                region_name=region.name if region else "",
                ecosystems=frozenset(e.key for e in profile.ecosystems.all()),
                offers=profile.offers,
                seeks=profile.seeks,
                offer_items=offers,
                request_items=requests_,
                target_countries=frozenset(countries),
                target_regions=frozenset(regions),
                excluded=frozenset(excluded[profile.pk]),
            )
        )
    return participants


def priorities_of(codes):
    found = defaultdict(list)
    rows = SmartSpecialisationPriority.objects.filter(region__in=codes).select_related("region")
    for priority in rows.prefetch_related("ecosystems"):
        found[priority.region_id].append(
            (
                priority.region.name,
                priority.title,
                frozenset(e.key for e in priority.ecosystems.all()),
            )
        )
    return dict(found)


def compute_for_event(event) -> int:
    """Rank every participant's partners and store the top ``K``; returns the rows stored."""
    participants = build_participants(event)
    codes = {code for p in participants for code in p.regions}
    ranked = engine.rank(participants, priorities=priorities_of(codes), k=K)
    rows = [
        Suggestion(
            profile_id=profile_id,
            candidate_id=entry.candidate,
            rank=position,
            score=entry.score,
            reasons=entry.reasons,
            opportunity_id=entry.opportunity,
        )
        for profile_id, entries in ranked.items()
        for position, entry in enumerate(entries, start=1)
    ]
    with transaction.atomic():
        Suggestion.objects.filter(profile__event=event).delete()
        Suggestion.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def suggestions_for(profile, limit=K):
    """What one participant is shown: one query, still-open pairs only."""
    return list(
        Suggestion.objects.filter(profile=profile)
        .exclude(
            Exists(
                MeetingRequest.objects.filter(
                    Q(from_profile=profile, to_profile=OuterRef("candidate"))
                    | Q(to_profile=profile, from_profile=OuterRef("candidate"))
                )
            )
        )
        .select_related("candidate__user", "candidate__organisation__region", "opportunity")
        .order_by("rank")[:limit]
    )


def log_impressions(profile, suggestions) -> None:
    candidates = [s.candidate_id for s in suggestions]
    if not candidates:
        return
    Impression.objects.filter(profile=profile, candidate_id__in=candidates).update(
        times=F("times") + 1
    )
    Impression.objects.bulk_create(
        [Impression(profile=profile, candidate_id=c) for c in candidates], ignore_conflicts=True
    )


def requests_from_suggestions(event) -> dict:
    """How many of the event's meeting requests followed a suggestion shown to the sender."""
    shown = Impression.objects.filter(
        profile=OuterRef("from_profile"),
        candidate=OuterRef("to_profile"),
        first_shown_at__lte=OuterRef("created_at"),
    )
    return MeetingRequest.objects.filter(event=event).aggregate(
        total=Count("pk"), suggested=Count("pk", filter=Q(Exists(shown)))
    )


FEW_REQUESTS = 3


def send_nudges(event, *, now=None) -> int:
    """Once, before the request deadline: participants who sent fewer than ``FEW_REQUESTS``
    requests get their suggestions by e-mail."""
    now = now or timezone.now()
    mm_settings = mm_selectors.settings_for(event)
    deadline = mm_settings.request_deadline if mm_settings else None
    if not deadline or now > deadline or deadline - now > timezone.timedelta(days=3):
        return 0
    profiles = (
        mm_selectors.eligible_profiles(event)
        .annotate(sent=Count("sent_requests", distinct=True))
        .filter(sent__lt=FEW_REQUESTS)
        .exclude(pk__in=Nudge.objects.values("profile"))
        .select_related("user")
        .distinct()
    )
    sent = 0
    for profile in profiles:
        suggestions = suggestions_for(profile, limit=5)
        if not suggestions:
            continue
        Nudge.objects.create(profile=profile)
        with override(profile.user.preferred_language or "en"):
            body = render_to_string(
                "partners/email/nudge.txt",
                {
                    "profile": profile,
                    "suggestions": suggestions,
                    "link": absolute_url(
                        reverse("matchmaking:marketplace", kwargs={"slug": event.slug})
                    ),
                },
            )
            subject = _("People you should meet at %(event)s") % {"event": event.name}
        send_email.delay(to=[profile.user.email], subject=subject, body=body)
        sent += 1
    return sent
