import io

from django.contrib import admin
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from modus.web.translation_forms import TranslationFieldsetsMixin

from . import services
from .forms import OrganisationAdminForm
from .models import Ecosystem, Organisation, Region, SmartSpecialisationPriority


@admin.register(Ecosystem)
class EcosystemAdmin(admin.ModelAdmin):
    list_display = ["label", "key", "position"]
    search_fields = ["label", "key"]
    ordering = ["position"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "country_code", "parent"]
    list_filter = ["level", "country_code"]
    search_fields = ["code", "name"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]


class PriorityEcosystemsInline(admin.TabularInline):
    model = SmartSpecialisationPriority.ecosystems.through
    extra = 0
    verbose_name = _("industrial ecosystem")
    verbose_name_plural = _("industrial ecosystems")


@admin.register(SmartSpecialisationPriority)
class PriorityAdmin(admin.ModelAdmin):
    list_display = ["title", "region", "period", "position"]
    list_filter = ["period"]
    search_fields = ["title", "description", "region__code", "region__name"]
    list_select_related = ["region"]
    autocomplete_fields = ["region"]
    filter_horizontal = ["ecosystems"]


@admin.action(description=_("Export the selected organisations as CSV"))
def export_csv(modeladmin, request, queryset):
    out = io.StringIO()
    services.export_organisations_csv(queryset, out)
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="organisations.csv"'
    return response


@admin.register(Organisation)
class OrganisationAdmin(TranslationFieldsetsMixin, admin.ModelAdmin):
    form = OrganisationAdminForm
    list_display = ["name", "kind", "country_code", "region", "label", "validation_status"]
    list_filter = ["kind", "label", "validation_status", "country_code", "ecosystems"]
    search_fields = ["name", "acronym", "slug", "city", "region__code", "region__name"]
    list_select_related = ["region"]
    autocomplete_fields = ["region"]
    filter_horizontal = ["ecosystems"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at"]
    actions = [export_csv]

    def save_related(self, request, form, formsets, change):
        # The admin writes the model itself; keep the search text in step with what it saved.
        super().save_related(request, form, formsets, change)
        services.refresh_search_text(form.instance)
