from modus.accounts.personal_data import export_personal_data
from modus.results import services
from modus.results.models import Invitation

from .conftest import ended_edition, sides


def test_a_persons_answers_are_in_their_export(db, clock):
    event, (meeting,) = ended_edition(pairs=1)
    services.send_follow_ups()
    user = sides(meeting)[0]
    invitation = Invitation.objects.get(user=user)
    services.save_feedback(
        invitation,
        version=1,
        ratings={meeting.pk: "cooperation"},
        usefulness=3,
        would_return=False,
        comment="Too short",
    )
    data = export_personal_data(user)["feedback"]
    assert data["meeting_ratings"] == [{"meeting": meeting.pk, "rating": "cooperation"}]
    assert data["event_answers"][0]["comment"] == "Too short"
    assert data["invitations"][0]["answered"] is True
    assert export_personal_data(sides(meeting)[1])["feedback"]["meeting_ratings"] == []
