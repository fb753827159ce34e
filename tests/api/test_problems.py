"""Every API error is a problem document with a code, whatever raised it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from rest_framework import exceptions
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from modus.api.problems import PROBLEM_CONTENT_TYPE, as_api_exception


def answer(error):
    """The response of an API view that raises ``error``."""

    class Failing(APIView):
        authentication_classes = []
        permission_classes = []

        def get(self, request):
            raise error

    response = Failing.as_view()(APIRequestFactory().get("/")).render()
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
    return response.status_code, response.data


def test_a_service_validation_error_keeps_its_fields_and_codes():
    error = ValidationError(
        {
            "website": [ValidationError("Enter a valid URL.", code="invalid")],
            "__all__": [ValidationError("Too late.", code="closed")],
        }
    )
    status, problem = answer(error)
    assert status == 400
    assert problem["title"] == "Bad Request"
    assert problem["errors"]["website"] == ["Enter a valid URL."]
    assert problem["error_codes"] == {"website": ["invalid"], "non_field_errors": ["closed"]}
    assert problem["code"] == "invalid"  # several codes: the exception's default


def test_a_single_code_names_the_whole_problem():
    status, problem = answer(ValidationError("Too late.", code="closed"))
    assert (status, problem["code"]) == (400, "closed")
    assert problem["errors"] == {"non_field_errors": ["Too late."]}


def test_a_denial_keeps_its_message_and_code():
    denied = PermissionDenied("Only co-hosts.")
    denied.code = "not_cohost"
    status, problem = answer(denied)
    assert (status, problem["code"], problem["detail"]) == (403, "not_cohost", "Only co-hosts.")


def test_missing_things_are_404_problems():
    status, problem = answer(Http404())
    assert (status, problem["code"], problem["type"]) == (404, "not_found", "about:blank")


def test_other_api_exceptions_pass_through():
    throttled = exceptions.Throttled(wait=3)
    assert as_api_exception(throttled) is throttled
    status, problem = answer(throttled)
    assert (status, problem["code"]) == (429, "throttled")


@pytest.mark.parametrize("error", [ValueError("boom"), KeyError("x")])
def test_programming_errors_are_not_disguised(error):
    assert as_api_exception(error) is error
