import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Apply migrations, then serve Modus (gunicorn; --dev for autoreload)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--host", default=os.environ.get("MODUS_HOST", "127.0.0.1"))
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("MODUS_WORKERS", "2")),
            help="gunicorn worker processes (default 2, or MODUS_WORKERS)",
        )
        parser.add_argument(
            "--dev", action="store_true", help="Django's development server with autoreload"
        )

    def handle(self, *args, port, host, workers, dev, **options):
        call_command("migrate", interactive=False, verbosity=0)
        if settings.PRODUCTION:
            call_command("collectstatic", interactive=False, verbosity=0)
        address = f"{host}:{port}"
        self.stdout.write(f"Modus is serving at http://{address}/  (Ctrl+C stops it)")
        if dev:
            call_command("runserver", address)
            return
        gunicorn_args = [
            sys.executable,
            "-m",
            "gunicorn",
            "modus.wsgi:application",
            "--bind",
            address,
            "--workers",
            str(workers),
            "--access-logfile",
            "-",
        ]
        sys.stdout.flush()
        os.execv(sys.executable, gunicorn_args)
