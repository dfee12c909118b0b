"""Matrix versions are loaded from their JSON file (zrm.services.matrix_load, here by upload or
with `manage.py zrm_matrix_load`) and never edited: the admin shows them read-only, loads new
ones and marks the version new trajectories use."""

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from outreach.admin import ReadOnlyAdmin
from zrm import services
from zrm.models import ZrmDescriptor, ZrmDomain, ZrmMatrix

# A matrix file of 13 domains is some 60 kB; anything far larger is not one.
MAX_FILE_BYTES = 2_000_000


class MatrixUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("JSON file of the version"))
    make_current = forms.BooleanField(
        label=gettext_lazy("Use this version for new trajectories"), required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise ValidationError(_("This file is too large for a ZRM version."))
        try:
            return json.loads(upload.read().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ValidationError(_("This file is not valid JSON (UTF-8).")) from None


@admin.register(ZrmMatrix)
class ZrmMatrixAdmin(ReadOnlyAdmin):
    list_display = ["key", "title_nl", "copyright", "is_current", "loaded_at", "loaded_by"]
    actions = ["make_current"]
    change_list_template = "admin/zrm/zrmmatrix/change_list.html"

    def _may_load(self, request):
        return request.user.has_perm("zrm.add_zrmmatrix")

    def get_urls(self):
        load = self.admin_site.admin_view(self.load_view)
        return [path("laden/", load, name="zrm_zrmmatrix_load"), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra = {"may_load": self._may_load(request), **(extra_context or {})}
        return super().changelist_view(request, extra_context=extra)

    def load_view(self, request):
        if not self._may_load(request):
            raise PermissionDenied
        form = MatrixUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                matrix, created = services.matrix_load(
                    acting_user=request.user, data=form.cleaned_data["file"]
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error("file", message)
            else:
                if form.cleaned_data["make_current"]:
                    services.matrix_make_current(acting_user=request.user, matrix=matrix)
                done = (
                    _("ZRM version %(key)s is loaded.")
                    if created
                    else _("ZRM version %(key)s was already loaded with these texts.")
                )
                messages.success(request, done % {"key": matrix.key})
                return redirect(reverse("admin:zrm_zrmmatrix_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Load a ZRM version"),
            "form": form,
        }
        return TemplateResponse(request, "admin/zrm/zrmmatrix/load.html", context)

    @admin.action(description=gettext_lazy("Use for new trajectories"))
    def make_current(self, request, queryset):
        if not self._may_load(request):
            raise PermissionDenied
        if queryset.count() != 1:
            messages.error(request, _("Choose one version."))
            return
        matrix = services.matrix_make_current(acting_user=request.user, matrix=queryset.get())
        messages.success(request, _("New trajectories use version %(key)s.") % {"key": matrix.key})


@admin.register(ZrmDomain)
class ZrmDomainAdmin(ReadOnlyAdmin):
    list_display = ["matrix", "order", "name_nl", "name_en"]
    list_filter = ["matrix"]


@admin.register(ZrmDescriptor)
class ZrmDescriptorAdmin(ReadOnlyAdmin):
    list_display = ["domain", "level", "text_nl"]
    list_filter = ["domain__matrix", "level"]
