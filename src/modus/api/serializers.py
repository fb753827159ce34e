"""What the API shows of each model, and what it accepts. Writes go through the services."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from modus.directory.models import Ecosystem, Organisation, Region, SmartSpecialisationPriority
from modus.directory.services import PROFILE_FIELDS, update_organisation
from modus.events.models import Event
from modus.news.models import Article
from modus.programmes.models import Programme


@extend_schema_field(OpenApiTypes.URI)
class WebURLField(serializers.Field):
    """The absolute address of the object's public web page."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        url = value.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url


# Directory --------------------------------------------------------------------------------------


class EcosystemSerializer(serializers.ModelSerializer):
    class Meta:
        model = Ecosystem
        fields = ["key", "label", "position"]


class OrganisationSerializer(serializers.ModelSerializer):
    region = serializers.CharField(source="region_id", read_only=True, allow_null=True)
    ecosystems = serializers.SlugRelatedField(slug_field="key", many=True, read_only=True)
    url = WebURLField()

    class Meta:
        model = Organisation
        fields = [
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
        read_only_fields = fields


class OrganisationDetailSerializer(OrganisationSerializer):
    class Meta(OrganisationSerializer.Meta):
        fields = [
            *OrganisationSerializer.Meta.fields,
            "description",
            "email",
            "phone",
            "founded_year",
            "technology_fields",
            "members_sme",
            "members_large",
            "members_research",
            "members_public",
            "members_other",
            "member_total",
            "management_staff_fte",
            "label_date",
            "validation_status",
            "updated_at",
        ]
        read_only_fields = fields

    member_total = serializers.IntegerField(read_only=True, allow_null=True)


class OrganisationUpdateSerializer(serializers.ModelSerializer):
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

    class Meta:
        model = Organisation
        fields = [name for name in PROFILE_FIELDS if name != "logo"]

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


# News, programmes, events -----------------------------------------------------------------------


class ArticleSerializer(serializers.ModelSerializer):
    created = serializers.DateTimeField(source="created_at", read_only=True)
    published = serializers.DateTimeField(source="published_at", read_only=True)
    url = WebURLField()

    class Meta:
        model = Article
        fields = ["slug", "title", "lead", "created", "published", "language", "url"]


class ProgrammeSerializer(serializers.ModelSerializer):
    owner = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    url = WebURLField()

    class Meta:
        model = Programme
        fields = ["slug", "name", "owner", "starts_on", "ends_on", "website", "url"]


class EventSerializer(serializers.ModelSerializer):
    start = serializers.DateField(source="starts_on", read_only=True)
    end = serializers.DateField(source="ends_on", read_only=True)
    region = serializers.CharField(source="region_id", read_only=True, allow_null=True)
    programme = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    url = WebURLField()

    class Meta:
        model = Event
        fields = [
            "slug",
            "name",
            "start",
            "end",
            "status",
            "city",
            "country_code",
            "region",
            "programme",
            "url",
        ]
