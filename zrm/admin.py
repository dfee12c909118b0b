from django.contrib import admin

from zrm.models import ZrmDescriptor, ZrmDomain, ZrmMatrix


class ReadOnly(admin.ModelAdmin):
    """The matrix texts come from zrm/matrices/*.json through a migration, never from here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ZrmMatrix)
class ZrmMatrixAdmin(ReadOnly):
    list_display = ["key", "title_nl", "copyright"]


@admin.register(ZrmDomain)
class ZrmDomainAdmin(ReadOnly):
    list_display = ["matrix", "order", "name_nl", "name_en"]
    list_filter = ["matrix"]


@admin.register(ZrmDescriptor)
class ZrmDescriptorAdmin(ReadOnly):
    list_display = ["domain", "level", "text_nl"]
    list_filter = ["domain__matrix", "level"]
