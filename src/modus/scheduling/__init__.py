"""Modus's B2B meeting scheduler: a plain library (no Django) that turns an instance of the
exchange format (docs: shared/formats/b2b.md) into a schedule.

    from modus.scheduling import solve, reschedule, InstanceError
"""

from .model import InstanceError
from .solver import reschedule, solve

__all__ = ["InstanceError", "reschedule", "solve"]
