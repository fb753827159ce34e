from django.db.models import Prefetch

from modus.events.selectors import public_events

from .models import Programme


def programmes():
    """Every programme with its owner, the newest first."""
    return Programme.objects.select_related("owner").order_by("-starts_on", "pk").in_language()


def programmes_with_events():
    return (
        Programme.objects.select_related("owner")
        .prefetch_related(
            Prefetch(
                "events", queryset=public_events().order_by("starts_on"), to_attr="public_events"
            )
        )
        .in_language()
    )


def programme_office_slugs(user) -> list[str]:
    """The programmes whose office the user is in, for the personal-data export."""
    return list(user.programme_office_of.values_list("slug", flat=True))
