"""The case timeline's events: what each kind stores (the payload builders, used by the services
and by the scale data alike) and how it reads, in the reader's language (the describers). Events
store codes and the text that was entered; the labels are looked up when the page is drawn.

Each app that writes events of its own kind has `<app>/timeline.py` with its payload builders and
`DESCRIBERS` ({kind: describer}); `describe` finds them through the app registry (as
outreach.inspection finds `<app>.inspection`), so cases imports neither network nor zrm."""

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import import_module

from django.apps import apps
from django.utils.formats import date_format
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases import meldcode
from cases.models import (
    AgendaItem,
    Agreement,
    CaseCoworker,
    CaseMeeting,
    ContactAttempt,
    ContactMoment,
    SensitiveDetail,
    Signal,
    SignalFeedback,
    TimelineEvent,
    VolunteerRequest,
)
from cases.phases import MOVE_FIELDS, MOVES_BY_SLUG, Phase

# The `move` of the phase event that opens a case: the case enters the table's first phase.
OPENED = "open"


@dataclass
class EventView:
    title: str
    facts: list = field(default_factory=list)  # (label, value) pairs
    text: list = field(default_factory=list)  # (label, longer text entered by a worker)
    shielded: bool = False  # the reader may not see what it says, nor its corrections


def choice_label(choices, code):
    return str(dict(choices).get(code, code or ""))


def short_date(iso):
    return date_format(date.fromisoformat(iso), "SHORT_DATE_FORMAT") if iso else ""


def _iso(day):
    return day.isoformat() if day else None


# What the events store ----------------------------------------------------------------------


def opened_data(case):
    return {"to": Phase.SIGNAAL, "move": OPENED, "reference": case.reference}


def phase_data(*, previous, target, move, values=None, assigned_to=None):
    """A move along the phase table: `move` is its slug, `values` what its form gave (the fields
    of MOVE_FIELDS are kept, dates as ISO text)."""
    data = {"from": previous, "to": target, "move": move}
    if assigned_to:
        data["assigned_to"] = assigned_to
    for name, move_field in MOVE_FIELDS.items():
        value = (values or {}).get(name)
        if value:
            if move_field.is_date:
                value = value.isoformat()
            elif move_field.is_record:
                value = str(value)
            data[name] = value
    return data


def reporter_organisation(signal):
    """The reporter's organisation: the directory's name, and what was typed beside it."""
    names = [signal.reporter_partner.name if signal.reporter_partner_id else ""]
    return ", ".join(filter(None, [*names, signal.reporter_organisation]))


def signal_data(signal):
    return {
        "signal_id": signal.pk,
        "source": signal.source,
        "received_on": signal.received_on.isoformat(),
        "reporter": ", ".join(filter(None, [signal.reporter_name, reporter_organisation(signal)])),
        "observed": signal.observed,
        "concerns": signal.concerns,
        "urgency": signal.urgency,
    }


def attempt_data(attempt, *, number):
    data = {"method": attempt.method, "result": attempt.result, "number": number}
    for name in ("note", "observations", "urgent_needs", "client_problem"):
        if getattr(attempt, name):
            data[name] = getattr(attempt, name)
    return data


def contact_data(contact):
    data = {
        "contact_id": contact.pk,
        "kind": contact.kind,
        "duration_minutes": contact.duration_minutes,
        "activities": list(contact.activities),
    }
    if contact.partner_organisation_id:
        # The directory's name as it was, like a referral's organisation.
        data["partner"] = contact.partner_organisation.name
    for name in ("present", "notes", "next_step"):
        if getattr(contact, name):
            data[name] = getattr(contact, name)
    if contact.follow_up_on:
        data["follow_up_on"] = contact.follow_up_on.isoformat()
    if contact.agreement_outcomes:
        data["agreements"] = list(contact.agreement_outcomes)
    return data


def agreement_data(agreement, *, with_due_on=True):
    """An agreement made (with its date, if any) or its status set (`with_due_on=False`)."""
    data = {
        "agreement_id": agreement.pk,
        "description": agreement.description,
        "responsible": agreement.responsible,
        "status": agreement.status,
    }
    if with_due_on:
        data["due_on"] = _iso(agreement.due_on)
    return data


def planned_data(visit):
    data = {"visit_id": visit.pk, "kind": visit.kind, "planned_on": _iso(visit.planned_on)}
    if visit.at:
        data["at"] = visit.at.strftime("%H:%M")
    if visit.place:
        data["place"] = visit.place
    return data


def meeting_data(item, *, action, decisions=()):
    """A case put on a meeting's agenda (`agenda`), taken off it (`removed`), or discussed
    (`discussed`, with the consent, the conclusions and the decisions made agreements)."""
    meeting = item.meeting
    data = {"action": action, "item_id": item.pk, "question": item.question}
    if meeting is not None:
        data |= {
            "meeting_id": meeting.pk,
            "meeting_kind": meeting.kind,
            "meeting_on": _iso(meeting.day),
        }
    if action == "discussed":
        data |= {"consent": item.consent, "conclusions": item.conclusions}
        if item.consent_detail:
            data["consent_detail"] = item.consent_detail
        data["decisions"] = [agreement.description for agreement in decisions]
    return data


# What a co-worker event did: added to the case, ended, shielded parts opened or closed to them.
COWORKER_ACTIONS = ("added", "ended", "granted", "revoked")


def coworker_data(coworker, action):
    """Who, in which role, for which period; `action` one of COWORKER_ACTIONS."""
    return {
        "coworker_id": coworker.pk,
        "action": action,
        "user": str(coworker.user),
        "role": coworker.role,
        "starts_on": _iso(coworker.starts_on),
        "ends_on": _iso(coworker.ends_on),
    }


def volunteer_data(request):
    """A volunteer request as it stands after a change: asked, a new status, matched."""
    data = {
        "request_id": request.pk,
        "service": request.service.name,
        "status": request.status,
        "on": _iso(request.status_on),
    }
    if request.volunteer_name:
        data["volunteer"] = request.volunteer_name
    if request.stop_reason:
        data["reason"] = request.stop_reason
    return data


# How they read -------------------------------------------------------------------------------


def _phase(data):
    if data.get("move") == OPENED:
        return EventView(_("Case %(reference)s opened") % {"reference": data.get("reference")})
    move = MOVES_BY_SLUG.get(data.get("move"))
    view = EventView(
        _("Phase: %(from)s → %(to)s")
        % {
            "from": choice_label(Phase.choices, data.get("from")),
            "to": choice_label(Phase.choices, data["to"]),
        }
    )
    if move is not None:
        view.facts.append((_("step"), str(move.label)))
    for name, move_field in MOVE_FIELDS.items():
        if not data.get(name):
            continue
        if move_field.is_text:
            view.text.append((str(move_field.label), data[name]))
        else:
            value = short_date(data[name]) if move_field.is_date else data[name]
            view.facts.append((str(move_field.label), value))
    return view


def _signal(data):
    view = EventView(
        _("Signal from %(source)s")
        % {"source": choice_label(Signal.Source.choices, data["source"])}
    )
    view.facts.append((_("received on"), short_date(data.get("received_on"))))
    if data.get("reporter"):
        view.facts.append((_("reporter"), data["reporter"]))
    if data.get("concerns"):
        labels = [choice_label(Signal.Concern.choices, c) for c in data["concerns"]]
        view.facts.append((_("concerns"), ", ".join(labels)))
    view.facts.append((_("urgency"), choice_label(Signal.Urgency.choices, data.get("urgency"))))
    view.text.append((_("observed"), data.get("observed", "")))
    return view


def _attempt(data):
    view = EventView(
        _("Contact attempt %(number)s: %(result)s")
        % {
            "number": data.get("number", ""),
            "result": choice_label(ContactAttempt.Result.choices, data["result"]),
        }
    )
    view.facts.append((_("how"), choice_label(ContactAttempt.Method.choices, data["method"])))
    for name, label in (
        ("note", _("note")),
        ("observations", _("observations")),
        ("urgent_needs", _("most urgent needs")),
        ("client_problem", _("in the client's words")),
    ):
        if data.get(name):
            view.text.append((label, data[name]))
    return view


def _contact(data):
    view = EventView(choice_label(ContactMoment.Kind.choices, data["kind"]).capitalize())
    if data.get("duration_minutes"):
        view.facts.append(
            (_("duration"), _("%(minutes)s min") % {"minutes": data["duration_minutes"]})
        )
    if data.get("partner"):
        view.facts.append((_("partner organisation"), data["partner"]))
    if data.get("present"):
        view.facts.append((_("present"), data["present"]))
    if data.get("activities"):
        labels = [choice_label(ContactMoment.Activity.choices, a) for a in data["activities"]]
        view.facts.append((_("what was done"), ", ".join(labels)))
    if data.get("next_step"):
        view.facts.append((_("next step"), data["next_step"]))
    if data.get("follow_up_on"):
        view.facts.append((_("follow-up"), short_date(data["follow_up_on"])))
    for checked in data.get("agreements", ()):
        outcome = choice_label(ContactMoment.AgreementOutcome.choices, checked["outcome"])
        view.text.append(
            (_("agreement: %(outcome)s") % {"outcome": outcome}, checked["description"])
        )
    if data.get("notes"):
        view.text.append((_("notes"), data["notes"]))
    return view


def _agreement(data):
    view = EventView(
        _("Agreement (%(status)s)")
        % {"status": choice_label(Agreement.Status.choices, data["status"])}
    )
    view.facts.append((_("who"), choice_label(Agreement.Responsible.choices, data["responsible"])))
    if data.get("due_on"):
        view.facts.append((_("by when"), short_date(data["due_on"])))
    view.text.append((_("what"), data["description"]))
    return view


def _planned(data):
    view = EventView(
        _("Visit planned: %(kind)s")
        % {"kind": choice_label(ContactMoment.Kind.choices, data["kind"])}
    )
    when = short_date(data["planned_on"])
    view.facts.append((_("when"), f"{when} {data['at']}" if data.get("at") else when))
    if data.get("place"):
        view.facts.append((_("place"), data["place"]))
    return view


def _meeting(data):
    kind = choice_label(CaseMeeting.Kind.choices, data.get("meeting_kind"))
    title = {
        "agenda": _("On the agenda: %(meeting)s"),
        "removed": _("Taken off the agenda: %(meeting)s"),
        "discussed": _("Discussed: %(meeting)s"),
    }[data["action"]]
    view = EventView(title % {"meeting": kind or _("the next meeting")})
    if data.get("meeting_on"):
        view.facts.append((_("date"), short_date(data["meeting_on"])))
    elif data["action"] == "agenda":
        view.facts.append((_("date"), _("not planned yet")))
    if data["action"] == "discussed":
        consent = data.get("consent")
        view.facts.append(
            (
                _("client consented to share"),
                choice_label(AgendaItem.Consent.choices, consent),
            )
        )
        if consent == AgendaItem.Consent.NO:
            view.facts.append((_("discussed"), _("anonymised, without the client's name")))
        if data.get("consent_detail"):
            view.text.append((_("what may be shared, with whom"), data["consent_detail"]))
        if data.get("conclusions"):
            view.text.append((_("conclusions"), data["conclusions"]))
        for decision in data.get("decisions", ()):
            view.text.append((_("decision, now an agreement"), decision))
    else:
        view.text.append((_("question or reason"), data.get("question", "")))
    return view


def _volunteer(data):
    status = choice_label(VolunteerRequest.Status.choices, data["status"])
    view = EventView(
        _("Volunteer service %(service)s: %(status)s")
        % {"service": data["service"], "status": status}
    )
    view.facts.append((_("date"), short_date(data["on"])))
    if data.get("volunteer"):
        view.facts.append((_("volunteer"), data["volunteer"]))
    if data.get("reason"):
        view.text.append((_("reason"), data["reason"]))
    return view


def _feedback(data):
    view = EventView(_("Feedback to the reporter"))
    if data.get("to"):
        view.facts.append((_("to"), data["to"]))
    view.facts.append(
        (
            _("client consented"),
            choice_label(SignalFeedback.Consent.choices, data["client_consented"]),
        )
    )
    view.text.append((_("shared"), data["shared"]))
    return view


def _prior_info(data):
    view = EventView(_("Prior information gathered"))
    view.facts.append((_("source"), data.get("source", "")))
    if data.get("without_client_knowledge"):
        view.facts.append((_("client"), _("without the client's knowledge")))
    return view


def _sensitive(data):
    return EventView(
        _("Shielded details recorded: %(kind)s")
        % {"kind": choice_label(SensitiveDetail.Kind.choices, data.get("kind"))}
    )


def _meldcode(data):
    # The step's name only; what was recorded stays in the shielded trajectory.
    kind = meldcode.record_kind(data.get("step"))
    return EventView(
        _("Meldcode: %(step)s") % {"step": meldcode.text(kind) if kind else data.get("step")}
    )


def _fields_changed(title):
    def describe(data):
        return EventView(str(title))

    return describe


def _assignment(data):
    # case_reassign writes from/to (workers); case_move_team also from_team/to_team.
    moved = "to_team" in data
    view = EventView(_("Case moved to another team") if moved else _("Case reassigned"))
    for key, label in (
        ("from_team", _("from team")),
        ("to_team", _("to team")),
        ("from", _("from")),
        ("to", _("to")),
    ):
        if data.get(key):
            view.facts.append((label, data[key]))
    if data.get("reason"):
        view.text.append((_("reason"), data["reason"]))
    return view


def _coworker(data):
    titles = {
        "added": _("%(user)s joins the case as %(role)s"),
        "ended": _("%(user)s is no longer on the case as %(role)s"),
        "granted": _("%(user)s may see the shielded parts"),
        "revoked": _("%(user)s may no longer see the shielded parts"),
    }
    role = choice_label(CaseCoworker.Role.choices, data.get("role"))
    view = EventView(
        titles.get(data.get("action"), titles["added"]) % {"user": data.get("user"), "role": role}
    )
    view.facts.append((_("from"), short_date(data.get("starts_on"))))
    if data.get("ends_on"):
        view.facts.append((_("until"), short_date(data["ends_on"])))
    return view


def _deletion(data):
    if data.get("action") == "restored":
        return EventView(_("Case %(reference)s restored") % {"reference": data.get("reference")})
    return EventView(
        _("Case %(reference)s deleted") % {"reference": data.get("reference")},
        text=[(_("reason"), data.get("reason", ""))],
    )


def _correction(data):
    return EventView(_("Correction"), text=[(_("correction"), data["text"])])


DESCRIBERS = {  # cases' own kinds; network and zrm add theirs (_describers)
    "phase": _phase,
    "signal": _signal,
    "attempt": _attempt,
    "contact": _contact,
    "agreement": _agreement,
    "planned": _planned,
    "feedback": _feedback,
    "prior_info": _prior_info,
    "sensitive": _sensitive,
    "meldcode": _meldcode,
    "meeting": _meeting,
    "volunteer": _volunteer,
    "plan": _fields_changed(gettext_lazy("Plan updated")),
    "client": _fields_changed(gettext_lazy("Client details updated")),
    "assignment": _assignment,
    "correction": _correction,
    "deletion": _deletion,
    "coworker": _coworker,
}


@cache
def _describers():
    found = dict(DESCRIBERS)
    for config in apps.get_app_configs():
        if config.name != "cases" and module_has_submodule(config.module, "timeline"):
            found.update(import_module(f"{config.name}.timeline").DESCRIBERS)
    return found


def _is_shielded(event):
    if event.kind == TimelineEvent.Kind.CORRECTION and event.corrects_id:
        return event.corrects.kind in TimelineEvent.SHIELDED_KINDS
    return event.kind in TimelineEvent.SHIELDED_KINDS


def describe(event, *, shielded=False):
    """The event as the reader sees it. `shielded`: the reader may not see the case's shielded
    parts (outreach.access.may_see_sensitive), so such an event says only that it happened."""
    if shielded and _is_shielded(event):
        return EventView(
            str(TimelineEvent.Kind(event.kind).label).capitalize(),
            facts=[(_("content"), _("shielded"))],
            shielded=True,
        )
    return _describers()[event.kind](event.data)
