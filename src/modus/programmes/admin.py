from django.contrib import admin

from modus.web.translation_forms import TranslationFieldsetsMixin

from .forms import ProgrammeAdminForm
from .models import Programme


@admin.register(Programme)
class ProgrammeAdmin(TranslationFieldsetsMixin, admin.ModelAdmin):
    form = ProgrammeAdminForm
    list_display = ["name", "owner", "starts_on", "ends_on", "original_language"]
    search_fields = ["name", "slug", "owner__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["owner"]
    filter_horizontal = ["team"]
