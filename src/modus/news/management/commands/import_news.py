import zoneinfo
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from modus.directory.models import Organisation
from modus.news.errors import NewsImportError
from modus.news.services import import_news_page


class Command(BaseCommand):
    help = (
        "Import a saved news page (.html, .htm or .txt) as a DRAFT article and print its id and "
        "slug. Exits with status 2 on bad input."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the page to import")
        parser.add_argument(
            "--author-organisation", metavar="SLUG", help="slug of the organisation that wrote it"
        )
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help=f"language of the article (default {settings.LANGUAGE_CODE})",
        )
        parser.add_argument(
            "--time-zone",
            metavar="ZONE",
            help=f"time zone of the “Created:” line (default {settings.TIME_ZONE})",
        )

    def fail(self, message):
        self.stderr.write(f"import_news: {message}")
        raise SystemExit(2)

    def handle(self, *args, file, author_organisation, language, time_zone, **options):
        path = Path(file)
        if not path.is_file():
            self.fail(f"{file}: no such file.")
        if path.stat().st_size > settings.MODUS_MAX_IMPORT_BYTES:
            self.fail(f"{file}: too large (limit {settings.MODUS_MAX_IMPORT_BYTES} bytes).")
        organisation = None
        if author_organisation:
            organisation = Organisation.objects.filter(slug=author_organisation).first()
            if organisation is None:
                self.fail(f"no organisation with the slug “{author_organisation}”.")
        if time_zone:
            try:
                zoneinfo.ZoneInfo(time_zone)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                self.fail(f"unknown time zone “{time_zone}”.")
        try:
            article = import_news_page(
                path.read_bytes(),
                filename=path.name,
                author_organisation=organisation,
                language=language,
                time_zone=time_zone,
            )
        except NewsImportError as error:
            self.fail(f"{file}: {error.message} [{error.code}]")
        except OSError as error:
            self.fail(f"{file}: {error.strerror}.")
        self.stdout.write(
            f"Imported draft article id={article.pk} slug={article.slug} "
            f"created={article.created_at.isoformat()}"
        )
