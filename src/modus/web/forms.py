"""What every form view shares: a service's error shown next to the field it concerns."""

from django.core.exceptions import ValidationError


def add_service_errors(form, error: ValidationError, *, aliases=None, default=None) -> None:
    """Put each field error of ``error`` next to its field (renamed through ``aliases``); errors
    of unknown fields and errors without a field go to ``default`` (None: above the form)."""
    aliases = aliases or {}
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            name = aliases.get(name, name)
            form.add_error(name if name in form.fields else default, errors)
    else:
        form.add_error(default, error)
