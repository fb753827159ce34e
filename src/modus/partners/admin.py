"""Admin for partners: a fallback for staff; everyday work goes through the pages."""

from django.contrib import admin

from .models import Interest, ModerationSettings, Opportunity, OpportunityKind


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ("title", "organisation", "event", "kind", "status", "expires_on")
    list_filter = ("status", "kind")
    search_fields = ("title", "organisation__name")
    raw_id_fields = ("organisation", "author", "event")


admin.site.register(OpportunityKind)
admin.site.register(ModerationSettings)
admin.site.register(Interest)
