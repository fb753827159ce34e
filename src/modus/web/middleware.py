from http import HTTPStatus

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from .reader_languages import content_language, reader_language


class ContentLanguageMiddleware:
    """The content language of this request (``web.reader_languages``), and ``?lang=cs``
    showing this page in Czech: interface and content (links for ``hreflang``).

    Placed after LocaleMiddleware. An interface language in ``?lang=`` overrides the one chosen
    from the cookie or ``Accept-Language`` for this request only; another reader language
    (``?lang=de``) asks for content in it and leaves the interface as it was; unknown codes are
    ignored.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.codes = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        request.content_language = reader_language(request)
        code = request.GET.get("lang", "")
        with content_language(request.content_language):
            if code not in self.codes:
                response = self.get_response(request)
                patch_vary_headers(response, ["Accept-Language", "Cookie"])
                return response
            previous = translation.get_language()
            translation.activate(code)
            request.LANGUAGE_CODE = code
            try:
                response = self.get_response(request)
            finally:
                translation.activate(previous)
        response.setdefault("Content-Language", code)
        patch_vary_headers(response, ["Accept-Language"])
        return response


class ContentSecurityPolicyMiddleware:
    """A strict Content-Security-Policy: our own scripts, styles and images only.

    Templates carry no inline scripts or styles, so nothing needs 'unsafe-inline'. The API
    documentation pages (Swagger UI) get their own, slightly wider policy for the assets it
    ships through the sidecar package.
    """

    POLICY = (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
    DOCS_POLICY = (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'"
    )

    def __init__(self, get_response):
        self.get_response = get_response
        self.docs_prefix = "/api/docs/"
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            wide = request.path.startswith((self.docs_prefix, self.admin_prefix))
            response["Content-Security-Policy"] = self.DOCS_POLICY if wide else self.POLICY
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if settings.PRODUCTION:
            response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


class MethodNotAllowedMiddleware:
    """A 405 that says what happened: opening an action's address (which takes a form's POST)
    in the browser gives a page in the site's layout with a way back to the page the action
    belongs to; the API and clients that ask for JSON get a problem document."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != HTTPStatus.METHOD_NOT_ALLOWED or response.content:
            return response
        allowed = response.get("Allow", "")
        wants_json = "json" in request.headers.get("Accept", "")
        if request.path.startswith("/api/") or wants_json:
            answer = JsonResponse(
                {
                    "type": "about:blank",
                    "title": HTTPStatus.METHOD_NOT_ALLOWED.phrase,
                    "status": 405,
                    "code": "method_not_allowed",
                    "detail": _("This address does not take %(method)s; it takes %(allowed)s.")
                    % {"method": request.method, "allowed": allowed},
                },
                status=405,
                content_type="application/problem+json",
            )
        else:
            context = {"back": _page_above(request.path), "method": request.method}
            answer = render(request, "web/405.html", context, status=405)
        answer["Allow"] = allowed
        return answer


def _page_above(path: str) -> str | None:
    """The nearest address above ``path`` that is a page (``/calls/applications/4/`` for
    ``/calls/applications/4/decide/``), or None."""
    parts = [part for part in path.split("/") if part]
    while len(parts) > 1:
        parts.pop()
        candidate = "/" + "/".join(parts) + "/"
        try:
            resolve(candidate)
        except Resolver404:
            continue
        return candidate
    return None
