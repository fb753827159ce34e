"""API errors as RFC 9457 problem documents (application/problem+json) with a code."""

from rest_framework.views import exception_handler


def problem_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    detail = response.data
    code = getattr(exc, "default_code", "error")
    if hasattr(exc, "get_codes"):
        codes = exc.get_codes()
        if isinstance(codes, str):
            code = codes
    problem = {
        "type": "about:blank",
        "title": str(getattr(exc, "default_detail", "Error")),
        "status": response.status_code,
        "code": code,
    }
    if isinstance(detail, dict) and set(detail) == {"detail"}:
        problem["detail"] = str(detail["detail"])
    else:
        problem["errors"] = detail
    response.data = problem
    response.content_type = "application/problem+json"
    return response
