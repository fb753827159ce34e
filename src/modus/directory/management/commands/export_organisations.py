import sys

from django.core.management.base import BaseCommand

from modus.directory.models import Organisation
from modus.directory.services import export_organisations_csv


class Command(BaseCommand):
    help = "Write every organisation as CSV (to standard output, or --output FILE)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="file to write; standard output if omitted")

    def handle(self, *args, output=None, **options):
        queryset = Organisation.objects.all()
        if output:
            with open(output, "w", encoding="utf-8", newline="") as out:
                count = export_organisations_csv(queryset, out)
            self.stderr.write(f"{count} organisations written to {output}.")
        else:
            export_organisations_csv(queryset, sys.stdout)
