from django.contrib.admin.models import LogEntry
from django.shortcuts import get_object_or_404
from rest_framework.authtoken.models import Token

from modus.activity.models import ActionLogEntry

from .models import Membership, Person


def memberships_of(user):
    """The user's memberships with their organisations, for the profile page."""
    return (
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def public_person_or_404(slug):
    """A person whose profile is public, with their organisation; 404 for anyone else."""
    return get_object_or_404(Person.objects.select_related("organisation"), slug=slug, public=True)


def api_token_of(user):
    """The user's API token, or None."""
    return Token.objects.filter(user=user).first()


# Personal data (declared in ``apps.AccountsConfig.ready``) ------------------------------------


def account_data(user) -> dict:
    return {
        "email": user.email,
        "full_name": user.full_name,
        "preferred_language": user.preferred_language,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "is_staff": user.is_staff,
    }


def person_data(user) -> dict | None:
    person = Person.objects.filter(user=user).select_related("organisation").first()
    if person is None:
        return None
    return {
        "name": person.name,
        "slug": person.slug,
        "job_title": person.job_title,
        "bio": person.bio,
        "photo": person.photo.name or None,
        "public": person.public,
        "organisation": person.organisation.slug if person.organisation else None,
    }


def membership_data(user) -> list[dict]:
    return [
        {
            "organisation": membership.organisation.name,
            "organisation_slug": membership.organisation.slug,
            "role": membership.role,
            "created": membership.created_at.isoformat(),
        }
        for membership in Membership.objects.filter(user=user).select_related("organisation")
    ]


def api_token_data(user) -> list[dict]:
    return [{"created": token.created.isoformat()} for token in Token.objects.filter(user=user)]


def action_data(user) -> list[dict]:
    """The actions the user took, from the action log and the admin's log (what, on what, when)."""
    actions = [
        {"action": entry["action"], "note": entry["note"], "at": entry["at"].isoformat()}
        for entry in ActionLogEntry.objects.filter(actor=user)
        .order_by("at", "pk")
        .values("action", "note", "at")
    ]
    admin = [
        {
            "action": f"admin.{entry['action_flag']}",
            "note": entry["object_repr"],
            "at": entry["action_time"].isoformat(),
        }
        for entry in LogEntry.objects.filter(user=user)
        .order_by("action_time", "pk")
        .values("action_flag", "object_repr", "action_time")
    ]
    return actions + admin
