from django.core.management.base import BaseCommand, CommandError

from modus.events.models import Event
from modus.partners.suggestions import store


class Command(BaseCommand):
    help = "Compute the suggested meetings of an event's participants."

    def add_arguments(self, parser):
        parser.add_argument("event", help="the event's slug")

    def handle(self, *args, event, **options):
        found = Event.objects.filter(slug=event).first()
        if found is None:
            raise CommandError(f"No event {event!r}.")
        self.stdout.write(f"Suggestions stored: {store.compute_for_event(found)}.")
