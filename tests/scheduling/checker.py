"""The tests judge schedules by the library's own rules (``modus.scheduling.rules``)."""

from modus.scheduling.rules import check_schedule


def check(instance: dict, schedule: dict) -> list[str]:
    """Every fault, worded; a schedule the scheduler writes must also name each table."""
    return [str(fault) for fault in check_schedule(instance, schedule, require_tables=True)]
