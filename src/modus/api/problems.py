"""API errors as RFC 9457 problem documents (application/problem+json) with a code.

Every error the API returns has the same shape::

    {"type": "about:blank", "title": "Bad Request", "status": 400, "code": "invalid",
     "detail": "...", "errors": {"website": ["Enter a valid URL."]},
     "error_codes": {"website": ["invalid"]}}

``errors`` (messages per field) and ``error_codes`` only appear for validation errors. Domain
errors raised by services (Django's ``ValidationError`` and ``PermissionDenied`` with a ``code``)
are turned into 400 and 403 problems that keep their code and message.
"""

from http import HTTPStatus

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, serializers
from rest_framework.exceptions import ErrorDetail
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler

PROBLEM_CONTENT_TYPE = "application/problem+json"


def _details(errors):
    """Django ValidationErrors as DRF error details, keeping their messages and codes."""
    details = []
    for error in errors:
        for message in error:
            details.append(ErrorDetail(message, code=error.code or "invalid"))
    return details


def as_api_exception(exc):
    """Translate the domain errors of our services into DRF exceptions (others pass through)."""
    if isinstance(exc, Http404):
        return exceptions.NotFound(detail=str(exc) or None)
    if isinstance(exc, PermissionDenied):
        message = getattr(exc, "message", None) or (exc.args[0] if exc.args else None)
        code = getattr(exc, "code", None) or "permission_denied"
        return exceptions.PermissionDenied(detail=message, code=code)
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            detail = {
                (api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field): (
                    _details(errors)
                )
                for field, errors in exc.error_dict.items()
            }
        else:
            detail = {api_settings.NON_FIELD_ERRORS_KEY: _details(exc.error_list)}
        return exceptions.ValidationError(detail=detail)
    return exc


def _main_code(exc, codes):
    """One code for the whole problem: the only code given, else the exception's default."""
    if isinstance(codes, str):
        return codes
    flat = []

    def collect(value):
        if isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)
        else:
            flat.append(value)

    collect(codes)
    if len(set(flat)) == 1:
        return flat[0]
    return getattr(exc, "default_code", "error")


def problem_exception_handler(exc, context):
    exc = as_api_exception(exc)
    response = exception_handler(exc, context)
    if response is None:
        return None
    status = response.status_code
    codes = exc.get_codes() if isinstance(exc, exceptions.APIException) else "error"
    problem = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "code": _main_code(exc, codes),
    }
    detail = response.data
    if isinstance(exc, exceptions.ValidationError):
        if not isinstance(detail, dict):
            detail = {api_settings.NON_FIELD_ERRORS_KEY: detail}
            codes = {api_settings.NON_FIELD_ERRORS_KEY: codes}
        problem["detail"] = _("The data sent is not valid; see the errors of each field.")
        problem["errors"] = detail
        problem["error_codes"] = codes
    elif isinstance(detail, dict) and "detail" in detail:
        problem["detail"] = str(detail["detail"])
    else:
        problem["detail"] = str(detail)
    response.data = problem
    response.content_type = PROBLEM_CONTENT_TYPE
    return response


class ProblemSerializer(serializers.Serializer):
    """The shape of every error response, for the OpenAPI schema."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    code = serializers.CharField(help_text="A stable code that names the error.")
    detail = serializers.CharField()
    errors = serializers.DictField(
        child=serializers.JSONField(),
        required=False,
        help_text="Validation errors: messages for each field (a list, or for nested data an "
        "object of the same shape).",
    )
    error_codes = serializers.DictField(
        child=serializers.JSONField(),
        required=False,
        help_text="Validation errors: codes for each field, in the shape of ``errors``.",
    )


PROBLEM = OpenApiResponse(ProblemSerializer, description="A problem document (RFC 9457).")
"""The schema of an error response, for ``extend_schema(responses={404: PROBLEM, ...})``."""
