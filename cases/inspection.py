"""The client's sections of the inspection file (outreach/inspection.py): their details,
household, signals, cases and everything recorded on those cases, oldest first."""

from django.utils.translation import gettext as _

from cases.models import (
    Agreement,
    Case,
    ContactAttempt,
    ContactMoment,
    HouseholdMember,
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
