from django.contrib import admin

from .models import Event, EventOrganiser


class EventOrganiserInline(admin.TabularInline):
    model = EventOrganiser
    extra = 1
    autocomplete_fields = ["organisation"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["name", "programme", "edition_number", "starts_on", "ends_on", "status"]
    list_filter = ["status", "programme", "country_code"]
    search_fields = ["name", "slug", "city"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["region", "programme"]
    inlines = [EventOrganiserInline]
    date_hierarchy = "starts_on"
