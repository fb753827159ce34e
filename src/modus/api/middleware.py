"""Request bodies judged before anything parses them.

- Any request announcing more than ``MODUS_MAX_REQUEST_BYTES`` is refused with 413 from its
  ``Content-Length`` alone, before a byte of its body is read (the server in front holds the
  same limit: see the README's configuration).
- An API body that is not a file upload may hold at most ``DATA_UPLOAD_MAX_MEMORY_SIZE`` bytes.
- JSON sent to the API may nest at most ``MODUS_MAX_JSON_DEPTH`` arrays and objects; Python's
  parser would otherwise recurse until it fails.

API answers are problem documents (application/problem+json); other pages get a short text.
"""

import re
from http import HTTPStatus

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from .problems import PROBLEM_CONTENT_TYPE

API_PREFIX = "/api/"
FILE_TYPES = ("multipart/form-data",)
# A JSON string, escapes included (the unrolled form: no backtracking on long strings).
JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
NOT_BRACKETS = bytes(set(range(256)) - set(b"[]{}"))


def json_depth_exceeds(body: bytes, limit: int) -> bool:
    """Whether arrays and objects in ``body`` nest deeper than ``limit`` (brackets inside strings
    do not count; malformed JSON is left for the parser to refuse)."""
    brackets = JSON_STRING.sub(b"", body).translate(None, NOT_BRACKETS)
    if len(brackets) <= 2 * limit and brackets.count(b"[") + brackets.count(b"{") <= limit:
        return False
    depth = 0
    for byte in brackets:
        depth += 1 if byte in (0x5B, 0x7B) else -1
        if depth > limit:
            return True
    return False


def problem(status: int, code: str, detail: str) -> JsonResponse:
    return JsonResponse(
        {
            "type": "about:blank",
            "title": HTTPStatus(status).phrase,
            "status": status,
            "code": code,
            "detail": detail,
        },
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
    )


def content_length(request) -> int:
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


class RequestBodyLimitMiddleware:
    """Refuses too large or too deeply nested request bodies before they are parsed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.refusal(request) or self.get_response(request)

    def refusal(self, request):
        length = content_length(request)
        is_api = request.path.startswith(API_PREFIX)
        if length > settings.MODUS_MAX_REQUEST_BYTES:
            detail = _("The request is too large; the limit is %(limit)d bytes.") % {
                "limit": settings.MODUS_MAX_REQUEST_BYTES
            }
            if is_api:
                return problem(413, "body_too_large", detail)
            return HttpResponse(detail, status=413, content_type="text/plain; charset=utf-8")
        if not is_api or not length:
            return None
        content_type = request.META.get("CONTENT_TYPE", "")
        if content_type.startswith(FILE_TYPES):
            return None
        if length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            return problem(
                413,
                "body_too_large",
                _("The request is too large; the limit is %(limit)d bytes.")
                % {"limit": settings.DATA_UPLOAD_MAX_MEMORY_SIZE},
            )
        if "json" in content_type and json_depth_exceeds(
            request.body, settings.MODUS_MAX_JSON_DEPTH
        ):
            return problem(
                400,
                "json_too_deep",
                _("The JSON sent nests more than %(limit)d arrays or objects.")
                % {"limit": settings.MODUS_MAX_JSON_DEPTH},
            )
        return None
