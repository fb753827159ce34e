"""The news app's domain errors. Each carries a ``code`` that tests and the API read."""

from django.core.exceptions import PermissionDenied, ValidationError


class NewsError(ValidationError):
    """A rule of the news app was broken; ``code`` tells which."""


class NewsImportError(NewsError):
    """A file could not be imported as a news article."""


class NewsPermissionError(PermissionDenied):
    """The acting user may not do this; ``code`` says why."""

    def __init__(self, message, *, code):
        super().__init__(message)
        self.message = message
        self.code = code
