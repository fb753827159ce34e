"""What the API shows of events and their sessions, and what co-hosts send to change a session.
Writes go through ``events.services``."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail

from modus.accounts.models import Person
from modus.api.fields import BlankAsNullSerializerMixin, WebURLField
from modus.directory.api.serializers import OrganisationRefSerializer
from modus.directory.models import Organisation
from modus.web.translation_api import TRANSLATED_FIELDS, TranslatedTextsMixin

from ..models import Event, Session, SessionRole
from ..services.agenda import outside_event_days


class EventSerializer(TranslatedTextsMixin, serializers.ModelSerializer):
    start = serializers.DateField(source="starts_on", read_only=True)
    end = serializers.DateField(source="ends_on", read_only=True)
    region = serializers.CharField(source="region_id", read_only=True, allow_null=True)
    programme = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
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
            *TRANSLATED_FIELDS,
        ]


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


class SessionSerializer(
    BlankAsNullSerializerMixin, TranslatedTextsMixin, serializers.ModelSerializer
):
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
            "outside_event_days",
            "url",
            *TRANSLATED_FIELDS,
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
    outside_event_days = serializers.BooleanField(
        required=False,
        help_text="Held before or after the event's days (otherwise start and end must fall "
        "within them).",
    )
    people = SessionPersonWriteSerializer(many=True, required=False)
    original_language = serializers.ChoiceField(choices=settings.LANGUAGES, required=False)
    translations = serializers.DictField(
        child=serializers.DictField(child=serializers.CharField(allow_blank=True)),
        required=False,
        help_text="Other languages: {code: {title, abstract}}.",
    )

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
        allowed = data.get("outside_event_days", session.outside_event_days if session else False)
        if not allowed:
            names = {"starts_at": "start", "ends_at": "end"}
            errors = outside_event_days(self.context["event"], start, end)
            if errors:
                raise serializers.ValidationError(
                    {
                        names[name]: [ErrorDetail(error.message % error.params, error.code)]
                        for name, [error] in errors.items()
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
