"""The audience of a pitching session: one vote per registered participant."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .applications import Application
from .calls import Call


class AudienceVote(models.Model):
    """One registered participant's vote for one pitch; the unique constraint is the guarantee."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="votes")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="audience_votes"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("audience vote")
        verbose_name_plural = _("audience votes")
        constraints = [
            models.UniqueConstraint(fields=["call", "user"], name="one_audience_vote_per_person")
        ]

    def __str__(self):
        return f"{self.user} → {self.application}"
