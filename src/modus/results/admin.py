from django.contrib import admin

from .models import FollowUpPlan, Invitation


@admin.register(FollowUpPlan)
class FollowUpPlanAdmin(admin.ModelAdmin):
    list_display = ("event", "programme", "months")
    raw_id_fields = ("event", "programme")


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Who was asked and when: read only (the job writes them; answers are counted)."""

    list_display = ("kind", "event", "user", "sent_at", "reminded_at", "answered_at", "closes_at")
    list_filter = ("kind",)
    readonly_fields = (
        "kind",
        "event",
        "user",
        "version",
        "sent_at",
        "reminded_at",
        "extra_reminded_at",
        "answered_at",
        "closes_at",
    )

    def has_add_permission(self, request):
        return False
