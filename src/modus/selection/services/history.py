"""What happened to an application, in the shared action log (``modus.activity``).

Every step of the process writes one entry through ``log``: who, what, when, and a note (the
cut-off, the reasons, the reviewer). The codes and their words are registered with the log when
the app is ready (``SelectionConfig.ready``); the application page reads them back with
``selectors.application_history``."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modus.activity.services import log_action


class Action(models.TextChoices):
    CREATED = "selection.application.created", _("Draft started")
    SUBMITTED = "selection.application.submitted", _("Submitted")
    WITHDRAWN = "selection.application.withdrawn", _("Withdrawn")
    REOPENED = "selection.application.reopened", _("Reopened")
    REVIEWER_ASSIGNED = "selection.application.reviewer_assigned", _("Reviewer assigned")
    REVIEWER_REMOVED = "selection.application.reviewer_removed", _("Reviewer removed")
    ACCEPTED = "selection.application.accepted", _("Accepted")
    REJECTED = "selection.application.rejected", _("Rejected")
    ORDERED = "selection.application.ordered", _("Running order set")


def log(application, actor, action: Action, note: str = ""):
    """Record that ``actor`` did ``action`` to ``application``."""
    return log_action(application, action, actor=actor, note=note)
