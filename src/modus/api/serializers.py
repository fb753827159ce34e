"""What the API shows of each model, and what it accepts. Writes go through the services."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail

from modus.accounts.models import Person
from modus.directory.models import Ecosystem, Organisation, Region, SmartSpecialisationPriority
from modus.directory.services import PROFILE_FIELDS, update_organisation
from modus.events.models import Event, Session, SessionRole
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


# Event agendas ----------------------------------------------------------------------------------


class OrganisationRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["slug", "name"]


class SessionPersonSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="person.name", read_only=True)
    slug = serializers.CharField(source="person.slug", read_only=True)
    organisation = OrganisationRefSerializer(
        source="person.organisation", read_only=True, allow_null=True
    )

    class Meta:
        model = SessionRole
        fields = ["name", "slug", "role", "organisation"]


@extend_schema_field(OpenApiTypes.DATETIME)
class EventLocalTimeField(serializers.Field):
    """A session's moment in ISO 8601 with the offset of the event's time zone."""

    def __init__(self, attribute, **kwargs):
        self.attribute = attribute
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, session):
        return timezone.localtime(getattr(session, self.attribute), session.event.zone).isoformat()


class SessionSerializer(serializers.ModelSerializer):
    start = EventLocalTimeField("starts_at")
    end = EventLocalTimeField("ends_at")
    room = serializers.CharField(source="room.name", read_only=True, allow_null=True)
    people = SessionPersonSerializer(source="roles", many=True, read_only=True)
    url = WebURLField()

    class Meta:
        model = Session
        fields = [
            "title",
            "slug",
            "kind",
            "start",
            "end",
            "room",
            "abstract",
            "topics",
            "people",
            "recording_url",
            "url",
        ]
        read_only_fields = fields


class EventDetailSerializer(EventSerializer):
    sessions = SessionSerializer(many=True, read_only=True)

    class Meta(EventSerializer.Meta):
        fields = [*EventSerializer.Meta.fields, "time_zone", "description", "sessions"]


class SessionPersonWriteSerializer(serializers.Serializer):
    """A person in a session: ``person`` (the slug of someone known) or a new ``name``."""

    person = serializers.SlugRelatedField(
        slug_field="slug", queryset=Person.objects.all(), required=False, allow_null=True
    )
    name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    organisation = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organisation.objects.all(), required=False, allow_null=True
    )
    role = serializers.ChoiceField(choices=SessionRole.Role.choices, default="speaker")

    def validate(self, data):
        if bool(data.get("person")) == bool((data.get("name") or "").strip()):
            raise serializers.ValidationError(
                _("Give either the slug of a known person or a new person's name."),
                code="person_or_name",
            )
        return data


class SessionWriteSerializer(serializers.Serializer):
    """A session as co-hosts send it. Times without an offset are read in the event's zone."""

    title = serializers.CharField(max_length=250)
    kind = serializers.ChoiceField(choices=Session.Kind.choices)
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    room = serializers.CharField(
        max_length=120, required=False, allow_null=True, allow_blank=True, help_text="Room name."
    )
    abstract = serializers.CharField(required=False, allow_blank=True)
    topics = serializers.ListField(
        child=serializers.CharField(max_length=120), required=False, max_length=50
    )
    recording_url = serializers.URLField(required=False, allow_blank=True)
    people = SessionPersonWriteSerializer(many=True, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.context.get("event")  # absent while the OpenAPI schema is generated
        if event is not None:
            self.fields["start"].timezone = event.zone
            self.fields["end"].timezone = event.zone

    def validate_room(self, value):
        if not value:
            return None
        room = self.context["event"].rooms.filter(name__iexact=value.strip()).first()
        if room is None:
            raise serializers.ValidationError(
                _("The event has no room of this name."), code="unknown_room"
            )
        return room

    def validate(self, data):
        session = self.instance
        start = data.get("start", session.starts_at if session else None)
        end = data.get("end", session.ends_at if session else None)
        if start and end and end <= start:
            raise serializers.ValidationError(
                {
                    "end": [
                        ErrorDetail(_("A session must end after it starts."), "ends_before_start")
                    ]
                }
            )
        return data

    def service_fields(self) -> dict:
        """The validated data under the names ``create_session``/``update_session`` take."""
        names = {"start": "starts_at", "end": "ends_at"}
        fields = {names.get(k, k): v for k, v in self.validated_data.items() if k != "people"}
        if "people" in self.validated_data:
            fields["people"] = [
                (
                    item["person"]
                    if item.get("person")
                    else {"name": item["name"], "organisation": item.get("organisation")},
                    item["role"],
                )
                for item in self.validated_data["people"]
            ]
        return fields
