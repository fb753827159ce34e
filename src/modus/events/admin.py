from django.contrib import admin
from django.db import models

from modus.web.translation_forms import TranslationFieldsetsMixin, translated_admin_form

from .models import (
    AgendaMark,
    Event,
    EventOrganiser,
    Material,
    Registration,
    Room,
    Session,
    SessionRole,
    Venue,
)


class HttpsLinksMixin:
    """Addresses typed without a scheme are taken as https (Django 6's default)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class EventOrganiserInline(admin.TabularInline):
    model = EventOrganiser
    extra = 1
    autocomplete_fields = ["organisation"]


class RoomInline(admin.TabularInline):
    model = Room
    extra = 0
    fields = ["name", "capacity", "position"]


@admin.register(Event)
class EventAdmin(TranslationFieldsetsMixin, admin.ModelAdmin):
    form = translated_admin_form(Event)
    list_display = ["name", "programme", "edition_number", "starts_on", "ends_on", "status"]
    list_filter = ["status", "programme", "country_code"]
    search_fields = ["name", "slug", "city"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["region", "programme"]
    inlines = [EventOrganiserInline, RoomInline]
    date_hierarchy = "starts_on"


@admin.register(Venue)
class VenueAdmin(HttpsLinksMixin, admin.ModelAdmin):
    list_display = ["name", "city", "country_code"]
    list_filter = ["country_code"]
    search_fields = ["name", "city", "address"]


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "capacity", "position"]
    list_select_related = ["event"]
    search_fields = ["name", "event__name"]
    raw_id_fields = ["event"]


class SessionRoleInline(admin.TabularInline):
    model = SessionRole
    extra = 1
    autocomplete_fields = ["person"]


@admin.register(Session)
class SessionAdmin(TranslationFieldsetsMixin, HttpsLinksMixin, admin.ModelAdmin):
    form = translated_admin_form(Session)
    list_display = ["title", "event", "kind", "starts_at", "ends_at", "room"]
    list_filter = ["kind"]
    list_select_related = ["event", "room"]
    search_fields = ["title", "slug", "event__name"]
    raw_id_fields = ["event", "room"]
    inlines = [SessionRoleInline]
    date_hierarchy = "starts_at"


@admin.register(Material)
class MaterialAdmin(admin.ModelAdmin):
    list_display = ["title", "session", "kind", "uploaded_at"]
    list_filter = ["kind"]
    list_select_related = ["session"]
    search_fields = ["title", "session__title"]
    raw_id_fields = ["session"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["user", "event", "status", "participant_role", "created_at", "checked_in_at"]
    list_filter = ["status", "participant_role"]
    list_select_related = ["user", "event"]
    search_fields = ["user__email", "user__full_name", "event__name"]
    raw_id_fields = ["event", "user", "organisation"]


@admin.register(AgendaMark)
class AgendaMarkAdmin(admin.ModelAdmin):
    list_display = ["user", "session", "created_at"]
    list_select_related = ["user", "session"]
    search_fields = ["user__email", "session__title"]
    raw_id_fields = ["user", "session"]
