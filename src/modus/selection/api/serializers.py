"""What the selection API shows of calls, applications and reviews, and the input it accepts."""

import datetime as dt

from django.urls import reverse
from django.utils import formats
from rest_framework import serializers

from modus.directory.models import Ecosystem, Organisation, Region
from modus.web.translation_api import TRANSLATED_FIELDS, TranslatedTextsMixin

from ..models import (
    Application,
    ApplicationDocument,
    Call,
    Criterion,
    CutOff,
    DocumentRequirement,
    Question,
    Review,
)
from ..selectors.applications import missing_parts


def local_deadline_text(cut_off: CutOff) -> str:
    """“2 December 2022, 18:00 CET”: the deadline as people in its own time zone read it."""
    local = cut_off.local_deadline()
    return f"{formats.date_format(local, 'j F Y')}, {local:%H:%M} {local.tzname()}"


class CutOffSerializer(serializers.ModelSerializer):
    deadline = serializers.DateTimeField(
        default_timezone=dt.UTC, help_text="The deadline in UTC; that moment itself is too late."
    )
    local_deadline = serializers.SerializerMethodField(
        help_text="The deadline in its own time zone, e.g. “2 December 2022, 18:00 CET”."
    )
    invented = serializers.BooleanField(
        read_only=True, help_text="True when the date is not public and was invented for the demo."
    )

    class Meta:
        model = CutOff
        fields = ["id", "label", "deadline", "time_zone", "local_deadline", "invented"]

    def get_local_deadline(self, obj) -> str:
        return local_deadline_text(obj)


# Texts in the reader's language (?lang= or Accept-Language) with every language in
# "translations"; a call's parts are written in the call's original language.
class CriterionSerializer(TranslatedTextsMixin, serializers.ModelSerializer):
    class Meta:
        model = Criterion
        fields = ["id", "title", "description", "weight", *TRANSLATED_FIELDS]


class QuestionSerializer(TranslatedTextsMixin, serializers.ModelSerializer):
    class Meta:
        model = Question
        fields = ["id", "text", "help_text", "required", *TRANSLATED_FIELDS]


class DocumentRequirementSerializer(TranslatedTextsMixin, serializers.ModelSerializer):
    class Meta:
        model = DocumentRequirement
        fields = ["id", "title", "description", "required", "max_bytes", *TRANSLATED_FIELDS]


class CallSerializer(TranslatedTextsMixin, serializers.ModelSerializer):
    purpose = serializers.CharField(read_only=True, help_text="“host” or “pitches”.")
    status = serializers.CharField(read_only=True, help_text="“draft”, “open” or “closed”.")
    programme = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    event = serializers.CharField(
        source="session.event.slug", read_only=True, default=None, allow_null=True
    )
    session = serializers.CharField(
        source="session.slug", read_only=True, default=None, allow_null=True
    )
    url = serializers.SerializerMethodField()

    class Meta:
        model = Call
        fields = [
            "slug",
            "title",
            "purpose",
            "status",
            "programme",
            "event",
            "session",
            "url",
            *TRANSLATED_FIELDS,
        ]

    def get_url(self, obj) -> str:
        return obj.get_absolute_url()


class CallDetailSerializer(CallSerializer):
    cut_offs = CutOffSerializer(many=True, read_only=True)
    criteria = CriterionSerializer(many=True, read_only=True)
    questions = QuestionSerializer(many=True, read_only=True)
    documents = DocumentRequirementSerializer(many=True, read_only=True)

    class Meta(CallSerializer.Meta):
        fields = [
            *CallSerializer.Meta.fields,
            "description",
            "eligible_kinds",
            "eligible_countries",
            "score_min",
            "score_max",
            "pitch_minutes",
            "places",
            "voting_open",
            "results_published",
            "cut_offs",
            "criteria",
            "questions",
            "documents",
        ]


class ApplicantOrganisationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["slug", "name", "country_code"]


class ApplicationDocumentSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(
        help_text="The download page; it checks who asks (documents have no public address)."
    )

    class Meta:
        model = ApplicationDocument
        fields = ["id", "requirement", "original_name", "size", "uploaded_at", "url"]

    def get_url(self, obj) -> str:
        return reverse(
            "selection:application-document",
            kwargs={"pk": obj.application_id, "document_pk": obj.pk},
        )


class ApplicationSerializer(serializers.ModelSerializer):
    call = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    organisation = ApplicantOrganisationSerializer(read_only=True)
    status = serializers.CharField(
        read_only=True, help_text="“draft”, “submitted”, “withdrawn”, “accepted” or “rejected”."
    )
    region = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    created_event = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Application
        fields = [
            "id",
            "call",
            "organisation",
            "title",
            "status",
            "cut_off",
            "submitted_at",
            "region",
            "city",
            "running_order",
            "decided_at",
            "created_event",
        ]


class ApplicationDetailSerializer(ApplicationSerializer):
    ecosystems = serializers.SlugRelatedField(slug_field="key", many=True, read_only=True)
    co_organisers = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    documents = ApplicationDocumentSerializer(many=True, read_only=True)
    answers = serializers.DictField(
        child=serializers.CharField(), read_only=True, help_text="Answers by question id."
    )
    missing = serializers.SerializerMethodField(
        help_text="What a draft still needs before it can be submitted."
    )

    class Meta(ApplicationSerializer.Meta):
        fields = [
            *ApplicationSerializer.Meta.fields,
            "summary",
            "answers",
            "proposed_starts_on",
            "proposed_ends_on",
            "venue",
            "ecosystems",
            "co_organisers",
            "documents",
            "decision_reasons",
            "missing",
        ]

    def get_missing(self, obj) -> list[str]:
        if obj.status != Application.Status.DRAFT:
            return []
        return [str(part) for part in missing_parts(obj)]


class ApplicationStartSerializer(serializers.Serializer):
    organisation = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Organisation.objects.all(),
        required=False,
        help_text="The applicant organisation (you must be a member); "
        "optional when you belong to only one.",
    )
    title = serializers.CharField(max_length=250, required=False, allow_blank=True)


class ApplicationDraftSerializer(serializers.Serializer):
    """The fields a draft may change; send only those you change."""

    title = serializers.CharField(max_length=250, required=False)
    summary = serializers.CharField(required=False, allow_blank=True)
    region = serializers.SlugRelatedField(
        slug_field="code", queryset=Region.objects.all(), required=False, allow_null=True
    )
    proposed_starts_on = serializers.DateField(required=False, allow_null=True)
    proposed_ends_on = serializers.DateField(required=False, allow_null=True)
    venue = serializers.CharField(max_length=250, required=False, allow_blank=True)
    city = serializers.CharField(max_length=120, required=False, allow_blank=True)
    answers = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        required=False,
        help_text="Answers by question id; unknown ids are ignored.",
    )
    ecosystems = serializers.SlugRelatedField(
        slug_field="key", queryset=Ecosystem.objects.all(), many=True, required=False
    )
    co_organisers = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organisation.objects.all(), many=True, required=False
    )


class WithdrawSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class ScoreSerializer(serializers.Serializer):
    value = serializers.IntegerField(allow_null=True)
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class ReviewSerializer(serializers.ModelSerializer):
    stage = serializers.CharField(read_only=True, help_text="“selection” or “live”.")
    application = ApplicationSerializer(read_only=True)

    class Meta:
        model = Review
        fields = ["id", "stage", "application", "assigned_at", "submitted_at"]


class ReviewDetailSerializer(ReviewSerializer):
    criteria = serializers.SerializerMethodField()
    scores = serializers.SerializerMethodField(
        help_text="Your scores by criterion id: {value, comment}."
    )
    scale = serializers.SerializerMethodField()
    others = serializers.SerializerMethodField(
        help_text="The other reviewers' submitted scores, once you have submitted your own."
    )

    class Meta(ReviewSerializer.Meta):
        fields = [*ReviewSerializer.Meta.fields, "comment", "scale", "criteria", "scores", "others"]

    def get_criteria(self, obj) -> list[dict]:
        return CriterionSerializer(obj.application.call.criteria.all(), many=True).data

    def get_scale(self, obj) -> dict:
        call = obj.application.call
        return {"min": call.score_min, "max": call.score_max}

    def get_scores(self, obj) -> dict:
        return {
            str(score.criterion_id): {"value": score.value, "comment": score.comment}
            for score in obj.scores.all()
        }

    def get_others(self, obj) -> list[dict]:
        visible = self.context.get("visible_reviews", [])
        return [
            {
                "reviewer": str(review.reviewer),
                "submitted_at": review.submitted_at,
                "comment": review.comment,
                "scores": {
                    str(score.criterion_id): {"value": score.value, "comment": score.comment}
                    for score in review.scores.all()
                },
            }
            for review in visible
            if review.pk != obj.pk and review.stage == obj.stage
        ]


class ReviewInputSerializer(serializers.Serializer):
    scores = serializers.DictField(
        child=ScoreSerializer(),
        help_text="Scores by criterion id: {value, comment}; a null value removes the score.",
    )
    comment = serializers.CharField(required=False, allow_blank=True, default="")
    submit = serializers.BooleanField(
        required=False, default=False, help_text="Submit: every criterion scored; final."
    )


class RankingRowSerializer(serializers.Serializer):
    application = ApplicationSerializer()
    mean = serializers.FloatField(
        allow_null=True, help_text="Weighted mean of the submitted reviews."
    )
    spread = serializers.FloatField(
        allow_null=True, help_text="Highest minus lowest reviewer total."
    )
    submitted = serializers.IntegerField()
    assigned = serializers.IntegerField()
    missing = serializers.IntegerField(help_text="Assigned reviews not yet submitted.")
