"""A pitching session a call depends on cannot be removed: the co-host is told why (the agenda
service, its page and the API), never a server error."""

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from modus.events import services
from modus.events.models import Session
from tests.selection.conftest import selected_pitch

pytestmark = pytest.mark.django_db


def test_removing_the_session_of_a_call_is_refused_with_a_reason(pitch_call, api_client):
    session, cohost = pitch_call.session, pitch_call.cohost
    selected_pitch(pitch_call, "pitcher@example.org")
    with pytest.raises(services.AgendaError) as refused:
        services.delete_session(session, actor=cohost)
    assert refused.value.code == "session_in_use"

    token = Token.objects.create(user=cohost)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    url = f"/api/v1/events/{session.event.slug}/sessions/{session.slug}/"
    response = api_client.delete(url)
    assert response.status_code == 400
    assert response.json()["code"] == "session_in_use"

    client = Client()
    client.force_login(cohost)
    page = reverse("events:manage-session-delete", args=[session.event.slug, session.pk])
    response = client.post(page, follow=True)
    assert response.status_code == 200
    assert "cannot be removed" in response.content.decode()
    assert Session.objects.filter(pk=session.pk).exists()
