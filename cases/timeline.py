"""How a timeline event reads, in the reader's language. Events store codes and the text that
was entered (cases/services.py); the labels are looked up here when the page is drawn."""

from dataclasses import dataclass, field
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.models import (
    Agreement,
    ContactAttempt,
    ContactMoment,
    SensitiveDetail,
    Signal,
    SignalFeedback,
    TimelineEvent,
)
from cases.phases import MOVES_BY_SLUG, Phase


@dataclass
class EventView:
    title: str
    facts: list = field(default_factory=list)  # (label, value) pairs
    text: list = field(default_factory=list)  # (label, longer text entered by a worker)
    shielded: bool = False  # the reader may not see what it says, nor its corrections


def _label(choices, code):
    return str(dict(choices).get(code, code or ""))


def _date(iso):
    return date_format(date.fromisoformat(iso), "SHORT_DATE_FORMAT") if iso else ""


def _phase(data):
    if data.get("move") == "open":
        return EventView(_("Case %(reference)s opened") % {"reference": data.get("reference")})
    move = MOVES_BY_SLUG.get(data.get("move"))
    view = EventView(
        _("Phase: %(from)s → %(to)s")
        % {"from": _label(Phase.choices, data.get("from")), "to": _label(Phase.choices, data["to"])}
    )
    if move is not None:
        view.facts.append((_("step"), str(move.label)))
    if data.get("referred_to"):
        view.facts.append((_("referred to"), data["referred_to"]))
    if data.get("contract_agreed_on"):
        view.facts.append((_("contract agreed on"), _date(data["contract_agreed_on"])))
    if data.get("nazorg_until"):
        view.facts.append((_("aftercare until"), _date(data["nazorg_until"])))
    for name, label in (
        ("reason", _("reason")),
        ("no_zrm_reason", _("why no ZRM")),
        ("note", _("note")),
    ):
        if data.get(name):
            view.text.append((label, data[name]))
    return view


def _signal(data):
    view = EventView(
        _("Signal from %(source)s") % {"source": _label(Signal.Source.choices, data["source"])}
    )
    view.facts.append((_("received on"), _date(data.get("received_on"))))
    if data.get("reporter"):
        view.facts.append((_("reporter"), data["reporter"]))
    if data.get("concerns"):
        labels = [_label(Signal.Concern.choices, c) for c in data["concerns"]]
        view.facts.append((_("concerns"), ", ".join(labels)))
    view.facts.append((_("urgency"), _label(Signal.Urgency.choices, data.get("urgency"))))
    view.text.append((_("observed"), data.get("observed", "")))
    return view


def _attempt(data):
    view = EventView(
        _("Contact attempt %(number)s: %(result)s")
        % {
            "number": data.get("number", ""),
            "result": _label(ContactAttempt.Result.choices, data["result"]),
        }
    )
    view.facts.append((_("how"), _label(ContactAttempt.Method.choices, data["method"])))
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
    view = EventView(_label(ContactMoment.Kind.choices, data["kind"]).capitalize())
    if data.get("duration_minutes"):
        view.facts.append(
            (_("duration"), _("%(minutes)s min") % {"minutes": data["duration_minutes"]})
        )
    if data.get("present"):
        view.facts.append((_("present"), data["present"]))
    if data.get("activities"):
        labels = [_label(ContactMoment.Activity.choices, a) for a in data["activities"]]
        view.facts.append((_("what was done"), ", ".join(labels)))
    if data.get("next_step"):
        view.facts.append((_("next step"), data["next_step"]))
    if data.get("follow_up_on"):
        view.facts.append((_("follow-up"), _date(data["follow_up_on"])))
    if data.get("notes"):
        view.text.append((_("notes"), data["notes"]))
    return view


def _agreement(data):
    view = EventView(
        _("Agreement (%(status)s)") % {"status": _label(Agreement.Status.choices, data["status"])}
    )
    view.facts.append((_("who"), _label(Agreement.Responsible.choices, data["responsible"])))
    if data.get("due_on"):
        view.facts.append((_("by when"), _date(data["due_on"])))
    view.text.append((_("what"), data["description"]))
    return view


def _feedback(data):
    view = EventView(_("Feedback to the reporter"))
    if data.get("to"):
        view.facts.append((_("to"), data["to"]))
    view.facts.append(
        (_("client consented"), _label(SignalFeedback.Consent.choices, data["client_consented"]))
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
        % {"kind": _label(SensitiveDetail.Kind.choices, data.get("kind"))}
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


ZRM_KINDS = {
    "begin": gettext_lazy("begin"),
    "evaluation": gettext_lazy("evaluation"),
    "end": gettext_lazy("end"),
}


def _zrm(data):
    # Written by the zrm app through case_record_zrm (a finalised assessment) and
    # timeline_record (targets).
    if data.get("kind") == "targets":
        return EventView(
            _("ZRM targets set"),
            facts=[(_("domains with a target"), str(len(data.get("targets", {}))))],
        )
    kind = str(ZRM_KINDS.get(data.get("kind"), data.get("kind", "")))
    view = EventView(_("ZRM assessment finalised (%(kind)s)") % {"kind": kind})
    if data.get("assessed_on"):
        view.facts.append((_("date"), _date(data["assessed_on"])))
    if data.get("corrects_assessment_id"):
        view.facts.append((_("correction"), _("replaces an earlier assessment")))
        view.text.append((_("reason"), data.get("reason", "")))
    return view


NETWORK_ACTIONS = {
    "added": gettext_lazy("Network: %(name)s added"),
    "changed": gettext_lazy("Network: %(name)s changed"),
    "removed": gettext_lazy("Network: %(name)s removed"),
    "interview": gettext_lazy("Network: interview answers saved"),
    "snapshot": gettext_lazy("Network: snapshot taken"),
    "begin_recorded": gettext_lazy("Network: begin network recorded afterwards"),
}
# What an empty begin map records (network.models.NetworkSnapshot.EmptyMap).
EMPTY_MAPS = {
    "no_network": gettext_lazy("no network: the client has nobody"),
    "not_mapped": gettext_lazy("not mapped yet"),
}


def _network(data):
    # Written by the network app through timeline_record; names are what the worker typed.
    title = str(NETWORK_ACTIONS.get(data.get("action"), gettext_lazy("Network changed")))
    view = EventView(title % {"name": data.get("name", "")})
    if data.get("status") == "reactivated":
        view.facts.append((_("status"), _("sleeping contact reactivated")))
    if data.get("members") is not None:
        view.facts.append((_("people on the map"), str(data["members"])))
    if data.get("empty_map") in EMPTY_MAPS:
        view.facts.append((_("empty map at the begin"), str(EMPTY_MAPS[data["empty_map"]])))
    if data.get("replaces_taken_on"):
        view.facts.append((_("replaces the begin snapshot of"), _date(data["replaces_taken_on"])))
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


DESCRIBERS = {
    "phase": _phase,
    "signal": _signal,
    "attempt": _attempt,
    "contact": _contact,
    "agreement": _agreement,
    "feedback": _feedback,
    "prior_info": _prior_info,
    "sensitive": _sensitive,
    "plan": _fields_changed(gettext_lazy("Plan updated")),
    "client": _fields_changed(gettext_lazy("Client details updated")),
    "assignment": _assignment,
    "zrm": _zrm,
    "network": _network,
    "correction": _correction,
    "deletion": _deletion,
}


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
    return DESCRIBERS[event.kind](event.data)
