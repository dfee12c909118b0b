from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from outreach.access import Action, log_access, log_records
from outreach.csvexport import csv_response
from outreach.models import (
    AccessLogEntry,
    ExternalIdentity,
    GroupClaimMapping,
    Membership,
    RoleChange,
    Team,
    User,
)
from outreach.services import (
    membership_remove,
    membership_set,
    user_active_set,
    user_manager_set,
)


def _local(moment):
    return timezone.localtime(moment).strftime("%d-%m-%Y %H:%M") if moment else ""


def _role(membership):
    # The aandachtsfunctionaris is a task next to the role; the access review shows both.
    role = membership.get_role_display()
    return f"{role}, {_('aandachtsfunctionaris')}" if membership.is_aandachtsfunctionaris else role


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]
    readonly_fields = ["granted_at"]


class ExternalIdentityInline(admin.TabularInline):
    """Which provider account signs in as this user; made at the first login, never typed."""

    model = ExternalIdentity
    extra = 0
    readonly_fields = ["issuer", "subject", "created_at"]
    can_delete = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(GroupClaimMapping)
class GroupClaimMappingAdmin(admin.ModelAdmin):
    """Which of the provider's groups give which role in which team (docs/sso.md)."""

    list_display = ["group", "team", "role"]
    list_filter = ["role", "team"]
    search_fields = ["group"]


class MembershipsThroughServices:
    """Memberships edited in the admin go through the services, so every change is logged."""

    def save_formset(self, request, form, formset, change):
        if formset.model is not Membership:
            return super().save_formset(request, form, formset, change)
        memberships = formset.save(commit=False)
        for membership in formset.deleted_objects:
            membership_remove(acting_user=request.user, team=membership.team, user=membership.user)
        for membership in memberships:
            if membership.pk:
                before = Membership.objects.get(pk=membership.pk)
                if (before.team_id, before.user_id) != (membership.team_id, membership.user_id):
                    membership_remove(acting_user=request.user, team=before.team, user=before.user)
            membership_set(
                acting_user=request.user,
                team=membership.team,
                user=membership.user,
                role=membership.role,
                aandachtsfunctionaris=membership.is_aandachtsfunctionaris,
            )


@admin.register(User)
class OutreachUserAdmin(MembershipsThroughServices, UserAdmin):
    inlines = [MembershipInline, ExternalIdentityInline]
    actions = ["export_access_review"]
    fieldsets = [
        *UserAdmin.fieldsets,
        (gettext_lazy("Organisation"), {"fields": ["is_manager"]}),
    ]
    list_display = [*UserAdmin.list_display, "is_manager"]

    def save_model(self, request, obj, form, change):
        # The active flag and the manager role change through their services, which log them.
        active, manager = obj.is_active, obj.is_manager
        if change and "is_active" in form.changed_data:
            obj.is_active = not active
        if change and "is_manager" in form.changed_data:
            obj.is_manager = not manager
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data:
            user_active_set(acting_user=request.user, user=obj, active=active)
        if change and "is_manager" in form.changed_data:
            user_manager_set(acting_user=request.user, user=obj, manager=manager)

    @admin.action(description=gettext_lazy("Export user × team × role overview (CSV)"))
    def export_access_review(self, request, queryset):
        """The yearly access review: one row per membership, and one for a user without any."""
        users = queryset.prefetch_related("memberships__team").order_by("username")
        rows = []
        for user in users:
            memberships = sorted(user.memberships.all(), key=lambda m: m.team.name)
            base = [
                user.username,
                user.get_full_name(),
                _("yes") if user.is_active else _("no"),
                _("yes") if user.is_staff else _("no"),
                _local(user.last_login),
            ]
            rows += [[*base, m.team.name, _role(m), _local(m.granted_at)] for m in memberships] or [
                [*base, "", "", ""]
            ]
        log_access(request, action=Action.EXPORT, record_type="outreach.membership")
        header = [
            _("username"),
            _("name"),
            _("active"),
            _("administrator"),
            _("last login"),
            _("team"),
            _("role"),
            _("granted"),
        ]
        return csv_response("toegangsoverzicht.csv", header, rows)


@admin.register(Team)
class TeamAdmin(MembershipsThroughServices, admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    inlines = [MembershipInline]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown, never changed here: append-only logs, reference data loaded by migrations, and
    records that only the services may change."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ClientDataAdmin(admin.ModelAdmin):
    """The admin of a model that holds client data writes the access log like the app's own
    pages do (NEN 7513): a list writes one row per record it showed (a search as *search*), a
    record's page a *read*, a save a *create* or *change*, a delete a *delete*. Every admin of a
    model with `access_client_id` must build on it (tests/outreach/test_admin_access_log.py)."""

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = (getattr(response, "context_data", None) or {}).get("cl")
        if changelist is not None:
            log_records(
                request,
                action=Action.SEARCH if changelist.query else Action.READ,
                records=changelist.result_list,
                record_type=self.model._meta.label_lower,
            )
        return response

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The record's page, also when a save was refused and the form shows again.
        if obj is not None:
            log_access(request, action=Action.READ, record=obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def render_delete_form(self, request, context):
        log_access(request, action=Action.READ, record=context["object"])
        return super().render_delete_form(request, context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        log_access(request, action=Action.CHANGE if change else Action.CREATE, record=obj)

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        record = (getattr(response, "context_data", None) or {}).get("object")
        if record is not None:
            log_access(request, action=Action.READ, record=record)
        return response

    def delete_model(self, request, obj):
        # Logged first: the row needs the record's id, and the admin deletes in a transaction.
        log_access(request, action=Action.DELETE, record=obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        log_records(
            request,
            action=Action.DELETE,
            records=queryset,
            record_type=self.model._meta.label_lower,
        )
        super().delete_queryset(request, queryset)


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(ReadOnlyAdmin):
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
    # Period by date_hierarchy, client by "=client_id", user by username; the export takes the
    # filtered selection.
    search_fields = ["=client_id", "=record_id", "user__username"]
    list_select_related = ["user", "team"]
    date_hierarchy = "at"
    actions = ["export_csv"]

    @admin.action(description=gettext_lazy("Export selected log entries (CSV)"))
    def export_csv(self, request, queryset):
        entries = queryset.select_related("user", "team").order_by("at", "id")
        rows = [
            [
                entry.at.strftime("%Y-%m-%d %H:%M:%S"),
                # No user: written by the system itself (the retention purge).
                entry.user.username if entry.user else _("system"),
                entry.team.name if entry.team else "",
                entry.client_id or "",
                entry.record_type,
                entry.record_id,
                entry.get_action_display(),
                entry.get_result_display(),
                entry.ip_address or "",
                entry.request,
            ]
            for entry in entries.iterator(chunk_size=2000)
        ]
        log_access(request, action=Action.EXPORT, record_type="outreach.accesslogentry")
        header = [
            _("time (UTC)"),
            _("user"),
            _("team"),
            _("client"),
            _("record type"),
            _("record"),
            _("action"),
            _("result"),
            _("IP address"),
            _("request"),
        ]
        return csv_response("toegangslog.csv", header, rows)


@admin.register(RoleChange)
class RoleChangeAdmin(ReadOnlyAdmin):
    list_display = ["at", "changed_by", "user", "team", "kind", "old_role", "new_role"]
    list_filter = ["kind", "team"]
    search_fields = ["user__username", "changed_by__username"]
    list_select_related = ["changed_by", "user", "team"]
    date_hierarchy = "at"
