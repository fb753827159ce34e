"""What the API shows of organisations, regions and ecosystems, and what it accepts."""

from rest_framework import serializers

from modus.api.fields import BlankAsNullSerializerMixin, WebURLField
from modus.web.translation_api import (
    TranslatedTextsMixin,
    original_language_write_field,
    translations_write_field,
)

from ..models import (
    PROFILE_FIELDS,
    Ecosystem,
    Organisation,
    Region,
    SmartSpecialisationPriority,
)
from ..services import update_organisation

# What the directory's list shows of each organisation; the detail adds the rest of the profile.
SUMMARY_FIELDS = [
    "slug",
    "name",
    "acronym",
    "kind",
    "country_code",
    "region",
    "city",
    "website",
    "ecosystems",
    "label",
    "url",
]
# The profile as the API writes it: every profile field but the logo (an upload).
API_PROFILE_FIELDS = [name for name in PROFILE_FIELDS if name != "logo"]


class EcosystemSerializer(serializers.ModelSerializer):
    class Meta:
        model = Ecosystem
        fields = ["key", "label", "position"]


# An organisation named in another object (a speaker's, for instance).
class OrganisationRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["slug", "name"]


class OrganisationSerializer(BlankAsNullSerializerMixin, serializers.ModelSerializer):
    region = serializers.CharField(source="region_id", read_only=True, allow_null=True)
    ecosystems = serializers.SlugRelatedField(slug_field="key", many=True, read_only=True)
    url = WebURLField()

    class Meta:
        model = Organisation
        fields = SUMMARY_FIELDS
        read_only_fields = fields


class OrganisationDetailSerializer(TranslatedTextsMixin, OrganisationSerializer):
    """The whole profile; ``description`` in the reader's language, every language in
    ``translations``."""

    member_total = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta(OrganisationSerializer.Meta):
        fields = [
            *SUMMARY_FIELDS,
            *(name for name in API_PROFILE_FIELDS if name not in SUMMARY_FIELDS),
            "shown_language",
            "member_total",
            "updated_at",
        ]
        read_only_fields = fields


class OrganisationUpdateSerializer(BlankAsNullSerializerMixin, serializers.ModelSerializer):
    """The fields an organisation's admin may change; saved by ``update_organisation``."""

    region = serializers.SlugRelatedField(
        slug_field="code", queryset=Region.objects.all(), allow_null=True, required=False
    )
    ecosystems = serializers.SlugRelatedField(
        slug_field="key", queryset=Ecosystem.objects.all(), many=True, required=False
    )
    technology_fields = serializers.ListField(
        child=serializers.CharField(max_length=120), required=False, max_length=50
    )
    original_language = original_language_write_field()
    translations = translations_write_field("description")

    class Meta:
        model = Organisation
        fields = API_PROFILE_FIELDS

    def validate_country_code(self, value):
        return value.upper()

    def create(self, validated_data):  # pragma: no cover - the API does not create organisations
        raise NotImplementedError

    def update(self, instance, validated_data):
        return update_organisation(instance, actor=self.context["request"].user, **validated_data)


class PrioritySerializer(serializers.ModelSerializer):
    ecosystems = serializers.SlugRelatedField(slug_field="key", many=True, read_only=True)

    class Meta:
        model = SmartSpecialisationPriority
        fields = ["title", "description", "period", "ecosystems"]


class RegionSerializer(serializers.ModelSerializer):
    parent = serializers.CharField(source="parent_id", read_only=True, allow_null=True)
    children = serializers.SerializerMethodField()
    priorities = PrioritySerializer(many=True, read_only=True)
    url = WebURLField()

    class Meta:
        model = Region
        fields = [
            "code",
            "name",
            "level",
            "country_code",
            "parent",
            "children",
            "priorities",
            "url",
        ]

    def get_children(self, region) -> list[str]:
        return [child.code for child in region.children.all()]
