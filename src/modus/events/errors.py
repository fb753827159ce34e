"""The errors of the events app. Each carries a ``code``; forms show it next to the field and
the API answers it as problem+json. Services raise them; views and the API catch them."""

from django.core.exceptions import PermissionDenied, ValidationError


class EventError(ValidationError):
    """A rule about events was broken; ``code`` says which."""


class AgendaError(EventError):
    """A rule about an event's agenda was broken; ``code`` says which."""


class RegistrationError(ValidationError):
    """A registration rule was broken; ``code`` says which."""


class RegistrationPermissionError(RegistrationError, PermissionDenied):
    """The acting user may not do this (``not_staff_of_event``, ``not_signed_in``, ...)."""
