"""Every page of calls keeps its address and its name."""

import pytest
from django.urls import resolve, reverse

PAGES = [
    ("calls", {}, "/calls/"),
    ("my-applications", {}, "/calls/mine/"),
    ("application", {"pk": 7}, "/calls/applications/7/"),
    ("application-edit", {"pk": 7}, "/calls/applications/7/edit/"),
    ("application-submit", {"pk": 7}, "/calls/applications/7/submit/"),
    ("application-withdraw", {"pk": 7}, "/calls/applications/7/withdraw/"),
    ("application-document", {"pk": 7, "document_pk": 3}, "/calls/applications/7/documents/3/"),
    ("call-new", {"programme_slug": "cmr"}, "/calls/new/cmr/"),
    (
        "pitch-call-new",
        {"event_slug": "katowice", "session_pk": 4},
        "/calls/pitching/katowice/4/new/",
    ),
    ("application-reopen", {"pk": 7}, "/calls/applications/7/reopen/"),
    ("application-decide", {"pk": 7}, "/calls/applications/7/decide/"),
    ("application-assign", {"pk": 7}, "/calls/applications/7/reviewers/"),
    ("my-reviews", {}, "/calls/reviews/"),
    ("review", {"pk": 5}, "/calls/reviews/5/"),
    ("call", {"slug": "c"}, "/calls/c/"),
    ("apply", {"slug": "c"}, "/calls/c/apply/"),
    ("call-manage", {"slug": "c"}, "/calls/c/manage/"),
    ("call-applications", {"slug": "c"}, "/calls/c/applications/"),
    ("running-order", {"slug": "c"}, "/calls/c/running-order/"),
    ("jury", {"slug": "c"}, "/calls/c/jury/"),
    ("vote", {"slug": "c"}, "/calls/c/vote/"),
    ("results", {"slug": "c"}, "/calls/c/results/"),
]

API = [
    ("api-selection-calls", {}, "/api/v1/calls/"),
    ("api-selection-call", {"slug": "c"}, "/api/v1/calls/c/"),
    ("api-selection-call-apply", {"slug": "c"}, "/api/v1/calls/c/applications/"),
    ("api-selection-ranking", {"slug": "c"}, "/api/v1/calls/c/ranking/"),
    ("api-selection-applications", {}, "/api/v1/applications/"),
    ("api-selection-application", {"pk": 7}, "/api/v1/applications/7/"),
    ("api-selection-application-submit", {"pk": 7}, "/api/v1/applications/7/submit/"),
    ("api-selection-application-withdraw", {"pk": 7}, "/api/v1/applications/7/withdraw/"),
    ("api-selection-reviews", {}, "/api/v1/reviews/"),
    ("api-selection-review", {"pk": 5}, "/api/v1/reviews/5/"),
]


@pytest.mark.parametrize(("name", "kwargs", "path"), PAGES, ids=[p[0] for p in PAGES])
def test_every_page_keeps_its_address(name, kwargs, path):
    assert reverse(f"selection:{name}", kwargs=kwargs) == path
    assert resolve(path).url_name == name


@pytest.mark.parametrize(("name", "kwargs", "path"), API, ids=[a[0] for a in API])
def test_every_api_endpoint_keeps_its_address(name, kwargs, path):
    assert reverse(name, kwargs=kwargs) == path
    assert resolve(path).url_name == name
