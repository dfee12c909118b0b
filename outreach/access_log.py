"""The access log read by people: a lead's log page and the summary in a client's inspection file.

The stored rows stay one per access (NEN 7513); what a reader sees is folded: the same person
doing the same thing to the same record within FOLD_MINUTES is one row with a count (a worker
reading a case page three times while phoning, a ZRM form's autosaves). Who is said by name,
role and team; what in words ("bekeek de casus"); never a path, a model name or an id.

Record types are the strings the access layer writes (`app.model`); this module names them in
words without importing the apps (outreach sits below them): the model's verbose name, or a
phrase from PHRASES where an action on a record type means one thing in particular.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.apps import apps
from django.db.models import Count, Max, Min
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from outreach.models import AccessLogEntry, Membership, User

Action = AccessLogEntry.Action
Result = AccessLogEntry.Result

# Repeats by the same person of the same action on the same record this close together are one
# row on the log page.
FOLD_MINUTES = 5

# What someone did, in the past tense, when no phrase below says more.
ACTION_WORDS = {
    Action.READ: pgettext_lazy("someone did", "viewed"),
    Action.SEARCH: pgettext_lazy("someone did", "searched and found"),
    Action.CREATE: pgettext_lazy("someone did", "recorded"),
    Action.CHANGE: pgettext_lazy("someone did", "changed"),
    Action.PRINT: pgettext_lazy("someone did", "printed"),
    Action.EXPORT: pgettext_lazy("someone did", "exported"),
    Action.DELETE: pgettext_lazy("someone did", "deleted"),
    Action.RESTORE: pgettext_lazy("someone did", "restored"),
}

# An action on a record type that means one thing: the ZRM report is the only print of a case,
# the inspection file the only print or export of a client.
PHRASES = {
    (Action.PRINT, "cases.case"): _("printed the ZRM report"),
    (Action.PRINT, "cases.client"): _("printed the inspection file"),
    (Action.EXPORT, "cases.client"): _("exported the inspection file"),
    (Action.READ, "cases.case"): _("viewed the case"),
    (Action.READ, "cases.client"): _("viewed the client's details"),
    (Action.CHANGE, "cases.client"): _("changed the client's details"),
    (Action.SEARCH, "cases.client"): _("searched, and the client was among the results"),
    (Action.READ, "cases.case_list"): _("saw the case in a list of cases"),
    (Action.READ, "zrm.zrmassessment"): _("viewed a ZRM assessment"),
    (Action.CHANGE, "zrm.zrmassessment"): _("filled in a ZRM assessment"),
}

DENIED = _("denied")


def record_words(record_type):
    """The kind of record in words: its model's verbose name, else nothing (a list, a page)."""
    try:
        return str(apps.get_model(record_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return ""


def what(action, record_type):
    """What someone did, in words: "bekeek de casus", "drukte het ZRM-rapport af"."""
    phrase = PHRASES.get((action, record_type))
    if phrase is not None:
        return str(phrase)
    words = str(ACTION_WORDS.get(action, action))
    kind = record_words(record_type)
    return f"{words}: {kind}" if kind else words


@dataclass(frozen=True)
class Person:
    name: str
    role: str  # their role in the team the access was made for, "" when none
    team: str

    def __str__(self):
        details = ", ".join(filter(None, [self.role, self.team]))
        return f"{self.name} ({details})" if details else self.name


SYSTEM = Person(str(_("the system (automatic removal)")), "", "")


def people(pairs):
    """{(user_id, team_id): Person} for the (user, team) pairs of some log rows: two queries,
    whatever their number. The role is the one the user holds in that team now."""
    user_ids = {u for u, _t in pairs if u is not None}
    users = {u.pk: u for u in User.objects.filter(pk__in=user_ids)}
    memberships = {
        (m.user_id, m.team_id): m
        for m in Membership.objects.filter(user_id__in=user_ids).select_related("team")
    }
    found = {}
    for user_id, team_id in pairs:
        if user_id is None:
            found[(user_id, team_id)] = SYSTEM
            continue
        user = users.get(user_id)
        name = (user.get_full_name() or user.username) if user else str(_("a former user"))
        membership = memberships.get((user_id, team_id))
        if membership is not None:
            found[(user_id, team_id)] = Person(
                name, str(membership.get_role_display()), membership.team.name
            )
        else:
            # Someone of another team, or an administrator: their teams, as they are now.
            theirs = sorted(m.team.name for (u, _t), m in memberships.items() if u == user_id)
            found[(user_id, team_id)] = Person(name, "", ", ".join(theirs))
    return found


@dataclass
class LogRow:
    """One row of the log page: one access, or several folded into one."""

    first_at: object
    last_at: object
    person: Person
    key: tuple  # who, for which team, what, on which record, and whether it was allowed
    denied: bool
    what: str
    record_type: str
    record_id: str
    record: str = ""  # the record in words, filled in by the page that knows its records
    count: int = 1


def _key(entry):
    return (
        entry.user_id,
        entry.team_id,
        entry.action,
        entry.record_type,
        entry.record_id,
        entry.result,
    )


def folded(entries, who):
    """Log entries, newest first, folded into LogRows; `who` is people() over them."""
    rows = []
    window = timedelta(minutes=FOLD_MINUTES)
    for entry in entries:
        last = rows[-1] if rows else None
        if last is not None and last.key == _key(entry) and last.first_at - entry.at <= window:
            last.first_at = entry.at
            last.count += 1
            continue
        rows.append(
            LogRow(
                first_at=entry.at,
                last_at=entry.at,
                person=who[(entry.user_id, entry.team_id)],
                key=_key(entry),
                denied=entry.result == Result.DENIED,
                what=what(entry.action, entry.record_type),
                record_type=entry.record_type,
                record_id=entry.record_id,
            )
        )
    return rows


# The inspection file's summary -------------------------------------------------------------


@dataclass
class PersonMonth:
    person: Person
    times: int = 0
    actions: list = field(default_factory=list)  # (what in words, how many times)


@dataclass
class Month:
    month: object  # the first day, local time
    people: list = field(default_factory=list)  # PersonMonth, allowed accesses
    denied: list = field(default_factory=list)  # PersonMonth, denied attempts
    outputs: list = field(
        default_factory=list
    )  # (Person, what, first, last, times): prints, exports


OUTPUT_ACTIONS = {Action.PRINT, Action.EXPORT}


def monthly_summary(client_id):
    """Who accessed the client's data, per month (local time), newest month first: one row per
    person and action, so its length follows the number of people and months, never the number
    of accesses. Three queries."""
    grouped = (
        AccessLogEntry.objects.filter(client_id=client_id)
        .annotate(month=TruncMonth("at", tzinfo=timezone.get_current_timezone()))
        .values("month", "user_id", "team_id", "action", "record_type", "result")
        .annotate(times=Count("id"), first=Min("at"), last=Max("at"))
        .order_by("-month", "user_id", "team_id", "action", "record_type", "result")
    )
    grouped = list(grouped)
    who = people({(g["user_id"], g["team_id"]) for g in grouped})
    months = {}
    for g in grouped:
        month = months.setdefault(g["month"], Month(timezone.localtime(g["month"]).date()))
        person = who[(g["user_id"], g["team_id"])]
        words = what(g["action"], g["record_type"])
        if g["result"] == Result.DENIED:
            target = month.denied
        else:
            target = month.people
            if g["action"] in OUTPUT_ACTIONS:
                month.outputs.append((person, words, g["first"], g["last"], g["times"]))
        entry = next((p for p in target if p.person == person), None)
        if entry is None:
            entry = PersonMonth(person)
            target.append(entry)
        entry.times += g["times"]
        entry.actions.append((words, g["times"]))
    for month in months.values():
        for entry in month.people + month.denied:
            entry.actions.sort(key=lambda pair: -pair[1])
        month.people.sort(key=lambda p: (-p.times, p.person.name))
        month.denied.sort(key=lambda p: (-p.times, p.person.name))
    return list(months.values())
