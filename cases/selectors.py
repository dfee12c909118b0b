"""Reads that span relations, with the joins that keep a page's query count flat."""

import re

from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models import Case as Cases
from django.utils import timezone

from cases.attention import CONTACT_SINCE, quiet_condition
from cases.models import (
    AgendaItem,
    Case,
    CaseCoworker,
    CaseMeeting,
    Client,
    MeldcodeTerms,
    MeldcodeTrajectory,
    NotePhrase,
    Signal,
    TimelineEvent,
)
from cases.phases import CLOSED_PHASES, Phase
from outreach.access import memberships_of, visible_to

PHASE_ORDER = Cases(
    *[When(phase=phase, then=Value(i)) for i, phase in enumerate(Phase.values)],
    output_field=IntegerField(),
)
# Empty dates sort last, except for last contact, where never contacted is the most urgent.
# What needs doing first: an overdue follow-up, then a case with no contact for too long (the
# attention list's rule), then the next follow-up. Empty dates sort last, except for last
# contact, where never contacted is the most urgent.
MY_CASES_SORTS = {
    "urgent": [
        F("is_overdue").desc(),
        F("is_quiet").desc(),
        F("follow_up_on").asc(nulls_last=True),
        F("id").asc(),
    ],
    "phase": [F("phase_order").asc(), F("follow_up_on").asc(nulls_last=True), F("id").asc()],
    "last_contact": [F("last_contact_at").asc(nulls_first=True), F("id").asc()],
    "follow_up": [F("follow_up_on").asc(nulls_last=True), F("id").asc()],
}


def worked_on(user, today):
    """The cases of the user's teams they work on today: assigned to them, or on which they are
    a co-worker now (cases.models.CaseCoworker.current). A co-worker's case carries their
    `coworker_role` and `coworker_until` (None for the assigned worker), in the same query."""
    mine = CaseCoworker.objects.current(today).filter(case=OuterRef("pk"), user=user)
    return visible_to(
        user,
        Case.objects.filter(
            Q(assigned_worker=user)
            | Q(pk__in=CaseCoworker.objects.current(today).filter(user=user).values("case_id"))
        ),
    ).annotate(
        coworker_role=Subquery(mine.values("role")[:1]),
        coworker_until=Subquery(mine.values("ends_on")[:1]),
    )


def my_open_cases(user, *, sort="urgent", now=None):
    """The user's open cases (their own and those they are a co-worker on now), with their
    client, `is_overdue` and `is_quiet`, in one query (and one per team for its thresholds)."""
    now = now or timezone.now()
    ordering = MY_CASES_SORTS.get(sort, MY_CASES_SORTS["urgent"])
    teams = [m.team for m in memberships_of(user)]
    return (
        worked_on(user, timezone.localdate(now))
        .exclude(phase__in=CLOSED_PHASES)
        .select_related("client")
        .annotate(
            phase_order=PHASE_ORDER,
            contact_since=CONTACT_SINCE,
            is_overdue=ExpressionWrapper(
                Q(follow_up_on__lt=timezone.localdate(now)), output_field=BooleanField()
            ),
        )
        .annotate(
            is_quiet=ExpressionWrapper(quiet_condition(teams, now=now), output_field=BooleanField())
        )
        .order_by(*ordering)
    )


def case_people(case, today):
    """The case's co-workers on it now or planned, with their user, first to start first."""
    return list(
        CaseCoworker.objects.current_or_planned(today)
        .filter(case=case)
        .select_related("user")
        .order_by("starts_on", "id")
    )


def waiting_signals(team):
    return Signal.objects.filter(team=team, status=Signal.Status.WAITING).order_by(
        "received_on", "id"
    )


def case_timeline(case, *, kind=None):
    events = case.events.select_related("actor", "corrects").prefetch_related("corrections")
    if kind:
        events = events.filter(kind=kind)
    return events.order_by("-occurred_at", "-id")


def timeline_kinds(case):
    """(code, label) of the kinds of event this case has, for the timeline's filter."""
    # Without the timeline's ordering, which would make DISTINCT return every event.
    present = set(case.events.order_by().values_list("kind", flat=True).distinct())
    return [(code, label) for code, label in TimelineEvent.Kind.choices if code in present]


def normalise_postcode(value):
    value = re.sub(r"\s+", "", value or "").upper()
    return f"{value[:4]} {value[4:]}" if re.fullmatch(r"\d{4}[A-Z]{2}", value) else value


def _name_words(name):
    return [w for w in re.split(r"[\s,.-]+", name or "") if len(w) > 2]


def duplicate_candidates(signal, limit=5):
    """Clients of the signal's team who may be the person it is about: same postcode, same date
    of birth, or a name word in common."""
    match = Q()
    for word in _name_words(signal.subject_name):
        match |= Q(last_name__icontains=word) | Q(first_name__iexact=word)
    if signal.subject_postcode:
        match |= Q(postcode=normalise_postcode(signal.subject_postcode))
    if signal.subject_date_of_birth:
        match |= Q(date_of_birth=signal.subject_date_of_birth)
    if not match:
        return []
    return list(Client.objects.filter(match, team=signal.team).order_by("last_name", "id")[:limit])


def client_search(user, *, name="", date_of_birth=None, address=""):
    """Clients of the user's teams matching every criterion given."""
    clients = visible_to(user, Client.objects.select_related("team"))
    for word in _name_words(name) or ([name] if name else []):
        clients = clients.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    if date_of_birth:
        clients = clients.filter(date_of_birth=date_of_birth)
    if address:
        postcode = normalise_postcode(address)
        clients = clients.filter(
            Q(street_address__icontains=address.strip()) | Q(postcode=postcode)
        )
    return clients.order_by("last_name", "first_name", "id")


def with_open_case(clients):
    """Give each client of a short list its open case (or None) as `open_case`, in one query."""
    clients = list(clients)
    cases = Case.objects.filter(client__in=clients).exclude(phase__in=CLOSED_PHASES)
    by_client = {case.client_id: case for case in cases}
    for client in clients:
        client.open_case = by_client.get(client.pk)
    return clients


def soft_deleted(*, deleted_before=None):
    """The soft-deleted clients and cases, oldest deletion first, for the admin and the retention
    purge (which removes them for good; until then an admin can restore them)."""
    clients = Client.all_objects.filter(deleted_at__isnull=False)
    cases = Case.all_objects.filter(deleted_at__isnull=False)
    if deleted_before is not None:
        clients = clients.filter(deleted_at__lt=deleted_before)
        cases = cases.filter(deleted_at__lt=deleted_before)
    return {
        "clients": clients.select_related("team", "deleted_by").order_by("deleted_at", "id"),
        "cases": cases.select_related("team", "client", "deleted_by").order_by("deleted_at", "id"),
    }


# Meldcode -------------------------------------------------------------------------------------

# The steps a team's terms (MeldcodeTerms) set a number of days for, counted from step 1.
TERMED_STEPS = (2, 3, 4, 5)


def meldcode_terms_for(team):
    return MeldcodeTerms.objects.filter(team=team).first() or MeldcodeTerms(team=team)


def with_meldcode_progress(trajectories, terms, today):
    """Each trajectory with `days` since step 1 and `overdue`: [(step, days over its term)]
    for the steps not reached within the team's terms (open trajectories only)."""
    trajectories = list(trajectories)
    for trajectory in trajectories:
        trajectory.days = (today - timezone.localdate(trajectory.started_at)).days
        trajectory.overdue = [
            (number, trajectory.days - terms.days_for(number))
            for number in TERMED_STEPS
            if trajectory.is_open
            and trajectory.step_reached < number
            and trajectory.days > terms.days_for(number)
        ]
    return trajectories


def meldcode_open(team):
    """The team's open trajectories, longest running first, with case, client and worker."""
    return (
        MeldcodeTrajectory.objects.filter(
            case__team=team,
            case__deleted_at__isnull=True,
            status__in=sorted(MeldcodeTrajectory.OPEN_STATUSES),
        )
        .select_related("case__client", "case__assigned_worker", "case__team")
        .order_by("started_at", "id")
    )


def meldcode_of_year(team, year):
    """The team's trajectories that ran in `year`: started in it, reported in it, or still
    open; for the yearly account."""
    return (
        MeldcodeTrajectory.objects.filter(case__team=team, case__deleted_at__isnull=True)
        .filter(
            Q(started_at__year=year)
            | Q(reported_on__year=year)
            | Q(status__in=sorted(MeldcodeTrajectory.OPEN_STATUSES))
        )
        .select_related("case")
        .order_by("started_at", "id")
    )


def meldcode_reports_in(team, year):
    return MeldcodeTrajectory.objects.filter(
        case__team=team, case__deleted_at__isnull=True, reported_on__year=year
    ).count()


# Case meetings ---------------------------------------------------------------------------------


def _agenda_rows(queryset):
    return queryset.select_related("case__client", "case__assigned_worker").order_by(
        "added_at", "id"
    )


def meeting_agenda(user, meeting):
    """The cases on a meeting's agenda this user may see (none of a deleted case)."""
    return _agenda_rows(visible_to(user, AgendaItem.objects.filter(meeting=meeting)))


def coming_meetings(team, count):
    """The team's next `count` planned meetings (today or later), each with its agenda as
    `agenda` (live cases only), in two queries. An item of a case since moved to another team
    stays on the meeting but is no longer the team's to see (as case_agenda)."""
    items = _agenda_rows(
        AgendaItem.objects.filter(case__deleted_at__isnull=True, case__team=F("meeting__team"))
    )
    agendas = Prefetch("items", queryset=items, to_attr="agenda")
    return list(CaseMeeting.objects.coming(team).prefetch_related(agendas)[:count])


def waiting_agenda(team):
    """Cases put on the agenda while the team had no meeting planned."""
    return _agenda_rows(
        AgendaItem.objects.filter(
            case__team=team, case__deleted_at__isnull=True, meeting__isnull=True
        )
    )


def case_agenda(case):
    """What a case is on the agenda for and has not yet been discussed."""
    return (
        case.agenda_items.filter(discussed_at__isnull=True)
        # A case moved to another team keeps nothing on the old team's agendas in view.
        .filter(Q(meeting__isnull=True) | Q(meeting__team=case.team_id))
        .select_related("meeting")
    )


def note_phrases(team, *, active_only=True):
    """The team's snelteksten in their order: the chips above a contact's note, or (all of
    them) the lead's list."""
    phrases = NotePhrase.objects.filter(team=team).select_related("changed_by")
    return phrases.filter(active=True) if active_only else phrases
