from django.core.management.base import BaseCommand

from modus.selection.services import send_reminders


class Command(BaseCommand):
    help = "Send reminder e-mails before cut-offs and to late reviewers (each goes once)."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(
            f"Reminders sent: {sent['drafts']} about drafts, {sent['reviewers']} to reviewers."
        )
