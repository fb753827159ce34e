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
    data = export_personal_data(user)
    assert {"event": event.slug, "meeting_at": meeting.starts_at, "rating": "cooperation"} in data[
        "feedback_answers"
    ]
    assert any(row.get("comment") == "Too short" for row in data["feedback_answers"])
    assert data["feedback_invitations"][0]["answered"] is not None
    other = export_personal_data(sides(meeting)[1]).get("feedback_answers", [])
    assert not [row for row in other if "rating" in row]
