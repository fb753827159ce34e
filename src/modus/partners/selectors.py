"""Every read of partners that pages, the API and panels use."""

from django.db.models import Q
from django.utils import timezone

from modus.web.translation_search import search_translated

from .models import Interest, Opportunity, OpportunityKind

PAGE_SIZE = 20


def kinds_for(event=None):
    return (
        OpportunityKind.objects.filter(Q(event=None) | Q(event=event))
        if event
        else (OpportunityKind.objects.filter(event=None))
    )


def opportunities(*, event=None, text="", kind=None, ecosystem=None, country="", today=None):
    """Live opportunities of the event's marketplace (no event: the directory's), filtered."""
    found = (
        Opportunity.objects.live(today)
        .filter(event=event)
        .select_related("organisation__region", "kind")
        .prefetch_related("ecosystems")
    )
    for word in text.split():
        # Title and description in any of their languages, or the keywords or organisation.
        in_texts = search_translated(Opportunity.objects.all(), word).values("pk")
        found = found.filter(
            Q(pk__in=in_texts) | Q(keywords__icontains=word) | Q(organisation__name__icontains=word)
        )
    if kind:
        found = found.filter(kind=kind)
    if ecosystem:
        found = found.filter(ecosystems=ecosystem)
    if country:
        found = found.filter(
            Q(organisation__country_code=country) | Q(target_countries__icontains=country)
        )
    return found.distinct().order_by("-created_at", "-pk").in_language()


def title_hints(text: str, *, event=None, limit=8) -> list[str]:
    """Titles that start a type-ahead list."""
    if len(text.strip()) < 2:
        return []
    found = Opportunity.objects.live().filter(event=event, title__icontains=text.strip())
    return list(found.order_by("title").values_list("title", flat=True).distinct()[:limit])


def moderation_queue(*, event=None):
    return (
        Opportunity.objects.filter(event=event, status=Opportunity.Status.PENDING)
        .select_related("organisation", "kind", "author")
        .order_by("created_at", "pk")
    )


def own_opportunities(user):
    return (
        Opportunity.objects.filter(Q(author=user) | Q(organisation__memberships__user=user))
        .select_related("organisation", "kind", "event")
        .distinct()
    )


def received_interests(user):
    """Contact requests about the user's organisations' opportunities (outside events)."""
    return (
        Interest.objects.filter(
            Q(opportunity__author=user) | Q(opportunity__organisation__memberships__user=user),
            meeting_request__isnull=True,
        )
        .select_related("user", "opportunity__organisation")
        .distinct()
    )


def sent_interests(user):
    return Interest.objects.filter(user=user).select_related(
        "opportunity__organisation", "opportunity__author"
    )


def is_expired(opportunity, today=None) -> bool:
    return opportunity.expires_on < (today or timezone.localdate())
