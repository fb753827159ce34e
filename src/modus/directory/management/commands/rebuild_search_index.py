from django.core.management.base import BaseCommand

from modus.directory import search
from modus.directory.models import Organisation
from modus.directory.services import refresh_search_text


class Command(BaseCommand):
    help = "Recompute every organisation's search text and rebuild the full-text index."

    def handle(self, *args, **options):
        for organisation in Organisation.objects.select_related("region").iterator(chunk_size=500):
            refresh_search_text(organisation)
        search.rebuild()
        self.stdout.write("Search index rebuilt.")
