"""The action codes results logs, and their words."""

from django.utils.translation import gettext_lazy as _

EXTRA_REMINDER = "results.feedback.reminded"
PLAN_CHANGED = "results.follow_up.planned"

LABELS = {
    EXTRA_REMINDER: _("Sent one more reminder to answer the feedback or follow-up"),
    PLAN_CHANGED: _("Changed when the follow-up goes out"),
}
