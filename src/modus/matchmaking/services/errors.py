"""The errors matchmaking's services raise; each has a ``code``, and a ``field`` where one
input is at fault. A co-host check raises the events app's ``NotCohost`` instead."""

from django.core.exceptions import PermissionDenied, ValidationError


class MatchmakingError(ValidationError):
    """A matchmaking rule was broken; ``code`` says which, ``field`` the input at fault."""

    def __init__(self, message, code=None, params=None, field=None):
        if field:
            super().__init__({field: [ValidationError(message, code=code, params=params)]})
        else:
            super().__init__(message, code=code, params=params)
        self.code = code
        self.field = field


class MatchmakingPermissionError(MatchmakingError, PermissionDenied):
    """A participant may not do this (``not_participant``, ``not_yours``, ``not_published``)."""
