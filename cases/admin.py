"""Admins see soft-deleted clients and cases here, read the reason, and restore them. Nothing
else about a client is changed through the admin: the services do that, with the timeline."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cases import services
from cases.models import Case, Client
from outreach.access import Action, log_access
from outreach.admin import ClientDataAdmin, ReadOnlyAdmin


class DeletedFilter(admin.SimpleListFilter):
    title = _("deleted")
    parameter_name = "verwijderd"

    def lookups(self, request, model_admin):
        return [("ja", _("yes")), ("nee", _("no"))]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.filter(deleted_at__isnull=False)
        if self.value() == "nee":
            return queryset.filter(deleted_at__isnull=True)
        return queryset


class SoftDeletedAdmin(ClientDataAdmin, ReadOnlyAdmin):
    """Read-only, with deleted records included; the one action restores them. What an admin
    sees here is written to the access log (ClientDataAdmin)."""

    list_filter = [DeletedFilter, "team"]
    actions = ["restore"]
    restore_service = None  # set per model: the cases.services function

    def get_queryset(self, request):
        return self.model.all_objects.select_related("team", "deleted_by")

    @admin.action(description=_("Restore the selected deleted records"))
    def restore(self, request, queryset):
        restored = 0
        for record in queryset.filter(deleted_at__isnull=False):
            try:
                type(self).restore_service(acting_user=request.user, **{self.argument: record})
            except ValidationError as error:
                self.message_user(
                    request, f"{record}: {' '.join(error.messages)}", level=messages.ERROR
                )
                continue
            log_access(request, action=Action.RESTORE, record=record)
            self.log_change(request, record, [{"changed": {"fields": ["deleted_at"]}}])
            restored += 1
        self.message_user(request, _("%(n)s restored.") % {"n": restored})


@admin.register(Client)
class ClientAdmin(SoftDeletedAdmin):
    list_display = ["__str__", "team", "deleted_at", "deleted_by", "deletion_reason"]
    search_fields = ["last_name", "first_name"]
    fields = ["first_name", "last_name", "team", "deleted_at", "deleted_by", "deletion_reason"]
    restore_service = services.client_restore
    argument = "client"


@admin.register(Case)
class CaseAdmin(SoftDeletedAdmin):
    list_display = ["reference", "team", "phase", "deleted_at", "deleted_by", "deletion_reason"]
    search_fields = ["=reference"]
    fields = ["reference", "client", "team", "phase", "deleted_at", "deleted_by", "deletion_reason"]
    restore_service = services.case_restore
    argument = "case"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("client")
