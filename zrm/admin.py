"""The matrix texts come from zrm/matrices/*.json through a migration, never from here."""

from django.contrib import admin

from outreach.admin import ReadOnlyAdmin
from zrm.models import ZrmDescriptor, ZrmDomain, ZrmMatrix


@admin.register(ZrmMatrix)
class ZrmMatrixAdmin(ReadOnlyAdmin):
    list_display = ["key", "title_nl", "copyright"]


@admin.register(ZrmDomain)
class ZrmDomainAdmin(ReadOnlyAdmin):
    list_display = ["matrix", "order", "name_nl", "name_en"]
    list_filter = ["matrix"]


@admin.register(ZrmDescriptor)
class ZrmDescriptorAdmin(ReadOnlyAdmin):
    list_display = ["domain", "level", "text_nl"]
    list_filter = ["domain__matrix", "level"]
