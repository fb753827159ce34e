from django.core.management.base import BaseCommand

from modus.results import services


class Command(BaseCommand):
    help = "Recompute the stale results figures of editions and programmes (cron without Celery)."

    def handle(self, *args, **options):
        done = services.refresh_stale()
        self.stdout.write(
            f"Figures recomputed: {done['editions']} editions, {done['programmes']} programmes."
        )
