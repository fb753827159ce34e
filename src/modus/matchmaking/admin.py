"""Django admin for matchmaking: for staff who need to look into or repair an event's data.

Everyday work goes through the matchmaking pages and their services; the admin is a fallback.
"""

from django.contrib import admin

from modus.events.admin import HttpsLinksMixin

from .models import (
    Availability,
    MarketplaceProfile,
    MatchmakingSettings,
    Meeting,
    MeetingOutcome,
    MeetingRequest,
    ScheduleVersion,
)


@admin.register(MatchmakingSettings)
class MatchmakingSettingsAdmin(HttpsLinksMixin, admin.ModelAdmin):
    list_display = ["event", "enabled", "slot_minutes", "tables", "virtual", "request_deadline"]
    list_filter = ["enabled", "virtual"]
    list_select_related = ["event"]
    search_fields = ["event__name", "event__slug"]
    raw_id_fields = ["event"]


class AvailabilityInline(admin.StackedInline):
    model = Availability
    extra = 0


@admin.register(MarketplaceProfile)
class MarketplaceProfileAdmin(admin.ModelAdmin):
    list_display = ["display_name", "event", "organisation", "opted_in", "updated_at"]
    list_filter = ["opted_in"]
    list_select_related = ["user", "event", "organisation"]
    search_fields = ["user__full_name", "user__email", "organisation__name", "offers", "seeks"]
    raw_id_fields = ["event", "user", "organisation"]
    filter_horizontal = ["ecosystems"]
    inlines = [AvailabilityInline]


@admin.register(MeetingRequest)
class MeetingRequestAdmin(admin.ModelAdmin):
    list_display = ["from_profile", "to_profile", "event", "status", "created_at", "responded_at"]
    list_filter = ["status"]
    list_select_related = ["from_profile__user", "to_profile__user", "event"]
    search_fields = ["from_profile__user__full_name", "to_profile__user__full_name", "message"]
    raw_id_fields = ["event", "from_profile", "to_profile"]
    date_hierarchy = "created_at"


class MeetingInline(admin.TabularInline):
    model = Meeting
    extra = 0
    fields = ["slot_id", "starts_at", "ends_at", "table", "pinned", "status", "cancelled_at"]
    show_change_link = True


@admin.register(ScheduleVersion)
class ScheduleVersionAdmin(admin.ModelAdmin):
    list_display = ["event", "status", "created_at", "published_at", "created_by"]
    list_filter = ["status"]
    list_select_related = ["event", "created_by"]
    search_fields = ["event__name", "event__slug"]
    raw_id_fields = ["event", "created_by"]
    readonly_fields = ["created_at", "stats", "instance", "schedule"]
    inlines = [MeetingInline]


class MeetingOutcomeInline(admin.TabularInline):
    model = MeetingOutcome
    extra = 0
    raw_id_fields = ["profile"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "version", "starts_at", "table", "pinned", "status", "cancelled_at"]
    list_filter = ["status", "pinned", "version__status"]
    list_select_related = ["version__event"]
    search_fields = ["participants__user__full_name", "slot_id"]
    raw_id_fields = ["version", "participants", "requests"]
    inlines = [MeetingOutcomeInline]


@admin.register(MeetingOutcome)
class MeetingOutcomeAdmin(admin.ModelAdmin):
    list_display = ["meeting", "profile", "outcome", "recorded_at"]
    list_filter = ["outcome"]
    list_select_related = ["meeting", "profile__user"]
    raw_id_fields = ["meeting", "profile"]
