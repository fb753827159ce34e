"""Every write of results. ``figures``: the stored figures and their freshness; ``invitations``:
the feedback and follow-up e-mails and their reminders; ``answers``: what people answer."""

from .answers import save_feedback, save_follow_up
from .figures import (
    mark_stale,
    recompute_edition,
    recompute_programme,
    refresh_stale,
    store_given_figures,
)
from .invitations import (
    closes,
    follow_up_months,
    follow_up_opens,
    plan_follow_up,
    reminder_days,
    resend_link,
    send_extra_reminder,
    send_follow_ups,
)

__all__ = [
    "closes",
    "follow_up_months",
    "follow_up_opens",
    "plan_follow_up",
    "mark_stale",
    "recompute_edition",
    "recompute_programme",
    "refresh_stale",
    "reminder_days",
    "resend_link",
    "save_feedback",
    "save_follow_up",
    "send_extra_reminder",
    "send_follow_ups",
    "store_given_figures",
]
