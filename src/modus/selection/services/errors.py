from django.core.exceptions import PermissionDenied, ValidationError


class SelectionError(ValidationError):
    """A rule of a call was broken; ``code`` says which (e.g. ``deadline_passed``).

    Unlike a plain ValidationError, the code is kept when the message is a dict of field errors
    (forms put those next to their fields) or a list."""

    def __init__(self, message, code=None, params=None):
        super().__init__(message, code=code, params=params)
        if code is not None:
            self.code = code


class NotAllowed(PermissionDenied):
    """The user may not do this; views answer 403, the API a problem with this code."""

    def __init__(self, message: str = "", code: str = "not_allowed"):
        super().__init__(message)
        self.code = code
