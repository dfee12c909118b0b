"""The network app's events on the case timeline (kind `network`): what each action stores and
how it reads. cases.timeline finds `DESCRIBERS` through the app registry; a new action is a
builder and a title here, and the service that writes it."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.models import TimelineEvent
from cases.timeline import EventView

NETWORK_ACTIONS = {
    "added": gettext_lazy("Network: %(name)s added"),
    "changed": gettext_lazy("Network: %(name)s changed"),
    "removed": gettext_lazy("Network: %(name)s removed"),
    "interview": gettext_lazy("Network: interview answers saved"),
    "snapshot": gettext_lazy("Network: snapshot taken"),
}


def member_added_data(member):
    return {
        "action": "added",
        "name": member.name,
        "relation": member.relation,
        "status": member.status,
    }


def member_changed_data(member, *, fields):
    return {"action": "changed", "name": member.name, "fields": fields, "status": member.status}


def member_removed_data(*, name):
    return {"action": "removed", "name": name}


def interview_data(*, answers):
    return {"action": "interview", "answers": answers}


def snapshot_data(snapshot):
    return {"action": "snapshot", "snapshot_kind": snapshot.kind, "members": len(snapshot.members)}


def describe_network(data):
    # Names are what the worker typed.
    title = str(NETWORK_ACTIONS.get(data.get("action"), gettext_lazy("Network changed")))
    view = EventView(title % {"name": data.get("name", "")})
    if data.get("status") == "reactivated":
        view.facts.append((_("status"), _("sleeping contact reactivated")))
    if data.get("members") is not None:
        view.facts.append((_("people on the map"), str(data["members"])))
    return view


DESCRIBERS = {TimelineEvent.Kind.NETWORK: describe_network}
