"""The network app's events on the case timeline (kind `network`): what each action stores and
how it reads. cases.timeline finds `DESCRIBERS` through the app registry; a new action is a
builder and a title here, and the service that writes it."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.models import TimelineEvent
from cases.timeline import EventView, short_date

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


def member_added_data(member):
    data = {
        "action": "added",
        "name": member.name,
        "relation": member.relation,
        "status": member.status,
    }
    if member.partner_organisation_id:
        # The directory's name as it was.
        data["organisation"] = member.partner_organisation.name
    return data


def member_changed_data(member, *, fields):
    return {"action": "changed", "name": member.name, "fields": fields, "status": member.status}


def member_removed_data(*, name):
    return {"action": "removed", "name": name}


def interview_data(*, answers):
    return {"action": "interview", "answers": answers}


def _snapshot_facts(snapshot):
    facts = {"snapshot_kind": snapshot.kind, "members": len(snapshot.members)}
    if snapshot.empty_map:
        facts["empty_map"] = snapshot.empty_map
    return facts


def snapshot_data(snapshot):
    return {"action": "snapshot", **_snapshot_facts(snapshot)}


def begin_recorded_data(snapshot, *, replaces):
    """A begin network recorded afterwards: `snapshot` replaces the begin snapshot `replaces`."""
    return {
        "action": "begin_recorded",
        **_snapshot_facts(snapshot),
        "replaces_snapshot_id": replaces.pk,
        "replaces_taken_on": timezone.localtime(replaces.taken_at).date().isoformat(),
    }


def describe_network(data):
    # Names are what the worker typed.
    title = str(NETWORK_ACTIONS.get(data.get("action"), gettext_lazy("Network changed")))
    view = EventView(title % {"name": data.get("name", "")})
    if data.get("organisation"):
        view.facts.append((_("organisation"), data["organisation"]))
    if data.get("status") == "reactivated":
        view.facts.append((_("status"), _("sleeping contact reactivated")))
    if data.get("members") is not None:
        view.facts.append((_("people on the map"), str(data["members"])))
    if data.get("empty_map") in EMPTY_MAPS:
        view.facts.append((_("empty map at the begin"), str(EMPTY_MAPS[data["empty_map"]])))
    if data.get("replaces_taken_on"):
        replaced_on = short_date(data["replaces_taken_on"])
        view.facts.append((_("replaces the begin snapshot of"), replaced_on))
    return view


DESCRIBERS = {TimelineEvent.Kind.NETWORK: describe_network}
