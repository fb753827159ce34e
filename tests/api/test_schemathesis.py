"""schemathesis against a live server: every operation of the OpenAPI schema, anonymously and as
each role of the demo (participant, co-host, programme office, juror), with a bounded number of
generated requests each. No answer may be a server error, and every answer must be what the
schema says: a documented status code and content type, a body and headers of the documented
shape (problem documents included)."""

import os
import time
from collections import Counter

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from modus.accounts.models import User
from modus.demo.loader import load_demo
from modus.directory.models import Ecosystem, Organisation, Region
from modus.events.models import Event, Session
from modus.news.models import Article
from modus.partners.models import Opportunity
from modus.programmes.models import Programme
from modus.selection.models import Application, Call, Review

pytestmark = [pytest.mark.schemathesis, pytest.mark.django_db(transaction=True)]

ROLES = {
    "anonymous": None,
    "participant": "participant-001@demo.modus.invalid",
    "co-host": "polish-cluster-association@demo.modus.invalid",
    "office": "programme-office@demo.modus.invalid",
    "juror": "jury-1@demo.modus.invalid",
}
EXAMPLES = int(os.environ.get("MODUS_SCHEMATHESIS_EXAMPLES", "6"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def role_headers() -> dict[str, dict]:
    headers = {}
    for role, email in ROLES.items():
        if email is None:
            headers[role] = {}
            continue
        token, _created = Token.objects.get_or_create(user=User.objects.get(email=email))
        headers[role] = {"Authorization": f"Token {token.key}"}
    return headers


def known_objects() -> dict[str, list[dict]]:
    """Path parameters of objects that exist, by the collection they follow in a path, so that
    half the generated requests reach real objects (random slugs mostly find nothing)."""

    def values(queryset, field, **names):
        rows = queryset.values_list(field, flat=True).order_by(field)[:15]
        return [{name: str(value) for name in names} for value in rows]

    known = {
        "organisations": values(Organisation.objects, "slug", slug=1),
        "regions": values(Region.objects.filter(level__lte=1), "code", code=1),
        "ecosystems": values(Ecosystem.objects, "key", key=1),
        "news": values(Article.objects, "slug", slug=1),
        "programmes": values(Programme.objects, "slug", slug=1),
        "calls": values(Call.objects, "slug", slug=1),
        "applications": values(Application.objects, "pk", id=1),
        "reviews": values(Review.objects, "pk", id=1),
        "opportunities": values(Opportunity.objects, "pk", id=1),
    }
    events = list(Event.objects.values_list("slug", flat=True))
    known["events"] = [{"slug": slug, "event_slug": slug} for slug in events]
    known["sessions"] = [
        {"event_slug": event_slug, "session_slug": slug}
        for event_slug, slug in Session.objects.values_list("event__slug", "slug")[:30]
    ]
    return known


def with_known_objects(operation, strategy, known):
    """The generated cases, and as many again with the path naming an existing object."""
    segments = [part for part in operation.path.split("/") if part]
    names = [part.strip("{}") for part in segments if part.startswith("{")]
    if not names:
        return strategy
    first = next(k for k, part in enumerate(segments) if part.startswith("{"))
    collection = "sessions" if "session_slug" in names else segments[first - 1]
    choices = [choice for choice in known.get(collection, []) if set(names) <= set(choice)]
    if not choices:
        return strategy

    def fill(pair):
        case, choice = pair
        case.path_parameters = {**(case.path_parameters or {}), **{n: choice[n] for n in names}}
        return case

    return st.one_of(strategy, st.tuples(strategy, st.sampled_from(choices)).map(fill))


HOSTILE_BODIES = {
    "deeply nested JSON": ("[" * 100_000, 400, "json_too_deep"),
    "a 6 MB JSON body": ('{"title": "' + "x" * (6 * 1024 * 1024) + '"}', 413, "body_too_large"),
}


def hostile_bodies(operations, base_url, headers, known, failures, counts):
    """The issue's hostile bodies, sent to every operation that takes one, as every role:
    a problem document before anything parses them."""
    for operation in operations:
        if operation.method.upper() not in {"POST", "PUT", "PATCH"}:
            continue
        names = [part.strip("{}") for part in operation.path.split("/") if part.startswith("{")]
        choices = [c for values in known.values() for c in values if set(names) <= set(c)]
        path = operation.path.format(**(choices[0] if choices else dict.fromkeys(names, "x")))
        for role_headers in headers.values():
            for name, (body, status, code) in HOSTILE_BODIES.items():
                response = requests.request(
                    operation.method.upper(),
                    f"{base_url}{path}",
                    data=body.encode(),
                    headers={**role_headers, "Content-Type": "application/json"},
                    timeout=60,
                )
                counts["requests"] += 1
                counts[f"status {response.status_code}"] += 1
                answer = (
                    response.status_code,
                    response.headers.get("Content-Type"),
                    response.json().get("code") if response.status_code < 500 else None,
                )
                if answer != (status, "application/problem+json", code):
                    failures.add((operation.label, response.status_code, f"{name}: {answer}"))


def exercise(operation, base_url, headers, failures, counts, known):
    """``EXAMPLES`` generated requests to one operation; failures are collected, not raised."""

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=with_known_objects(operation, operation.as_strategy(), known))
    def run(case):
        response = case.call(base_url=base_url, headers=headers, timeout=30)
        counts["requests"] += 1
        counts[f"status {response.status_code}"] += 1
        try:
            case.validate_response(response, checks=CHECKS)
        except (AssertionError, BaseExceptionGroup) as error:  # one failure, or a group
            for failure in getattr(error, "exceptions", [error]):
                lines = [line for line in str(failure).splitlines() if line.strip()]
                where = next((line for line in lines if line.startswith("Schema at")), "")
                summary = " / ".join([*lines[:2], where])[:300]
                failures.add((operation.label, response.status_code, summary))

    run()


def test_the_api_answers_every_generated_request_as_its_schema_says(live_server, settings):
    settings.MODUS_API_ANON_RATE = "100000/minute"
    settings.MODUS_BAD_TOKENS_PER_CLIENT = 100000
    load_demo(organisations=5, log=lambda line: None)
    headers = role_headers()
    known = known_objects()
    raw = requests.get(f"{live_server.url}/api/schema/", params={"format": "json"}, timeout=30)
    schema = schemathesis.openapi.from_dict(raw.json())
    operations = [result.ok() for result in schema.get_all_operations()]
    failures, counts = set(), Counter()
    started = time.monotonic()
    for operation in operations:
        for role in ROLES:
            exercise(operation, live_server.url, headers[role], failures, counts, known)
    hostile_bodies(operations, live_server.url, headers, known, failures, counts)
    seconds = time.monotonic() - started
    print(
        f"schemathesis: {len(operations)} operations x {len(ROLES)} roles, "
        f"{counts['requests']} requests in {seconds:.0f} s; "
        + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()) if k.startswith("status"))
    )
    for failure in sorted(failures):
        print(*failure, sep=" | ")
    assert len(operations) >= 38
    assert counts["status 500"] == 0
    assert sorted(failures) == []
