"""The ``modus`` command: Modus's own commands first, every Django management command too."""

import os
import sys

OWN_COMMANDS = {
    "serve": "apply migrations, then serve the platform (gunicorn; --dev for autoreload)",
    "demo": "load the demo data (idempotent; --organisations N adds synthetic ones)",
    "load_regions": "load NUTS regions (levels 0-3) and the 14 industrial ecosystems",
    "import_organisations": "import organisations from a CSV file (idempotent)",
    "export_organisations": "export organisations as CSV",
    "import_news": "import an existing news page (HTML or text) as a draft article",
    "compute_results": "recompute stale results figures (cron, when no Celery broker runs)",
    "send_follow_ups": "send feedback and follow-up e-mails and their reminders, each once (cron)",
    "createsuperuser": "create a staff user for the Django admin",
    "migrate": "apply database migrations",
    "schedule": "schedule B2B meetings: INSTANCE.json --output SCHEDULE.json (no database needed)",
}


def print_overview() -> None:
    print("usage: modus COMMAND [options]   (modus COMMAND --help for details)\n")
    print("Modus commands:")
    for name, text in OWN_COMMANDS.items():
        print(f"  {name.replace('_', '-'):<22} {text}")
    print("\nEvery Django management command works too, e.g. 'modus check --deploy'.")


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "modus.settings")
    if len(argv) < 2 or argv[1] in {"-h", "--help", "help"}:
        print_overview()
        return
    if argv[1] == "schedule":
        from modus.scheduling.cli import main as schedule_main  # noqa: PLC0415 - no Django here

        sys.exit(schedule_main(argv[2:]))
    argv[1] = argv[1].replace("-", "_") if argv[1].replace("-", "_") in OWN_COMMANDS else argv[1]
    from django.core.management import execute_from_command_line  # noqa: PLC0415 - after settings

    execute_from_command_line(["modus", *argv[1:]])


if __name__ == "__main__":
    main()
