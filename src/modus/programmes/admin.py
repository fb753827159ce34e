from django.contrib import admin

from .models import Programme


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "starts_on", "ends_on"]
    search_fields = ["name", "slug", "owner__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["owner"]
    filter_horizontal = ["team"]
