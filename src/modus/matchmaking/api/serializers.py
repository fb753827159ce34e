"""What the matchmaking API shows of requests and meetings, and the schedule it accepts."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from modus.scheduling.rules import SCHEDULE_FORMAT

from ..models import MarketplaceProfile, Meeting, MeetingRequest


class ParticipantSerializer(serializers.ModelSerializer):
    """The other side, as the marketplace shows them."""

    name = serializers.CharField(source="display_name", read_only=True)
    organisation = serializers.CharField(
        source="organisation.name", read_only=True, allow_null=True, default=None
    )
    organisation_slug = serializers.CharField(
        source="organisation.slug", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = MarketplaceProfile
        fields = ["id", "name", "organisation", "organisation_slug", "offers", "seeks"]


class MeetingRequestSerializer(serializers.ModelSerializer):
    direction = serializers.SerializerMethodField(
        help_text="“incoming”: asked of you; “outgoing”: you asked."
    )
    mutual = serializers.BooleanField(
        read_only=True, help_text="Both sides asked to meet (and neither declined)."
    )
    sender = ParticipantSerializer(source="from_profile", read_only=True)
    receiver = ParticipantSerializer(source="to_profile", read_only=True)
    status = serializers.CharField(read_only=True, help_text="“pending”, “accepted” or “declined”.")

    class Meta:
        model = MeetingRequest
        fields = [
            "id",
            "direction",
            "sender",
            "receiver",
            "message",
            "status",
            "mutual",
            "created_at",
            "responded_at",
        ]

    def get_direction(self, obj) -> str:
        user = self.context["request"].user
        return "outgoing" if obj.from_profile.user_id == user.pk else "incoming"


class MeetingSerializer(serializers.ModelSerializer):
    slot = serializers.CharField(source="slot_id", read_only=True)
    others = serializers.SerializerMethodField(help_text="The other participants of the meeting.")

    class Meta:
        model = Meeting
        fields = ["id", "slot", "starts_at", "ends_at", "table", "others"]

    def get_others(self, obj) -> list[dict]:
        user = self.context["request"].user
        people = [p for p in obj.participants.all() if p.user_id != user.pk]
        return ParticipantSerializer(people, many=True).data


class AssignmentSerializer(serializers.Serializer):
    meeting = serializers.CharField()
    slot = serializers.CharField()
    table = serializers.IntegerField(min_value=1, required=False, allow_null=True)


class ScheduleImportSerializer(serializers.Serializer):
    """A ``modus-b2b-schedule/1`` document (see the exchange formats); extra keys are ignored."""

    format = serializers.ChoiceField(choices=[SCHEDULE_FORMAT])
    assignments = AssignmentSerializer(many=True)
    unscheduled = serializers.ListField(child=serializers.CharField(), allow_empty=True)

    def to_schedule(self) -> dict:
        data = self.validated_data
        assignments = []
        for item in data["assignments"]:
            entry = {"meeting": item["meeting"], "slot": item["slot"]}
            if item.get("table") is not None:
                entry["table"] = item["table"]
            assignments.append(entry)
        return {
            "format": data["format"],
            "assignments": assignments,
            "unscheduled": list(data["unscheduled"]),
        }


class ImportedVersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(source="pk")
    status = serializers.CharField()
    placed = serializers.IntegerField(source="stats.placed")
    weight = serializers.FloatField(source="stats.weight")
    detail = serializers.SerializerMethodField()

    def get_detail(self, obj) -> str:
        return str(_("Stored as a draft; review and publish it on the schedule page."))
