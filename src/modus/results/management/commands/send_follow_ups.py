from django.core.management.base import BaseCommand

from modus.results import services


class Command(BaseCommand):
    help = (
        "Send the feedback e-mails after editions, the follow-ups months later and one reminder "
        "of each (every e-mail goes once; run it from cron when there is no Celery broker)."
    )

    def handle(self, *args, **options):
        sent = services.send_follow_ups()
        self.stdout.write(
            f"Sent: {sent['feedback']} feedback, {sent['follow_up']} follow-up, "
            f"{sent['reminders']} reminders."
        )
