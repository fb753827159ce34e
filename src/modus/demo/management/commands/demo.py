from django.core.management import call_command
from django.core.management.base import BaseCommand

from modus.demo.loader import DEFAULT_SYNTHETIC_ORGANISATIONS, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo data: the Clusters meet Regions programme and its editions, the "
        "organisations of the seed report, Śląskie (PL22) with its priorities, the report as a "
        "news article, and synthetic organisations. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--organisations",
            type=int,
            default=DEFAULT_SYNTHETIC_ORGANISATIONS,
            help=f"synthetic organisations in all (default {DEFAULT_SYNTHETIC_ORGANISATIONS})",
        )

    def handle(self, *args, organisations, **options):
        if organisations < 0:
            self.stderr.write("--organisations must be 0 or more.")
            raise SystemExit(2)
        call_command("migrate", interactive=False, verbosity=0)
        load_demo(organisations=organisations, log=lambda line: self.stdout.write(line))
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
