"""What partners holds about a person: opportunities they posted, the interest and contact
requests they sent, and the partners suggested to them (and them to others).

Declared in ``apps.PartnersConfig.ready`` (see ``accounts.personal_data``). Opportunities belong
to their organisation and stay; the author's name goes with the account (SET_NULL).
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from modus.accounts import personal_data

from .models import Impression, Interest, Nudge, Opportunity, Suggestion


def export_opportunities(user) -> list[dict]:
    rows = Opportunity.objects.filter(author=user).select_related("organisation", "event")
    return [
        {
            "title": o.title,
            "description": o.description,
            "organisation": o.organisation.slug if o.organisation else None,
            "event": o.event.slug if o.event else None,
            "status": o.status,
            "posted": o.created_at,
        }
        for o in rows.order_by("created_at", "pk")
    ]


def export_interests(user) -> list[dict]:
    rows = Interest.objects.filter(user=user).select_related("opportunity")
    return [
        {
            "opportunity": i.opportunity.title,
            "message": i.message,
            "status": i.status,
            "sent": i.created_at,
            "answered": i.responded_at,
        }
        for i in rows.order_by("created_at", "pk")
    ]


def erase_interests(erasure) -> None:
    Interest.objects.filter(user=erasure.user).delete()


def export_suggestions(user) -> list[dict]:
    rows = Suggestion.objects.filter(profile__user=user).select_related(
        "profile__event", "candidate__user", "candidate__organisation"
    )
    return [
        {
            "event": s.profile.event.slug,
            "suggested": s.candidate.display_name,
            "organisation": s.candidate.organisation.name if s.candidate.organisation else None,
            "rank": s.rank,
            "reasons": s.reasons,
        }
        for s in rows.order_by("profile", "rank")
    ]


def erase_suggestions(erasure) -> None:
    """Suggestions to the person and of the person to others, what they saw, their nudge."""
    mine = Q(profile__user=erasure.user) | Q(candidate__user=erasure.user)
    Suggestion.objects.filter(mine).delete()
    Impression.objects.filter(mine).delete()
    Nudge.objects.filter(profile__user=erasure.user).delete()


def declare() -> None:
    personal_data.declare(
        "opportunities",
        label=_("Cooperation opportunities you posted"),
        export=export_opportunities,
        covers=["partners.Opportunity.author"],
    )
    personal_data.declare(
        "interests",
        label=_("Your interest in opportunities and contact requests"),
        export=export_interests,
        erase=erase_interests,
        covers=["partners.Interest.user"],
    )
    personal_data.declare(
        "suggestions",
        label=_("Partners suggested to you"),
        export=export_suggestions,
        erase=erase_suggestions,
    )
