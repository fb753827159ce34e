from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from modus.directory.services import import_organisations_csv


class Command(BaseCommand):
    help = (
        "Create or update organisations from a CSV file (the export's columns). Good rows are "
        "kept even when others are rejected; the exit status is 1 if any row was rejected."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        report = import_organisations_csv(data)
        self.stdout.write(report.summary())
        for line, reason in report.rejected:
            self.stderr.write(f"line {line}: {reason}")
        if report.rejected:
            raise SystemExit(1)
