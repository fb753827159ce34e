"""The OpenAPI schema tells the truth about errors.

Every operation documents the problem documents (``application/problem+json``) it may answer
with, beside those a view declares itself:

- 400 everywhere (bodies and query parameters are checked; a service may refuse);
- 401 everywhere (a wrong or expired token is refused on every endpoint), 403 for writes and
  for endpoints that need a signed-in user;
- 404 when the path names something, or the list is paged (a page past the end);
- 413 when it takes a body (``api.middleware``), 429 everywhere (throttled clients).

Error responses declared with another media type are moved to ``application/problem+json``.
"""

from drf_spectacular.openapi import AutoSchema
from rest_framework import permissions

from .problems import PROBLEM_CONTENT_TYPE, ProblemSerializer

WRITES = {"POST", "PUT", "PATCH", "DELETE"}


class ProblemAutoSchema(AutoSchema):
    def error_codes(self) -> set[int]:
        codes = {400, 401, 429}
        parameters = [p for p in self._get_parameters() if p.get("in") == "query"]
        takes_body = self.method in {"POST", "PUT", "PATCH"}
        if takes_body:
            codes.add(413)
        if self.method in WRITES or not self._allows_anyone():
            codes.add(403)
        if "{" in self.path or any(p["name"] == "page" for p in parameters):
            codes.add(404)
        return codes

    def _allows_anyone(self) -> bool:
        return all(
            isinstance(permission, (permissions.AllowAny, permissions.IsAuthenticatedOrReadOnly))
            or hasattr(permission, "predicate")
            for permission in self.view.get_permissions()
        )

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code, response in responses.items():
            if code[:1] in {"4", "5"} and response.get("content"):
                schema = next(iter(response["content"].values()))
                response["content"] = {PROBLEM_CONTENT_TYPE: schema}
        for code in sorted(self.error_codes()):
            if str(code) not in responses:
                responses[str(code)] = self._get_response_for_code(
                    ProblemSerializer, str(code), [PROBLEM_CONTENT_TYPE], direction
                )
        return responses
