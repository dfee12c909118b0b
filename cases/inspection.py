"""The client's parts of the inspection file (outreach/inspection.py): their details and household,
then per case the case itself, its signal, phases, prior information, shielded details, attempts,
contacts, agreements and timeline, oldest first. The client's cases come through Case.objects,
which leaves a deleted case out; the rest through of_live_cases, which leaves out what hangs off
one."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from cases import meldcode
from cases.models import (
    AgendaItem,
    Agreement,
    Case,
    CaseCoworker,
    ContactAttempt,
    ContactMoment,
    HouseholdMember,
    MeldcodeStep,
    MeldcodeTrajectory,
    PhaseSpan,
    PlannedVisit,
    PriorInformation,
    SensitiveDetail,
    Signal,
    SignalFeedback,
    TimelineEvent,
    VolunteerRequest,
)
from cases.phases import CLOSED_PHASES
from cases.timeline import describe, reporter_organisation
from outreach.inspection import (
    WITHHELD,
    Section,
    day,
    moment,
    of_live_cases,
    person,
    record,
    yes_no,
)


def label(model, name):
    return capfirst(str(model._meta.get_field(name).verbose_name))


def _client(client, wanted):
    address = " ".join(filter(None, [client.postcode, client.city]))
    lines = [
        (_("Name"), str(client)),
        (label(client, "date_of_birth"), day(client.date_of_birth)),
        (_("Address"), ", ".join(filter(None, [client.street_address, address]))),
        (label(client, "neighbourhood"), client.neighbourhood),
        (label(client, "phone"), client.phone),
        (label(client, "language"), client.language),
        (label(client, "interpreter_needed"), yes_no(client.interpreter_needed)),
        (label(client, "household_notes"), client.household_notes),
        (_("In our files since"), day(client.created_at and client.created_at.date())),
    ]
    household = HouseholdMember.objects.filter(client=client).order_by("pk")
    return [
        Section(
            "client", _("Your details"), [record(client, title=_("Your details"), lines=lines)]
        ),
        Section(
            "household",
            _("Your household"),
            [
                record(
                    m,
                    title=m.name,
                    lines=[
                        (label(m, "relation"), m.get_relation_display()),
                        (label(m, "date_of_birth"), day(m.date_of_birth)),
                    ],
                )
                for m in household
            ],
        ),
    ]


def _case_lines(case):
    worker = person(case.assigned_worker)
    lines = [
        (_("Your worker"), f"{worker}, {case.team.name}"),
        (_("Started"), day(case.opened_on)),
        (_("Where it stands"), case.get_phase_display()),
        (label(case, "contract_agreed_on"), day(case.contract_agreed_on)),
        (label(case, "evaluation_due_on"), day(case.evaluation_due_on)),
        (label(case, "closed_on"), day(case.closed_on)),
        (label(case, "close_reason"), case.close_reason),
        (label(case, "referred_to"), case.referred_to),
        (label(case, "nazorg_until"), day(case.nazorg_until)),
    ]
    if case.prior_info_decision:
        lines.append((label(case, "prior_info_decision"), case.get_prior_info_decision_display()))
    for name in (
        "prior_info_reason",
        "prior_info_basis",
        "suitability_analysis",
        "approach_plan",
        "trajectory_plan",
        "no_zrm_begin_reason",
        "no_zrm_end_reason",
    ):
        lines.append((label(case, name), getattr(case, name)))
    return lines


def _cases(client, wanted):
    cases = Case.objects.filter(client=client).select_related("assigned_worker", "team")
    return [
        Section(
            "cases",
            _("Cases"),
            [
                record(
                    case,
                    title=_("Support %(reference)s") % {"reference": case.reference},
                    when=_("since %(day)s") % {"day": day(case.opened_on)}
                    if case.phase not in CLOSED_PHASES
                    else f"{day(case.opened_on)} – {day(case.closed_on)}",
                    lines=_case_lines(case),
                )
                for case in cases.order_by("opened_on", "pk")
            ],
            opens_case=True,
        )
    ]


REPORTER_FIELDS = (
    "reporter_name",
    "reporter_organisation",
    "reporter_partner",
    "reporter_contact",
)


def _signal_lines(signal, wanted):
    reporter = ", ".join(filter(None, [signal.reporter_name, reporter_organisation(signal)]))
    named = wanted.name_of(reporter, signal.get_source_display())
    return [
        (_("From"), named or ""),
        (label(signal, "reporter_contact"), signal.reporter_contact if reporter == named else ""),
        (label(signal, "observed"), signal.observed),
        (_("Worries"), ", ".join(str(c) for c in signal.concern_labels())),
        (label(signal, "urgency"), signal.get_urgency_display()),
    ]


def _signals(client, wanted):
    signals = of_live_cases(Signal.objects, client).select_related(
        "registered_by", "reporter_partner"
    )
    feedback = of_live_cases(SignalFeedback.objects, client, via="signal__case").select_related(
        "given_by", "signal"
    )
    return [
        Section(
            "signals",
            _("The report of concern"),
            [
                record(
                    signal,
                    title=_("Report of concern"),
                    when=day(signal.received_on),
                    by=person(signal.registered_by),
                    lines=_signal_lines(signal, wanted),
                    withhold=wanted.withheld(*REPORTER_FIELDS),
                )
                for signal in signals.order_by("received_on", "pk")
            ],
        ),
        Section(
            "signal_feedback",
            _("What we told the person who reported"),
            [_feedback(item) for item in feedback.order_by("given_on", "pk")],
        ),
    ]


def _feedback(item):
    r = record(
        item,
        title=_("Feedback to the reporter"),
        when=day(item.given_on),
        lines=[
            (label(item, "shared"), item.shared),
            (label(item, "client_consented"), item.get_client_consented_display()),
        ],
        by=person(item.given_by),
    )
    r.case_id = item.signal.case_id
    return r


def _phases(client, wanted):
    spans = of_live_cases(PhaseSpan.objects, client).order_by("started_at", "pk")
    return [
        Section(
            "phase_spans",
            _("Phases"),
            [
                record(
                    span,
                    title=span.get_phase_display(),
                    when=" – ".join(filter(None, [moment(span.started_at), moment(span.ended_at)]))
                    if span.ended_at
                    else _("since %(day)s") % {"day": moment(span.started_at)},
                )
                for span in spans
            ],
        )
    ]


def _shielded(client, wanted):
    prior = of_live_cases(PriorInformation.objects, client).select_related("recorded_by")
    details = of_live_cases(SensitiveDetail.objects, client).select_related("recorded_by")
    return [
        Section(
            "prior_information",
            _("Information gathered before we met you"),
            [
                record(
                    item,
                    title=item.source,
                    when=day(item.gathered_on),
                    lines=[
                        (label(item, "content"), item.content),
                        (
                            label(item, "without_client_knowledge"),
                            yes_no(item.without_client_knowledge),
                        ),
                    ],
                    by=person(item.recorded_by),
                )
                for item in prior.order_by("gathered_on", "pk")
            ],
        ),
        Section(
            "sensitive_details",
            _("Shielded details (only your worker and the team leads see these)"),
            [
                record(
                    item,
                    title=capfirst(item.get_kind_display()),
                    when=day(item.recorded_on),
                    lines=[
                        (label(item, "content"), item.content),
                    ],
                    by=person(item.recorded_by),
                )
                for item in details.order_by("recorded_on", "pk")
            ],
        ),
    ]


def _contacts(client, wanted):
    attempts = of_live_cases(ContactAttempt.objects, client).select_related("recorded_by")
    contacts = of_live_cases(ContactMoment.objects, client).select_related(
        "logged_by", "partner_organisation"
    )
    agreements = of_live_cases(Agreement.objects, client).select_related("created_by")
    return [
        Section(
            "attempts",
            _("Attempts to get in touch"),
            [
                record(
                    a,
                    title=f"{capfirst(a.get_method_display())}: {a.get_result_display()}",
                    when=moment(a.attempted_at),
                    lines=[
                        (label(a, "note"), a.note),
                        (label(a, "observations"), a.observations),
                        (label(a, "urgent_needs"), a.urgent_needs),
                        (label(a, "client_problem"), a.client_problem),
                    ],
                    by=person(a.recorded_by),
                )
                for a in attempts.order_by("attempted_at", "pk")
            ],
        ),
        Section(
            "contacts",
            _("Contacts"),
            [
                record(
                    c,
                    title=capfirst(c.get_kind_display()),
                    when=moment(c.occurred_at),
                    lines=[
                        (
                            label(c, "duration_minutes"),
                            c.duration_minutes if c.duration_minutes else "",
                        ),
                        (
                            label(c, "partner_organisation"),
                            c.partner_organisation.name if c.partner_organisation else "",
                        ),
                        (label(c, "present"), c.present),
                        (label(c, "activities"), ", ".join(str(a) for a in c.activity_labels())),
                        (label(c, "notes"), c.notes),
                        (label(c, "next_step"), c.next_step),
                        (label(c, "follow_up_on"), day(c.follow_up_on)),
                    ],
                    by=person(c.logged_by),
                )
                for c in contacts.order_by("occurred_at", "pk")
            ],
        ),
        Section(
            "agreements",
            _("Agreements"),
            [
                record(
                    a,
                    title=a.description,
                    when=day(a.created_at.date()),
                    by=person(a.created_by),
                    lines=[
                        (label(a, "responsible"), capfirst(a.get_responsible_display())),
                        (label(a, "due_on"), day(a.due_on)),
                        (label(a, "status"), a.get_status_display()),
                    ],
                )
                for a in agreements.order_by("created_at", "pk")
            ],
        ),
    ]


Kind = TimelineEvent.Kind
# The events the letter lists: those that say what no record above says. A contact, an
# agreement or a map added is in its own section already; the JSON holds every event.
TIMELINE_IN_LETTER = frozenset(
    {Kind.PHASE, Kind.PLAN, Kind.CLIENT, Kind.ASSIGNMENT, Kind.CORRECTION, Kind.DELETION}
)
# Of those, the ones whose typed text the letter shows with them.
KEEPS_TEXT = frozenset({Kind.CORRECTION, Kind.ASSIGNMENT, Kind.DELETION})
# What a timeline event stores about a third party: a signal's reporter, whom feedback went to,
# the name of someone on the network map.
THIRD_PARTY_KEYS = {Kind.SIGNAL: "reporter", Kind.FEEDBACK: "to", Kind.NETWORK: "name"}


def _timeline(client, wanted):
    """What changed, one line each (TIMELINE_IN_LETTER), with the text typed with it where no
    record above holds it (a correction, a reason for a reassignment). Third parties in an
    event's data are withheld unless the lead chose to show them."""
    events = of_live_cases(TimelineEvent.objects, client).select_related("actor")
    found = []
    for event in events.order_by("occurred_at", "pk"):
        data = dict(event.data)
        key = THIRD_PARTY_KEYS.get(event.kind)
        if key in data and wanted.withheld(key):
            data[key] = str(_("someone in your network")) if key == "name" else str(WITHHELD)
        view = describe(TimelineEvent(kind=event.kind, data=data))
        keeps_text = event.kind in KEEPS_TEXT
        item = record(
            event,
            title=view.title,
            when=moment(event.occurred_at),
            by=person(event.actor),
            lines=view.text if keeps_text else [],
        )
        item.data["data"] = data
        item.in_letter = event.kind in TIMELINE_IN_LETTER
        found.append(item)
    return [Section("timeline", _("Changes and corrections, in order"), found)]


def _planned_visits(client, wanted):
    visits = of_live_cases(PlannedVisit.objects, client).select_related("planned_by")
    return [
        Section(
            "planned_visits",
            _("Visits we planned"),
            [
                record(
                    visit,
                    title=capfirst(visit.get_kind_display()),
                    when=" ".join(
                        filter(None, [day(visit.planned_on), visit.at and f"{visit.at:%H:%M}"])
                    ),
                    by=person(visit.planned_by),
                    lines=[
                        (label(visit, "place"), visit.place),
                        (_("Took place"), yes_no(visit.done_at is not None)),
                    ],
                )
                for visit in visits.order_by("planned_on", "pk")
            ],
        )
    ]


def _agenda_items(client, wanted):
    items = of_live_cases(AgendaItem.objects, client).select_related("meeting", "added_by")
    return [
        Section(
            "agenda_items",
            _("Case meetings"),
            [
                record(
                    item,
                    title=capfirst(
                        item.meeting.get_kind_display() if item.meeting else _("the next meeting")
                    ),
                    when=day(item.meeting.day) if item.meeting else "",
                    by=person(item.added_by),
                    lines=[
                        (label(item, "question"), item.question),
                        (label(item, "consent"), item.get_consent_display()),
                        (label(item, "consent_detail"), item.consent_detail),
                        (label(item, "conclusions"), item.conclusions),
                    ],
                )
                for item in items.order_by("added_at", "pk")
            ],
        )
    ]


def _coworkers(client, wanted):
    """Who works on the case besides its worker: a second worker, an intern, cover during an
    absence, with the period and whether a lead opened the shielded parts to them. One query."""
    coworkers = of_live_cases(CaseCoworker.objects, client).select_related("user", "added_by")
    return [
        Section(
            "coworkers",
            _("Who else works on your case"),
            [
                record(
                    c,
                    title=f"{person(c.user)}: {c.get_role_display()}",
                    when=" – ".join(filter(None, [day(c.starts_on), day(c.ends_on)])),
                    by=person(c.added_by),
                    lines=[
                        (_("Taken off the case on"), moment(c.ended_at)),
                        (_("May read the shielded parts"), yes_no(c.has_access)),
                    ],
                )
                for c in coworkers.order_by("starts_on", "pk")
            ],
        )
    ]


def _volunteer_requests(client, wanted):
    requests = of_live_cases(VolunteerRequest.objects, client).select_related(
        "service", "requested_by"
    )
    return [
        Section(
            "volunteer_requests",
            _("Volunteer services we requested"),
            [
                record(
                    request,
                    title=request.service.name,
                    when=day(request.requested_on),
                    by=person(request.requested_by),
                    lines=[
                        (label(request, "status"), request.get_status_display()),
                        (label(request, "status_on"), day(request.status_on)),
                        (label(request, "volunteer_name"), request.volunteer_name),
                        (label(request, "stop_reason"), request.stop_reason),
                    ],
                )
                for request in requests.order_by("requested_on", "pk")
            ],
        )
    ]


def _meldcode_lines(step):
    version = step.trajectory.framework_version
    lines = [
        (label, value) for label, value, _long in meldcode.readable(step.key, step.data, version)
    ]
    if step.outcome:
        lines.append((_("Where the answers lead:"), meldcode.outcome_text(step.outcome, version)))
    return lines


def _meldcode_step(step):
    item = record(
        step,
        title=meldcode.text(meldcode.record_kind(step.key, step.trajectory.framework_version)),
        when=moment(step.recorded_at),
        by=person(step.recorded_by),
        lines=_meldcode_lines(step),
    )
    item.case_id = step.trajectory.case_id
    return item


def _meldcode(client, wanted):
    """The meldcode trajectories (docs/meldcode.md) and every step recorded in them, in the
    framework's own words. Two queries."""
    trajectories = of_live_cases(MeldcodeTrajectory.objects, client).select_related("started_by")
    steps = of_live_cases(MeldcodeStep.objects, client, via="trajectory__case").select_related(
        "trajectory", "recorded_by"
    )
    return [
        Section(
            "meldcode_trajectories",
            _("Meldcode: how we weighed worries about safety at home"),
            [
                record(
                    t,
                    title=_("Meldcode trajectory"),
                    when=day(t.started_at.date()),
                    by=person(t.started_by),
                    lines=[(label(t, "status"), t.get_status_display())],
                )
                for t in trajectories.order_by("started_at", "pk")
            ],
        ),
        Section(
            "meldcode_steps",
            _("Meldcode steps"),
            [_meldcode_step(step) for step in steps.order_by("recorded_at", "pk")],
        ),
    ]


PROVIDERS = (
    _client,
    _cases,
    _signals,
    _phases,
    _shielded,
    _meldcode,
    _contacts,
    _planned_visits,
    _agenda_items,
    _coworkers,
    _volunteer_requests,
    _timeline,
)
