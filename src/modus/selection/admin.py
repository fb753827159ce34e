"""Django admin for calls and applications: for staff who need to look into or repair data.

Everyday work goes through the selection pages and their services, which enforce the rules
(deadlines, conflicts of interest, one vote per person); the admin is a fallback. An
application's entries in the shared action log and the audience votes are records and cannot be
changed here. Application documents are private: the admin links to the download view, which
checks who asks, and never to the file itself.
"""

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from modus.activity.models import ActionLogEntry
from modus.web.translation_forms import TranslationFieldsetsMixin, translated_admin_form

from .models import (
    Application,
    ApplicationDocument,
    AudienceVote,
    Call,
    Criterion,
    CutOff,
    DocumentRequirement,
    Question,
    Reminder,
    Review,
    Score,
)


class ReadOnlyMixin:
    """Records that nobody edits: staff may look, not add, change or delete."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _download_link(document: ApplicationDocument):
    url = reverse(
        "selection:application-document",
        kwargs={"pk": document.application_id, "document_pk": document.pk},
    )
    return format_html('<a href="{}">{}</a>', url, document.original_name)


# Calls ------------------------------------------------------------------------------------------


class CutOffInline(admin.TabularInline):
    model = CutOff
    extra = 0
    fields = ["deadline", "time_zone", "label", "invented"]
    readonly_fields = ["invented"]


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ["title", "weight", "position", "description"]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    fields = ["text", "help_text", "required", "position"]


class DocumentRequirementInline(admin.TabularInline):
    model = DocumentRequirement
    extra = 0
    fields = ["title", "description", "required", "max_bytes", "position"]


@admin.register(Call)
class CallAdmin(TranslationFieldsetsMixin, admin.ModelAdmin):
    form = translated_admin_form(Call)
    list_display = ["title", "purpose", "status", "programme", "session", "created_at"]
    list_filter = ["purpose", "status"]
    list_select_related = ["programme", "session__event"]
    search_fields = ["title", "slug", "programme__name", "session__title", "session__event__name"]
    raw_id_fields = ["programme", "session", "panel"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [CutOffInline, CriterionInline, QuestionInline, DocumentRequirementInline]
    fieldsets = [
        (
            None,
            {"fields": ["purpose", "title", "slug", "description", "original_language", "status"]},
        ),
        (_("Owner"), {"fields": ["programme", "session"]}),
        (_("Rules"), {"fields": ["eligible_kinds", "eligible_countries", "review_days"]}),
        (_("Scoring"), {"fields": ["score_min", "score_max", "panel"]}),
        (
            _("Pitching"),
            {"fields": ["pitch_minutes", "places", "voting_open", "results_published"]},
        ),
        (_("History"), {"fields": ["created_at", "updated_at"]}),
    ]


@admin.register(CutOff)
class CutOffAdmin(admin.ModelAdmin):
    list_display = ["__str__", "call", "deadline", "time_zone", "invented"]
    list_filter = ["time_zone", "invented"]
    list_select_related = ["call"]
    search_fields = ["label", "call__title"]
    raw_id_fields = ["call"]
    readonly_fields = ["invented"]
    date_hierarchy = "deadline"


# Applications -----------------------------------------------------------------------------------


class ApplicationDocumentInline(admin.TabularInline):
    model = ApplicationDocument
    extra = 0
    fields = ["requirement", "download", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("file"))
    def download(self, obj):
        return _download_link(obj)


class ReviewInline(admin.TabularInline):
    model = Review
    extra = 0
    fields = ["reviewer", "stage", "assigned_at", "submitted_at"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ActionLogInline(ReadOnlyMixin, GenericTabularInline):
    """The application's entries in the shared action log."""

    model = ActionLogEntry
    extra = 0
    fields = ["at", "what", "actor", "note"]
    readonly_fields = fields
    ordering = ["at", "pk"]

    @admin.display(description=_("action"))
    def what(self, obj):
        return obj.label


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "call", "status", "cut_off", "submitted_at"]
    list_filter = ["call", "status", "cut_off"]
    list_select_related = ["organisation", "call", "cut_off"]
    search_fields = ["title", "summary", "organisation__name", "city"]
    raw_id_fields = [
        "call",
        "organisation",
        "created_by",
        "region",
        "co_organisers",
        "decided_by",
        "created_event",
    ]
    filter_horizontal = ["ecosystems"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [ApplicationDocumentInline, ReviewInline, ActionLogInline]
    date_hierarchy = "created_at"


@admin.register(ApplicationDocument)
class ApplicationDocumentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "application", "requirement", "size", "uploaded_at"]
    list_select_related = ["application", "requirement"]
    search_fields = ["original_name", "application__title"]
    fields = ["application", "requirement", "download", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("file"))
    def download(self, obj):
        return _download_link(obj)


# Reviews ----------------------------------------------------------------------------------------


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0
    fields = ["criterion", "value", "comment"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["reviewer", "application", "stage", "assigned_at", "submitted_at"]
    list_filter = ["stage", "application__call"]
    list_select_related = ["reviewer", "application__organisation"]
    search_fields = ["reviewer__email", "reviewer__full_name", "application__title"]
    raw_id_fields = ["application", "reviewer", "assigned_by"]
    readonly_fields = ["assigned_at"]
    inlines = [ScoreInline]


@admin.register(AudienceVote)
class AudienceVoteAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["call", "application", "user", "created_at"]
    list_filter = ["call"]
    list_select_related = ["call", "application__organisation", "user"]
    search_fields = ["user__email", "application__title"]


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["key", "user", "sent_at"]
    list_select_related = ["user"]
    search_fields = ["key", "user__email"]
