"""The news API: published articles, newest first. Public and read-only."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from modus.api.fields import WebURLField
from modus.api.problems import PROBLEM
from modus.api.views import PublicReadOnlyViewSet
from modus.web.translations import api_texts

from .models import Article
from .selectors import published_articles


class ArticleSerializer(serializers.ModelSerializer):
    created = serializers.DateTimeField(source="created_at", read_only=True)
    published = serializers.DateTimeField(source="published_at", read_only=True)
    url = WebURLField()
    original_language = serializers.CharField(source="original", read_only=True)
    shown_language = serializers.CharField(read_only=True, default="")
    translations = serializers.DictField(
        read_only=True, help_text="Every language of the article: {code: {title, lead}}."
    )

    class Meta:
        model = Article
        fields = [
            "slug",
            "title",
            "lead",
            "created",
            "published",
            "language",
            "url",
            "original_language",
            "shown_language",
            "translations",
        ]

    def to_representation(self, instance):
        """Title and lead in the reader's language (``?lang=`` or ``Accept-Language``), plus
        ``shown_language``, ``original_language`` and every language in ``translations``."""
        data = super().to_representation(instance)
        data.update(api_texts(instance, self.context.get("request"), ("title", "lead")))
        return data


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
