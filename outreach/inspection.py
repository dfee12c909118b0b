"""The inspection file for one client (AVG art. 15): a letter the client can read (PDF) and every
stored field for a machine (JSON).

Adding a section: each app that holds client data has `<app>/inspection.py` with `PROVIDERS`, a
tuple of plain functions `provider(client, wanted) -> list[Section]`, in reading order; they are
found through the app registry, so outreach imports no app. A provider builds each Record with
`record(obj, title=…, lines=[(label, text), …])`: the lines are what the letter says, in plain
words; the stored fields go to the JSON only. A record with a `case_id` is printed under that
case; one without (the client's own details) under "About you". Every provider fetches its
records with a fixed number of queries, whatever their number, and filters by the client's id,
never by name (a namesake's file never mixes in). What hangs off a soft-deleted case is left out
(`of_live_cases`), as it is from every page and export, until an administrator restores it.

Third parties (a reporter, the people on a network map) are protected by AVG art. 15(4): the lead
chooses on the request page whether they are anonymised (the default), left out, or shown; a
provider names them through `wanted.name_of(name, role)` and marks the fields about them with
`withhold` (`wanted.withheld(...)`), so the JSON follows the same choice.
"""

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from outreach.access_log import monthly_summary
from outreach.models import AccessLogEntry
from outreach.pdf import render_pdf


class ThirdParties(models.TextChoices):
    ANONYMISE = "anonymise", gettext_lazy("anonymised: named by their role, not by name")
    LEAVE_OUT = "leave_out", gettext_lazy("left out")
    SHOW = "show", gettext_lazy("shown in full (for an inspector, not for the client)")


@dataclass(frozen=True)
class Wanted:
    """What the lead asked for on the request page."""

    third_parties: str = ThirdParties.ANONYMISE
    language: str = "nl"

    @property
    def shows_third_parties(self):
        return self.third_parties == ThirdParties.SHOW

    @property
    def leaves_out_third_parties(self):
        return self.third_parties == ThirdParties.LEAVE_OUT

    def name_of(self, name, role):
        """How the letter names a third party: by name, by their role, or not at all (None)."""
        if self.shows_third_parties:
            return name
        return None if self.leaves_out_third_parties else role

    def withheld(self, *names):
        """The fields about third parties to leave out of the JSON: none when they are shown."""
        return () if self.shows_third_parties else names


WITHHELD = gettext_lazy("(left out: about someone else)")


@dataclass
class Record:
    title: str
    data: dict  # every stored field, for the JSON
    lines: list = field(default_factory=list)  # (label, text): what the letter says
    case_id: int | None = None
    when: str = ""  # the date beside the title in the letter
    by: str = ""  # who recorded it, beside the date
    in_letter: bool = True  # False: in the JSON only
    # A drawing the letter shows with the record (a network map, a ZRM chart): the app's template
    # and its data, so outreach renders it without importing the app.
    figure_template: str = ""
    figure: object = None

    def as_json(self):
        return self.data


@dataclass
class Section:
    key: str
    title: str
    records: list
    # The section whose records are the cases: each opens a chapter of the letter.
    opens_case: bool = False
    # Shown in the letter at all (a section of third parties' details left out is not).
    in_letter: bool = True


def _json(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def record(obj, *, title, lines=(), when="", by="", withhold=(), figure_template="", figure=None):
    """A Record of obj: its stored fields for the JSON (those in `withhold` replaced by a note
    that they are about someone else), the letter's lines as given. Rendering runs no query."""
    data = {}
    for model_field in obj._meta.concrete_fields:
        value = _json(model_field.value_from_object(obj))
        data[model_field.attname] = str(WITHHELD) if model_field.name in withhold else value
    prefetched = getattr(obj, "_prefetched_objects_cache", {})
    for model_field in obj._meta.many_to_many:
        if model_field.name in prefetched:
            data[model_field.name] = [r.pk for r in prefetched[model_field.name]]
    case_id = obj.pk if obj._meta.label_lower == "cases.case" else getattr(obj, "case_id", None)
    return Record(
        str(title),
        data,
        [(str(label), str(text)) for label, text in lines if text not in (None, "")],
        case_id=case_id,
        when=when,
        by=by,
        figure_template=figure_template,
        figure=figure,
    )


def moment(value):
    """A stored time as the client reads it: local time, dd-mm-jjjj uu:mm."""
    return timezone.localtime(value).strftime("%d-%m-%Y %H:%M") if value else ""


def day(value):
    return value.strftime("%d-%m-%Y") if value else ""


def yes_no(value):
    return _("yes") if value else _("no")


def person(user):
    return (user.get_full_name() or user.username) if user else ""


def of_live_cases(queryset, client, *, via="case"):
    """The records of `queryset` that hang off the client's cases, `via` being the path to the
    case, leaving out those of a soft-deleted case: what is deleted is hidden from every export
    (docs/security.md), the inspection file too."""
    return queryset.filter(**{f"{via}__client": client, f"{via}__deleted_at__isnull": True})


def _access_log_rows(client):
    """Every row of the client's access log, for the JSON only: the letter summarises them per
    month (outreach.access_log.monthly_summary), so its length and cost never follow the log's."""
    entries = AccessLogEntry.objects.filter(client_id=client.pk).order_by("at", "id")
    fields = AccessLogEntry._meta.concrete_fields
    return [{f.attname: _json(f.value_from_object(e)) for f in fields} for e in entries]


def providers():
    found = []
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "inspection") and config.name != "outreach":
            found += import_module(f"{config.name}.inspection").PROVIDERS
    return found


def sections(client, wanted=Wanted()):
    return [section for provider in providers() for section in provider(client, wanted)]


def inspection_json(client, found, wanted=Wanted()):
    return json.dumps(
        {
            "client_id": client.pk,
            "produced_at": timezone.now().isoformat(),
            "organisation": settings.ORGANISATION_NAME,
            "third_parties": wanted.third_parties,
            "sections": {
                **{s.key: [r.as_json() for r in s.records] for s in found},
                "access_log": _access_log_rows(client),
            },
        },
        cls=DjangoJSONEncoder,
        ensure_ascii=False,
        indent=2,
    )


TITLE = gettext_lazy("Inspection file")


@dataclass
class Chapter:
    """One case in the letter: its own record, then its parts (section, records) in order."""

    case: Record
    parts: list


def letter(found):
    """The letter's order: what is about the client themselves, then a chapter per case."""
    about, chapters, by_case = [], [], []
    for section in found:
        if not section.in_letter:
            continue
        if section.opens_case:
            chapters = [Chapter(r, []) for r in section.records]
            continue
        grouped = {}
        for r in section.records:
            if r.in_letter:
                grouped.setdefault(r.case_id, []).append(r)
        if None in grouped:
            about.append((section, grouped[None]))
        by_case.append((section, grouped))
    for chapter in chapters:
        for section, grouped in by_case:
            if grouped.get(chapter.case.case_id):
                chapter.parts.append((section, grouped[chapter.case.case_id]))
    return about, chapters


def inspection_pdf(client, found, wanted=Wanted()):
    about, chapters = letter(found)
    html = render_to_string(
        "outreach/inspection.html",
        {
            "client": client,
            "about": about,
            "chapters": chapters,
            "months": monthly_summary(client.pk),
            "wanted": wanted,
            "organisation": settings.ORGANISATION_NAME,
            "privacy_contact": settings.ORGANISATION_PRIVACY_CONTACT,
            "printed_at": timezone.localtime(),
            "title": TITLE,
        },
    )
    return render_pdf(html)
