from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from outreach.models import AccessLogEntry, Membership, Team, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(User)
class OutreachUserAdmin(UserAdmin):
    inlines = [MembershipInline]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    inlines = [MembershipInline]


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only evidence."""

    list_display = [
        "at",
        "user",
        "team",
        "client_id",
        "record_type",
        "record_id",
        "action",
        "result",
        "ip_address",
    ]
    list_filter = ["action", "result", "team"]
    search_fields = ["=client_id", "=record_id", "user__username"]
    list_select_related = ["user", "team"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
