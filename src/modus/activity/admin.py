from django.contrib import admin

from .models import ActionLogEntry


@admin.register(ActionLogEntry)
class ActionLogEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is written by the services and never edited."""

    list_display = ["at", "action", "content_type", "object_id", "actor"]
    list_filter = ["action", "content_type"]
    date_hierarchy = "at"
    list_select_related = ["actor", "content_type"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
