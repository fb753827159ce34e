from django.core.management.base import BaseCommand

from modus.directory.services import load_regions


class Command(BaseCommand):
    help = "Load the 14 industrial ecosystems and every NUTS region (idempotent)."

    def handle(self, *args, **options):
        created = load_regions()
        self.stdout.write(f"Regions and ecosystems: {created} new.")
