"""Reminders already sent."""

from django.conf import settings
from django.db import models


class Reminder(models.Model):
    """A reminder already sent, so that running the reminder job twice mails nobody twice."""

    key = models.CharField(max_length=120)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "user"], name="one_reminder_per_key_and_user")
        ]

    def __str__(self):
        return self.key
