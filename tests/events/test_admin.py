import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from modus.events.models import AgendaMark, Material
from tests.factories import (
    EventFactory,
    RegistrationFactory,
    RoomFactory,
    SessionFactory,
    SessionRoleFactory,
    UserFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_admin_pages_of_the_agenda_models_load(staff_client):
    event = EventFactory()
    room = RoomFactory(event=event)
    session = SessionFactory(event=event, room=room)
    objects = {
        "venue": VenueFactory(),
        "room": room,
        "session": session,
        "material": Material.objects.create(
            session=session, title="Slides", file=SimpleUploadedFile("s.pdf", b"%PDF-1.7")
        ),
        "registration": RegistrationFactory(event=event),
        "agendamark": AgendaMark.objects.create(user=UserFactory(), session=session),
    }
    SessionRoleFactory(session=session)
    for name, obj in objects.items():
        for url in (
            reverse(f"admin:events_{name}_changelist"),
            reverse(f"admin:events_{name}_add"),
            reverse(f"admin:events_{name}_change", args=[obj.pk]),
        ):
            assert staff_client.get(url).status_code == 200, url
    page = staff_client.get(reverse("admin:events_event_change", args=[event.pk]))
    assert page.status_code == 200
    assert room.name in page.content.decode()  # rooms inline
