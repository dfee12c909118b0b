"""The measure of a client's network, and of how far its activation succeeded: one function over
the members of a map (live or frozen in a snapshot). docs/network-measures.md gives the reasoning.

Members are plain dicts with the fields of NetworkMember (see `as_dict`), so the live map and a
snapshot are measured by the same code."""

from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext_lazy as _

SUPPORT_KINDS = ["practical", "material", "emotional", "company", "decisions"]
FORMAL_RELATIONS = {"professional", "organisation"}
MEMBER_FIELDS = [
    "id",
    "name",
    "relation",
    "ring",
    "distance",
    "frequency",
    "involvement",
    "overloaded",
    "too_far",
    "own_problems",
    "negative_influence",
    "status",
    "known_before",
    "wants_back",
    "outreach_worker",
    *[f"support_{kind}" for kind in SUPPORT_KINDS],
]
HEAVY_LOAD_KINDS = 3

WARNINGS = {
    "overloaded_supporter": _(
        "An informal supporter carries three or more kinds of support or is overloaded."
    ),
    "no_informal_supporter": _("Nobody from the informal network gives support."),
    "only_negative_support": _("All support comes from people with a negative influence."),
}


def as_dict(member):
    return {name: getattr(member, name) for name in MEMBER_FIELDS}


def _receives(member):
    """The kinds of support the client receives from this member."""
    return [k for k in SUPPORT_KINDS if member.get(f"support_{k}") in ("receives", "both")]


def _gives(member):
    return [k for k in SUPPORT_KINDS if member.get(f"support_{k}") in ("gives", "both")]


def is_informal(member):
    return member["relation"] not in FORMAL_RELATIONS


def is_outreach_worker(member):
    """The worker's own place on the map: drawn, never counted (snapshots from before the mark
    existed have no such key)."""
    return bool(member.get("outreach_worker"))


def is_new_network(member, begin_ids):
    """A member of the new network: not in the begin snapshot (by member id), in contact now and
    not a reactivated old contact (they count as reactivated), and not a professional:
    volunteers, clubs and organisations are new network as well as new friends and neighbours."""
    return (
        member["id"] not in begin_ids
        and member["status"] == "active"
        and member["relation"] != "professional"
        and not is_outreach_worker(member)
    )


def new_network(begin_members, members):
    """How many members of `members` are new network since the begin snapshot's members."""
    begin_ids = {m["id"] for m in begin_members}
    return sum(1 for m in members if is_new_network(m, begin_ids))


@dataclass
class Measures:
    members: int = 0
    informal_supporters: int = 0
    kinds_covered: int = 0
    reactivated: int = 0
    professional_share: float | None = None
    reciprocal: int = 0
    neighbourhood: int = 0
    warnings: list = field(default_factory=list)
    overloaded_names: list = field(default_factory=list)

    def as_json(self):
        return asdict(self)

    @classmethod
    def from_json(cls, data):
        return cls(**data)

    def warning_texts(self):
        return [WARNINGS[key] for key in self.warnings]


def informal_supporters_of(members, kinds):
    """How many informal, not sleeping members give the client at least one of `kinds`."""
    return sum(
        1
        for m in members
        if m["status"] != "sleeping" and is_informal(m) and set(_receives(m)) & set(kinds)
    )


def overloaded(members):
    """The informal supporters who carry too much: marked overloaded, or giving HEAVY_LOAD_KINDS
    or more kinds of support. The drawing marks these, the warning names them."""
    return [
        m
        for m in members
        if m["status"] != "sleeping"
        and is_informal(m)
        and _receives(m)
        and (m["overloaded"] or len(_receives(m)) >= HEAVY_LOAD_KINDS)
    ]


def network_measures(members):
    """Measures of a network given as member dicts. Sleeping contacts do not count as part of the
    network until they are reactivated; the worker's own place is left out of everything."""
    members = [m for m in members if not is_outreach_worker(m)]
    present = [m for m in members if m["status"] != "sleeping"]
    informal_supporters = [m for m in present if is_informal(m) and _receives(m)]
    covered = {kind for m in informal_supporters for kind in _receives(m)}
    received = [(m, kind) for m in present for kind in _receives(m)]
    professional = sum(1 for m, _kind in received if not is_informal(m))
    carrying = overloaded(members)
    warnings = []
    if carrying:
        warnings.append("overloaded_supporter")
    if not informal_supporters:
        warnings.append("no_informal_supporter")
    if received and all(m["negative_influence"] for m, _kind in received):
        warnings.append("only_negative_support")
    return Measures(
        members=len(present),
        informal_supporters=len(informal_supporters),
        kinds_covered=len(covered),
        reactivated=sum(1 for m in members if m["status"] == "reactivated"),
        professional_share=round(professional / len(received), 2) if received else None,
        reciprocal=sum(
            1
            for m in present
            if any(m.get(f"support_{k}") == "both" for k in SUPPORT_KINDS)
            or (_receives(m) and _gives(m))
        ),
        neighbourhood=sum(1 for m in present if m["distance"] == "same_wijk"),
        warnings=warnings,
        overloaded_names=[m["name"] for m in carrying],
    )


@dataclass
class Change:
    label: str
    before: object
    after: object
    # A share (0.29) reads as a percentage (29%), as on the network page, and its difference in
    # percentage points.
    share: bool = False

    @property
    def difference(self):
        if isinstance(self.before, int | float) and isinstance(self.after, int | float):
            return round(self.after - self.before, 2)
        return None

    def _shown(self, value):
        if value is None:
            return "—"
        return f"{round(value * 100)}%" if self.share else str(value)

    @property
    def before_shown(self):
        return self._shown(self.before)

    @property
    def after_shown(self):
        return self._shown(self.after)

    @property
    def difference_shown(self):
        difference = self.difference
        if difference is None:
            return "—"
        number = round(difference * 100) if self.share else difference
        signed = f"+{number}" if number > 0 else str(number)
        return _("%(n)s percentage points") % {"n": signed} if self.share else signed


def activation(before, after, new_members=None):
    """How the network changed between two snapshots' measures: the activation measure.
    `new_members`: how many members of the later map are new network (`new_network`), shown
    beside the reactivated contacts; None leaves the row out."""
    rows = [
        Change(_("informal supporters"), before.informal_supporters, after.informal_supporters),
        Change(
            _("kinds of support covered informally (of 5)"),
            before.kinds_covered,
            after.kinds_covered,
        ),
        Change(_("sleeping contacts reactivated"), before.reactivated, after.reactivated),
        *(
            [Change(_("new network members (not in the begin snapshot)"), 0, new_members)]
            if new_members is not None
            else []
        ),
        Change(
            _("share of support from professionals"),
            before.professional_share,
            after.professional_share,
            share=True,
        ),
        Change(_("members with support both ways"), before.reciprocal, after.reciprocal),
        Change(_("contacts in the neighbourhood"), before.neighbourhood, after.neighbourhood),
    ]
    appeared = [WARNINGS[w] for w in after.warnings if w not in before.warnings]
    resolved = [WARNINGS[w] for w in before.warnings if w not in after.warnings]
    return rows, appeared, resolved
