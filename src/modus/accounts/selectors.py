from django.shortcuts import get_object_or_404

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
