"""The client's sections of the inspection file (outreach/inspection.py): their details,
household, signals, cases and everything recorded on those cases, oldest first."""

from django.utils import timezone
from django.utils.translation import gettext as _

from cases import meldcode
from cases.models import (
    Agreement,
    Case,
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
)
from cases.timeline import describe
from outreach.inspection import Section, of_live_cases, record


def _timeline_lines(event):
    view = describe(event)
    return [(_("What happened"), view.title), *view.facts, *view.text]


def _meldcode_lines(step):
    version = step.trajectory.framework_version
    lines = [
        (label, value) for label, value, _long in meldcode.readable(step.key, step.data, version)
    ]
    if step.outcome:
        lines.append((_("Where the answers lead:"), meldcode.outcome_text(step.outcome, version)))
    return lines


def meldcode_sections(client):
    """The client's meldcode trajectories and every recorded step, in the framework's words.
    Two queries. Kept apart so the inspection letter (issue 15) can place them as one block."""
    trajectories = of_live_cases(MeldcodeTrajectory.objects, client).select_related(
        "case", "started_by"
    )
    steps = of_live_cases(MeldcodeStep.objects, client, via="trajectory__case").select_related(
        "trajectory", "recorded_by"
    )
    return [
        Section(
            "meldcode_trajectories",
            _("Meldcode trajectories"),
            [
                record(t, title=f"{t.case.reference} {timezone.localtime(t.started_at):%d-%m-%Y}")
                for t in trajectories.order_by("started_at", "pk")
            ],
        ),
        Section(
            "meldcode_steps",
            _("Meldcode steps"),
            [
                record(
                    step,
                    title=meldcode.text(
                        meldcode.record_kind(step.key, step.trajectory.framework_version)
                    ),
                    lines=_meldcode_lines(step),
                )
                for step in steps.order_by("recorded_at", "pk")
            ],
        ),
    ]


def sections(client):
    # The client's cases come through Case.objects, which leaves a deleted case out; the rest
    # through of_live_cases, which leaves out what hangs off one.
    return [
        Section("client", _("Client"), [record(client)]),
        Section(
            "household",
            _("Household"),
            [record(m) for m in HouseholdMember.objects.filter(client=client).order_by("pk")],
        ),
        Section(
            "cases",
            _("Cases"),
            [
                record(case, title=case.reference)
                for case in Case.objects.filter(client=client)
                .select_related("assigned_worker", "team")
                .order_by("opened_on", "pk")
            ],
        ),
        Section(
            "signals",
            _("Signals linked to a case"),
            [
                record(signal, title=f"{signal.received_on:%d-%m-%Y} {signal.get_source_display()}")
                for signal in of_live_cases(Signal.objects, client)
                .select_related("case", "registered_by", "decided_by", "team")
                .order_by("received_on", "pk")
            ],
        ),
        Section(
            "signal_feedback",
            _("Feedback to reporters"),
            [
                record(feedback, title=f"{feedback.given_on:%d-%m-%Y}")
                for feedback in of_live_cases(SignalFeedback.objects, client, via="signal__case")
                .select_related("given_by", "signal")
                .order_by("given_on", "pk")
            ],
        ),
        Section(
            "phase_spans",
            _("Phases"),
            [
                record(span, title=span.get_phase_display())
                for span in of_live_cases(PhaseSpan.objects, client)
                .select_related("case")
                .order_by("started_at", "pk")
            ],
        ),
        Section(
            "prior_information",
            _("Prior information"),
            [
                record(item, title=f"{item.gathered_on:%d-%m-%Y} {item.source}")
                for item in of_live_cases(PriorInformation.objects, client)
                .select_related("case", "recorded_by")
                .order_by("gathered_on", "pk")
            ],
        ),
        Section(
            "sensitive_details",
            _("Shielded details"),
            [
                record(item, title=f"{item.recorded_on:%d-%m-%Y} {item.get_kind_display()}")
                for item in of_live_cases(SensitiveDetail.objects, client)
                .select_related("case", "recorded_by")
                .order_by("recorded_on", "pk")
            ],
        ),
        *meldcode_sections(client),
        Section(
            "attempts",
            _("Contact attempts"),
            [
                record(attempt, title=f"{attempt.get_method_display()}")
                for attempt in of_live_cases(ContactAttempt.objects, client)
                .select_related("case", "recorded_by")
                .order_by("attempted_at", "pk")
            ],
        ),
        Section(
            "contacts",
            _("Contacts"),
            [
                record(contact, title=contact.get_kind_display())
                for contact in of_live_cases(ContactMoment.objects, client)
                .select_related("case", "logged_by")
                .order_by("occurred_at", "pk")
            ],
        ),
        Section(
            "agreements",
            _("Agreements"),
            [
                record(agreement, title=agreement.get_status_display())
                for agreement in of_live_cases(Agreement.objects, client)
                .select_related("case", "created_by")
                .order_by("pk")
            ],
        ),
        Section(
            "planned_visits",
            _("Planned visits"),
            [
                record(visit, title=f"{visit.planned_on:%d-%m-%Y} {visit.get_kind_display()}")
                for visit in of_live_cases(PlannedVisit.objects, client)
                .select_related("case", "planned_by")
                .order_by("planned_on", "pk")
            ],
        ),
        Section(
            "timeline",
            _("Timeline"),
            [
                record(event, title=event.get_kind_display(), lines=_timeline_lines(event))
                for event in of_live_cases(TimelineEvent.objects, client)
                .select_related("case", "actor")
                .order_by("occurred_at", "pk")
            ],
        ),
    ]
