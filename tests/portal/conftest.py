"""The personal pages read every app: they borrow the matchmaking and selection fixtures."""

from tests.matchmaking.conftest import alice, bob, cohost, event, mm_settings  # noqa: F401
from tests.selection.conftest import host_call, jury_setup, pitch_call  # noqa: F401
