"""Every write of the selection app. One module per step of the process; all re-exported here."""

from .applications import (
    attach_document,
    check_eligible,
    reopen_application,
    save_draft,
    start_application,
    submit_application,
    withdraw_application,
)
from .calls import (
    add_criterion,
    add_cut_off,
    add_document_requirement,
    add_question,
    close_call,
    create_call,
    open_call,
    remove_call_part,
    update_call,
)
from .decisions import accept_application, reject_application
from .errors import SelectionError
from .panel import add_panel_member, remove_panel_member
from .pitching import (
    assign_jury,
    cast_vote,
    create_pitch_call,
    open_own_jury_sheets,
    publish_results,
    set_running_order,
    set_voting,
)
from .reminders import send_reminders
from .reviews import assign_reviewer, remove_reviewer, save_review

__all__ = [
    "SelectionError",
    "accept_application",
    "add_criterion",
    "add_cut_off",
    "add_document_requirement",
    "add_panel_member",
    "add_question",
    "assign_jury",
    "assign_reviewer",
    "attach_document",
    "cast_vote",
    "check_eligible",
    "close_call",
    "create_call",
    "create_pitch_call",
    "open_call",
    "open_own_jury_sheets",
    "publish_results",
    "reject_application",
    "remove_call_part",
    "remove_panel_member",
    "remove_reviewer",
    "reopen_application",
    "save_draft",
    "save_review",
    "send_reminders",
    "set_running_order",
    "set_voting",
    "start_application",
    "submit_application",
    "update_call",
    "withdraw_application",
]
