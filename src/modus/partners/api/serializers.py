"""What the API shows of opportunities, interest and suggestions, and what it accepts."""

from django.utils.translation import gettext as _
from rest_framework import serializers

from modus.api.fields import WebURLField
from modus.directory.models import Ecosystem, Organisation, Region
from modus.events.models import Event

from ..models import Interest, Opportunity, Suggestion
from ..suggestions.reasons import in_words


class OpportunitySerializer(serializers.ModelSerializer):
    kind = serializers.CharField(source="kind.key", read_only=True)
    kind_label = serializers.CharField(source="kind.display_label", read_only=True)
    direction = serializers.CharField(source="kind.direction", read_only=True)
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    event = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    ecosystems = serializers.SlugRelatedField(slug_field="key", many=True, read_only=True)
    keywords = serializers.ListField(source="keyword_list", child=serializers.CharField())
    target_regions = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    status = serializers.CharField(
        read_only=True, help_text="pending (waiting for validation), published or refused"
    )
    url = WebURLField()

    class Meta:
        model = Opportunity
        fields = [
            "id",
            "kind",
            "kind_label",
            "direction",
            "title",
            "description",
            "organisation",
            "event",
            "ecosystems",
            "keywords",
            "target_countries",
            "target_regions",
            "expires_on",
            "status",
            "refusal_reason",
            "created_at",
            "url",
        ]
        read_only_fields = fields


class OpportunityCreateSerializer(serializers.Serializer):
    """A new opportunity; ``kind`` is the key of a built-in kind or one of the event's."""

    organisation = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organisation.objects.all()
    )
    event = serializers.SlugRelatedField(
        slug_field="slug", queryset=Event.objects.all(), required=False, allow_null=True
    )
    kind = serializers.SlugField()
    title = serializers.CharField(max_length=200)
    description = serializers.CharField()
    expires_on = serializers.DateField()
    ecosystems = serializers.SlugRelatedField(
        slug_field="key", queryset=Ecosystem.objects.all(), many=True, required=False
    )
    keywords = serializers.CharField(max_length=300, required=False, allow_blank=True)
    target_countries = serializers.ListField(
        child=serializers.RegexField(r"^[A-Za-z]{2}$"), required=False
    )
    target_regions = serializers.SlugRelatedField(
        slug_field="code", queryset=Region.objects.all(), many=True, required=False
    )

    def __init__(self, *args, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = kinds  # event (or None) → the kinds it offers

    def validate(self, attrs):
        kind = self.kinds(attrs.get("event")).filter(key=attrs["kind"]).first()
        if kind is None:
            raise serializers.ValidationError(
                {"kind": [_("No such kind of opportunity here.")]}, code="kind"
            )
        attrs["kind"] = kind
        attrs["target_countries"] = [c.upper() for c in attrs.get("target_countries", [])]
        return attrs


class InterestSerializer(serializers.ModelSerializer):
    opportunity = serializers.PrimaryKeyRelatedField(read_only=True)
    meeting_request = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    status = serializers.CharField(read_only=True, help_text="pending, accepted or declined")

    class Meta:
        model = Interest
        fields = ["id", "opportunity", "message", "status", "meeting_request", "created_at"]
        read_only_fields = ["id", "opportunity", "status", "meeting_request", "created_at"]
        extra_kwargs = {"message": {"required": False}}


class ReasonSerializer(serializers.Serializer):
    code = serializers.CharField()
    params = serializers.DictField()
    text = serializers.SerializerMethodField()

    def get_text(self, reason) -> str:
        """The reason in words, in the request's language."""
        return in_words(reason)


class CandidateSerializer(serializers.Serializer):
    profile = serializers.IntegerField(source="pk")
    name = serializers.CharField(source="display_name")
    organisation = serializers.CharField(source="organisation.slug", allow_null=True, default=None)
    organisation_name = serializers.CharField(
        source="organisation.name", allow_null=True, default=None
    )


class SuggestionSerializer(serializers.ModelSerializer):
    candidate = CandidateSerializer(read_only=True)
    reasons = ReasonSerializer(many=True, read_only=True)
    opportunity = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = Suggestion
        fields = ["rank", "score", "candidate", "reasons", "opportunity"]
        read_only_fields = fields
