"""Coded errors of partners' services (``code``; ``field`` where one input is at fault)."""

from django.core.exceptions import PermissionDenied, ValidationError


class PartnersError(ValidationError):
    def __init__(self, message, code=None, field=None):
        if field:
            super().__init__({field: [ValidationError(message, code=code)]})
        else:
            super().__init__(message, code=code)
        self.code = code
        self.field = field


class PartnersPermissionError(PartnersError, PermissionDenied):
    """The actor may not do this (``not_member``, ``not_moderator``, ``not_yours``)."""
