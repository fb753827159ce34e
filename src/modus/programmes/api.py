"""The programmes API: every programme with its owner organisation. Public and read-only."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from modus.api.fields import BlankAsNullSerializerMixin, WebURLField
from modus.api.problems import PROBLEM
from modus.api.views import PublicReadOnlyViewSet
from modus.web.translation_api import TRANSLATED_FIELDS, TranslatedTextsMixin

from .models import Programme
from .selectors import programmes


class ProgrammeSerializer(
    BlankAsNullSerializerMixin, TranslatedTextsMixin, serializers.ModelSerializer
):
    owner = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    url = WebURLField()

    class Meta:
        model = Programme
        fields = [
            "slug",
            "name",
            "description",
            "owner",
            "starts_on",
            "ends_on",
            "website",
            "url",
            *TRANSLATED_FIELDS,
        ]


@extend_schema_view(
    list=extend_schema(summary="Programmes (series of events)"),
    retrieve=extend_schema(
        summary="One programme",
        responses={200: ProgrammeSerializer, 404: PROBLEM},
    ),
)
class ProgrammeViewSet(PublicReadOnlyViewSet):
    """Public. Every programme with its owner organisation."""

    serializer_class = ProgrammeSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return programmes()
