"""The news API: published articles, newest first. Public and read-only."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from modus.api.fields import WebURLField
from modus.api.problems import PROBLEM
from modus.api.views import PublicReadOnlyViewSet

from .models import Article
from .selectors import published_articles


class ArticleSerializer(serializers.ModelSerializer):
    created = serializers.DateTimeField(source="created_at", read_only=True)
    published = serializers.DateTimeField(source="published_at", read_only=True)
    url = WebURLField()

    class Meta:
        model = Article
        fields = ["slug", "title", "lead", "created", "published", "language", "url"]


@extend_schema_view(
    list=extend_schema(summary="Published news articles, newest first"),
    retrieve=extend_schema(
        summary="One published article",
        responses={200: ArticleSerializer, 404: PROBLEM},
    ),
)
class ArticleViewSet(PublicReadOnlyViewSet):
    """Public. Published articles only; drafts and scheduled articles stay hidden."""

    serializer_class = ArticleSerializer
    lookup_field = "slug"
    filterset_fields = ["language"]

    def get_queryset(self):
        return published_articles().order_by("-published_at", "-pk")
