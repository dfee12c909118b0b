"""The inspection file for one client: everything recorded about them, for a team lead to hand to
an inspector or to the client themselves (right of access), as JSON and as a PDF.

Each app that holds client data has `<app>/inspection.py` with `sections(client)`, returning
Sections in reading order; they are found through the app registry, the same way seed_demo finds
`<app>.demo`, so outreach imports no app. Every section fetches all its records with a fixed number
of queries, whatever their number. Records are filtered by the client's id only, never by name:
a namesake's file never mixes in. What hangs off a soft-deleted case is left out (`of_live_cases`),
as it is from every page and export, until an administrator restores the case.
"""

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.module_loading import module_has_submodule
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from outreach.models import AccessLogEntry
from outreach.pdf import render_pdf


@dataclass
class Field:
    name: str
    label: str
    value: object  # as in the JSON export
    display: str  # as in the PDF


@dataclass
class Record:
    title: str
    fields: list[Field]
    # Readable lines the PDF shows instead of raw codes (a timeline event's sentence, say).
    lines: list[tuple[str, str]] = field(default_factory=list)
    # A drawing the PDF shows with the record (a network map): the app's template and its data,
    # so outreach renders it without importing the app.
    figure_template: str = ""
    figure: object = None

    def as_json(self):
        return {f.name: f.value for f in self.fields}


@dataclass
class Section:
    key: str
    title: str
    records: list[Record]


def _display(obj, model_field, value):
    if value is None or value == "":
        return "—"
    if model_field.choices:
        return str(getattr(obj, f"get_{model_field.name}_display")())
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%d-%m-%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder)
    return str(value)


def _json(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


# Fields every model has under the same name, left without a verbose name in their models.
COMMON_LABELS = {
    "id": gettext_lazy("number"),
    "team": gettext_lazy("team"),
    "client": gettext_lazy("client"),
    "case": gettext_lazy("case"),
    "created_at": gettext_lazy("recorded at"),
    "occurred_at": gettext_lazy("date and time"),
    "recorded_at": gettext_lazy("recorded at"),
    "updated_at": gettext_lazy("changed at"),
    "actor": gettext_lazy("by"),
    "data": gettext_lazy("stored data"),
    "corrects": gettext_lazy("corrects"),
    "question": gettext_lazy("question"),
    "answer": gettext_lazy("answer"),
    "answered_by": gettext_lazy("by"),
    "taken_at": gettext_lazy("taken at"),
    "taken_by": gettext_lazy("by"),
    "members": gettext_lazy("members"),
    "measures": gettext_lazy("measures"),
    "phase": gettext_lazy("phase"),
    "started_at": gettext_lazy("from"),
    "ended_at": gettext_lazy("until"),
    "status": gettext_lazy("status"),
    "finalised_at": gettext_lazy("finalised at"),
    "decided_at": gettext_lazy("decided at"),
    "decided_by": gettext_lazy("decided by"),
    "registered_by": gettext_lazy("registered by"),
    "recorded_by": gettext_lazy("recorded by"),
    "logged_by": gettext_lazy("recorded by"),
    "created_by": gettext_lazy("recorded by"),
    "given_by": gettext_lazy("given by"),
    "set_by": gettext_lazy("set by"),
    "set_on": gettext_lazy("set on"),
    "signal": gettext_lazy("signal"),
    "assessment": gettext_lazy("assessment"),
    "domain": gettext_lazy("domain"),
    "matrix": gettext_lazy("matrix"),
    "user": gettext_lazy("user"),
}


def _label(model_field):
    untitled = model_field.verbose_name == model_field.name.replace("_", " ")
    if untitled and model_field.name in COMMON_LABELS:
        return capfirst(str(COMMON_LABELS[model_field.name]))
    return capfirst(str(model_field.verbose_name))


def record(obj, *, title=None, lines=(), figure_template="", figure=None):
    """Every stored field of obj. A related record shows by name when the section fetched it
    (select_related), else by id; a many-to-many field shows when the section prefetched it:
    rendering never runs a query."""
    fields = []
    for model_field in obj._meta.concrete_fields:
        value = model_field.value_from_object(obj)
        label = _label(model_field)
        display = _display(obj, model_field, value)
        if model_field.is_relation and value is not None and model_field.is_cached(obj):
            display = str(getattr(obj, model_field.name))
        fields.append(Field(model_field.attname, label, _json(value), display))
    prefetched = getattr(obj, "_prefetched_objects_cache", {})
    for model_field in obj._meta.many_to_many:
        if model_field.name in prefetched:
            related = list(prefetched[model_field.name])
            fields.append(
                Field(
                    model_field.name,
                    _label(model_field),
                    [r.pk for r in related],
                    ", ".join(str(r) for r in related) or "—",
                )
            )
    title = str(title if title is not None else obj)
    return Record(title, fields, list(lines), figure_template, figure)


def of_live_cases(queryset, client, *, via="case"):
    """The records of `queryset` that hang off the client's cases, `via` being the path to the
    case, leaving out those of a soft-deleted case: what is deleted is hidden from every export
    (docs/security.md), the inspection file too."""
    return queryset.filter(**{f"{via}__client": client, f"{via}__deleted_at__isnull": True})


def _access_log(client):
    entries = AccessLogEntry.objects.filter(client_id=client.pk).select_related("user", "team")
    return Section(
        "access_log",
        _("Access log: who saw or changed this file, and when"),
        [
            record(entry, title=f"{timezone.localtime(entry.at):%d-%m-%Y %H:%M} {entry.user}")
            for entry in entries.order_by("at", "id")
        ],
    )


def sections(client):
    found = []
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "inspection") and config.name != "outreach":
            found += import_module(f"{config.name}.inspection").sections(client)
    return [*found, _access_log(client)]


def inspection_json(client, found):
    return json.dumps(
        {
            "client_id": client.pk,
            "produced_at": timezone.now().isoformat(),
            "organisation": settings.ORGANISATION_NAME,
            "sections": {s.key: [r.as_json() for r in s.records] for s in found},
        },
        cls=DjangoJSONEncoder,
        ensure_ascii=False,
        indent=2,
    )


TITLE = gettext_lazy("Inspection file")


def inspection_pdf(client, found):
    html = render_to_string(
        "outreach/inspection.html",
        {
            "client": client,
            "sections": found,
            "organisation": settings.ORGANISATION_NAME,
            "printed_at": timezone.localtime(),
            "title": TITLE,
        },
    )
    return render_pdf(html)
