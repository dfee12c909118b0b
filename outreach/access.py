"""The access layer: the one place that decides which records a user may see, and that writes the
access log (NEN 7513) for every access to client data.

Every view fetches client data through these functions. A model that holds client data declares
how it is scoped:

    access_team_lookup = "team"          # ORM path from the model to its Team
    access_team_id      (property)       # the record's team id
    access_client_id    (property)       # the client it is about, or None

Another team's record is a 404, never a 403: the answer must not reveal that it exists.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from outreach import clock
from outreach.models import AccessLogEntry, Membership, Team

Action = AccessLogEntry.Action
Result = AccessLogEntry.Result


def memberships_of(user):
    """The user's memberships with their teams, fetched once per request."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_outreach_memberships", None)
    if cached is None:
        cached = list(
            Membership.objects.filter(user=user).select_related("team").order_by("team__name")
        )
        user._outreach_memberships = cached
    return cached


def team_ids_of(user):
    return frozenset(m.team_id for m in memberships_of(user))


def is_lead(user, team_id):
    return any(m.team_id == team_id and m.is_lead for m in memberships_of(user))


def current_membership(request):
    """The team the user works on behalf of now: chosen in the top bar, else their first."""
    memberships = memberships_of(request.user)
    chosen = request.session.get("team_id")
    for membership in memberships:
        if membership.team_id == chosen:
            return membership
    return memberships[0] if memberships else None


def current_membership_or_404(request):
    membership = current_membership(request)
    if membership is None:
        raise Http404(_("You are not a member of any team."))
    return membership


def visible_to(user, queryset):
    """Narrow a queryset to the records of the user's teams. Soft-deleted clients and cases are
    left out by their default manager; the records of a deleted case by `access_live_lookup`."""
    model = queryset.model
    queryset = queryset.filter(**{f"{model.access_team_lookup}__in": team_ids_of(user)})
    live = getattr(model, "access_live_lookup", None)
    return queryset.filter(**{f"{live}__isnull": True}) if live else queryset


def get_for_user(request, queryset, pk, *, action=Action.READ):
    """The record with this pk if the user's teams may see it, logged; else a logged 404."""
    record = visible_to(request.user, queryset).filter(pk=pk).first()
    if record is None:
        # Log who tried, and about whom, so a client's log shows attempts by outsiders too.
        attempted = queryset.model._base_manager.filter(pk=pk).first()
        log_access(
            request,
            action=action,
            record=attempted,
            record_type=queryset.model._meta.label_lower,
            record_id=pk,
            result=Result.DENIED,
        )
        raise Http404
    log_access(request, action=action, record=record)
    return record


def team_for_lead(request, team_id):
    """A team page is for that team's leads: a worker of the team gets a 403 with an explanation,
    anyone else a 404."""
    membership = next((m for m in memberships_of(request.user) if m.team_id == team_id), None)
    if membership is None:
        log_access(
            request,
            action=Action.READ,
            record=Team.objects.filter(pk=team_id).first(),
            record_type="outreach.team",
            record_id=team_id,
            result=Result.DENIED,
        )
        raise Http404
    if not membership.is_lead:
        log_access(request, action=Action.READ, record=membership.team, result=Result.DENIED)
        raise PermissionDenied(
            _("Only the team leads of %(team)s can open this page.")
            % {"team": membership.team.name}
        )
    return membership.team


def team_for_meldcode(request, team_id):
    """The team's meldcode overview is for its leads and its aandachtsfunctionaris: another
    worker of the team gets a 403 with an explanation, anyone else a 404."""
    membership = next((m for m in memberships_of(request.user) if m.team_id == team_id), None)
    if membership is not None and (membership.is_lead or membership.is_aandachtsfunctionaris):
        return membership.team
    if membership is None:
        return team_for_lead(request, team_id)  # logs the attempt and answers 404
    log_access(request, action=Action.READ, record=membership.team, result=Result.DENIED)
    raise PermissionDenied(
        _("Only the team leads and the aandachtsfunctionaris of %(team)s can open this page.")
        % {"team": membership.team.name}
    )


SENSITIVE_REFUSED = gettext_lazy(
    "Only the case's worker and the team leads can see or change this shielded information."
)


def may_see_sensitive(user, case):
    """The one rule for a case's shielded parts (prior information gathered in the voorfase,
    justice and domestic-violence details): the case's assigned worker, the leads of the
    case's team, and a co-worker on the case now to whom a lead granted access. Others in the
    team see that such information exists, not what it says."""
    if not user.is_authenticated:
        return False
    if user.pk == case.assigned_worker_id:
        return True
    if any(m.team_id == case.team_id and m.is_lead for m in memberships_of(user)):
        return True
    return is_granted_coworker(user, case)


def is_granted_coworker(user, case):
    """Whether a lead opened the case's shielded parts to this user as a co-worker who is on
    the case today (cases.models.CaseCoworker, through the case's related name, so outreach
    imports no app), and they still work in the case's team. One query per user and case
    object, only for a user who is neither the worker nor a lead."""
    if case.team_id not in team_ids_of(user):
        return False
    granted = case.__dict__.setdefault("_granted_coworkers", {})
    if user.pk not in granted:
        granted[user.pk] = (
            case.coworkers.current(clock.today())
            .filter(user=user, access_granted_at__isnull=False)
            .exists()
        )
    return granted[user.pk]


MELDCODE_REFUSED = gettext_lazy(
    "Only the case's worker, the team leads and the team's aandachtsfunctionaris can see or "
    "change a meldcode trajectory."
)


def is_aandachtsfunctionaris(user, team_id):
    return any(m.team_id == team_id and m.is_aandachtsfunctionaris for m in memberships_of(user))


def may_see_meldcode(user, case):
    """A case's meldcode trajectories are shielded like its other sensitive parts, and open to
    the team's aandachtsfunctionaris too, who advises on them (docs/meldcode.md)."""
    return may_see_sensitive(user, case) or (
        user.is_authenticated and is_aandachtsfunctionaris(user, case.team_id)
    )


def require_meldcode(request, case, *, action=Action.READ, record=None):
    """A 403 with an explanation, logged as denied, for a user who may not see or change the
    case's meldcode trajectories."""
    if may_see_meldcode(request.user, case):
        return
    log_access(request, action=action, record=record or case, result=Result.DENIED)
    raise PermissionDenied(MELDCODE_REFUSED)


def require_sensitive(request, case):
    """A 403 with an explanation, logged as denied, for a user who may not see or change the
    case's shielded parts."""
    if may_see_sensitive(request.user, case):
        return
    log_access(request, action=Action.CHANGE, record=case, result=Result.DENIED)
    raise PermissionDenied(SENSITIVE_REFUSED)


def origin_ip(request):
    """The client's address: REMOTE_ADDR, or the entry the trusted proxies appended."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [p for p in forwarded if p]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def _one_line(value, limit):
    # A log line must stay one line: escape newlines and control characters.
    return value.encode("unicode_escape").decode("ascii")[:limit]


# The access log's columns as _write_rows writes them, and how many rows go in one INSERT.
_COLUMNS = (
    "at",
    "user_id",
    "team_id",
    "client_id",
    "record_type",
    "record_id",
    "action",
    "result",
    "ip_address",
    "request",
)
_ROWS_PER_INSERT = 500


def log_records(request, *, action, records, record_type, team=None):
    """One row per record a list, search or export showed (so a client's log shows every time
    their name appeared), in one insert; one row for the list itself when it was empty."""
    records = list(records)
    if not records:
        log_access(request, action=action, record_type=record_type, team=team)
        return
    _write_rows(
        request,
        action,
        Result.ALLOWED,
        [(r.access_team_id, r.access_client_id, r._meta.label_lower, str(r.pk)) for r in records],
    )


def log_access(
    request,
    *,
    action,
    record=None,
    record_type=None,
    record_id="",
    team=None,
    client_id=None,
    result=Result.ALLOWED,
):
    """Append one access log row. Content is never passed in, only what identifies the record."""
    if record is not None:
        record_type = record_type or record._meta.label_lower
        record_id = record.pk
        team_id = record.access_team_id
        client_id = record.access_client_id
    else:
        team_id = team.pk if team is not None else None
    _write_rows(
        request,
        action,
        result,
        [(team_id, client_id, record_type or "", _one_line(str(record_id), 40))],
    )


def _write_rows(request, action, result, records):
    """The access log rows of one request: `records` as (team id, client id, record type,
    record id), the rest the same for each. Every page writes at least one, so the insert is
    written here rather than through the model (save, or bulk_create), which would build an
    instance per row and prepare each of its ten fields one by one."""
    ops = connection.ops
    shared = (
        # The moment of the row: the field's default (the one clock).
        ops.adapt_datetimefield_value(AccessLogEntry._meta.get_field("at").get_default()),
        # A calendar feed's request has no user (None), a failed login an anonymous one.
        getattr(request.user, "pk", None),
    )
    same = (
        str(action),
        str(result),
        ops.adapt_ipaddressfield_value(origin_ip(request)),
        _one_line(f"{request.method} {request.path}", 300),
    )
    table = ops.quote_name(AccessLogEntry._meta.db_table)
    columns = ", ".join(ops.quote_name(c) for c in _COLUMNS)
    insert = f"INSERT INTO {table} ({columns}) VALUES "  # noqa: S608 -- our own quoted names
    placeholders = f"({', '.join(['%s'] * len(_COLUMNS))})"
    with connection.cursor() as cursor:
        for start in range(0, len(records), _ROWS_PER_INSERT):
            chunk = records[start : start + _ROWS_PER_INSERT]
            cursor.execute(
                insert + ", ".join([placeholders] * len(chunk)),
                [value for record in chunk for value in (*shared, *record, *same)],
            )
