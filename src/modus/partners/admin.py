"""Admin for partners: a fallback for staff; everyday work goes through the pages."""

from django.contrib import admin

from modus.web.translation_forms import TranslationFieldsetsMixin, translated_admin_form

from .models import Interest, ModerationSettings, Opportunity, OpportunityKind


@admin.register(Opportunity)
class OpportunityAdmin(TranslationFieldsetsMixin, admin.ModelAdmin):
    form = translated_admin_form(Opportunity)
    list_display = ("title", "organisation", "event", "kind", "status", "expires_on")
    list_filter = ("status", "kind")
    search_fields = ("title", "organisation__name")
    raw_id_fields = ("organisation", "author", "event")


admin.site.register(OpportunityKind)
admin.site.register(ModerationSettings)
admin.site.register(Interest)
