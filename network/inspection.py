"""The network map's parts of a client's inspection file (outreach/inspection.py): the people
around the client, the interview answers and the maps drawn.

The people on the map are third parties (AVG art. 15(4)). Anonymised (the default), each is
named by their relation and a number that is the same on every map of the case ("vriend 2");
an organisation is not a person and keeps its name. Left out, the letter has no list and no
drawing of them, only what the maps measured."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from network.drawing import drawing
from network.guide import question, text
from network.models import InterviewAnswer, NetworkMember, NetworkSnapshot
from outreach.inspection import WITHHELD, Section, moment, of_live_cases, person, record

RELATIONS = dict(NetworkMember.Relation.choices)
# Not a person: named as they are, whatever the choice.
NAMED_RELATIONS = {NetworkMember.Relation.ORGANISATION}


def _aliases(members, snapshots):
    """{member id: "vriend 2"}, numbered per case and relation in the order they were added,
    over the live members and everyone a snapshot holds (a member removed since included)."""
    seen = {}
    for member in members:
        seen[(member.case_id, member.pk)] = member.relation
    for snapshot in snapshots:
        for m in snapshot.members:
            seen.setdefault((snapshot.case_id, m["id"]), m["relation"])
    counters, aliases = {}, {}
    for (case_id, member_id), relation in sorted(seen.items()):
        n = counters[(case_id, relation)] = counters.get((case_id, relation), 0) + 1
        aliases[member_id] = f"{RELATIONS.get(relation, relation)} {n}"
    return aliases


def _name(wanted, aliases, member_id, name, relation):
    if relation in NAMED_RELATIONS:
        return name
    return wanted.name_of(name, aliases.get(member_id, str(RELATIONS.get(relation, relation))))


def _member_lines(member):
    support = "; ".join(f"{kind}: {direction}" for kind, direction in member.support_labels())
    return [
        (_("Relation"), member.get_relation_display()),
        (_("How close"), member.get_ring_display()),
        (capfirst(member._meta.get_field("distance").verbose_name), member.get_distance_display()),
        (
            capfirst(member._meta.get_field("frequency").verbose_name),
            member.get_frequency_display(),
        ),
        (_("Support"), support),
        (capfirst(member._meta.get_field("status").verbose_name), member.get_status_display()),
    ]


def _members_as_named(members, named):
    return [{**m, "name": named(m)} for m in members]


def sections(client, wanted):
    members = list(
        of_live_cases(NetworkMember.objects, client)
        .prefetch_related("agreements")
        .order_by("case_id", "ring", "pk")
    )
    snapshots = list(
        of_live_cases(NetworkSnapshot.objects, client)
        .select_related("taken_by", "replaced_by__taken_by")
        .order_by("taken_at", "pk")
    )
    answers = of_live_cases(InterviewAnswer.objects, client).select_related("answered_by")
    aliases = _aliases(members, snapshots)

    def named(m):
        return _name(wanted, aliases, m["id"], m["name"], m["relation"])

    member_records = []
    for member in members:
        shown = named({"id": member.pk, "name": member.name, "relation": member.relation})
        item = record(
            member,
            title=shown or "",
            lines=[
                *_member_lines(member),
                (_("Note"), member.note if wanted.shows_third_parties else ""),
            ],
            withhold=wanted.withheld("note"),
        )
        if not wanted.shows_third_parties and member.relation not in NAMED_RELATIONS:
            item.data["name"] = shown or str(WITHHELD)
        member_records.append(item)

    snapshot_records = []
    for snapshot in snapshots:
        item = record(
            snapshot,
            title=_("Network map: %(kind)s") % {"kind": snapshot.get_kind_display()},
            when=moment(snapshot.taken_at),
            by=person(snapshot.taken_by),
            lines=_snapshot_lines(snapshot),
            figure_template="" if wanted.leaves_out_third_parties else "network/_drawing.html",
            figure=None
            if wanted.leaves_out_third_parties
            else drawing(_members_as_named(snapshot.members, named)),
        )
        if not wanted.shows_third_parties:
            item.data["members"] = _members_as_named(
                snapshot.members, lambda m: named(m) or str(WITHHELD)
            )
            measures = dict(item.data["measures"])
            measures["overloaded_names"] = [str(WITHHELD)] * len(
                measures.get("overloaded_names", [])
            )
            item.data["measures"] = measures
        snapshot_records.append(item)

    return [
        Section(
            "network_members",
            _("The people around you (your network)"),
            member_records,
            in_letter=not wanted.leaves_out_third_parties,
        ),
        Section(
            "network_answers",
            _("Your answers in the network interview"),
            [
                record(
                    answer,
                    title=text(question(answer.question)) or answer.question,
                    lines=[(_("Your answer"), answer.answer)],
                )
                for answer in answers.order_by("case_id", "question")
            ],
        ),
        Section("network_snapshots", _("Network maps"), snapshot_records),
    ]


def _snapshot_lines(snapshot):
    measures = snapshot.measures or {}
    lines = [
        (_("Label"), snapshot.label),
        (_("What the map shows"), snapshot.state_label),
        (_("People who support you informally"), measures.get("informal_supporters")),
        (_("Kinds of support covered (of 5)"), measures.get("kinds_covered")),
    ]
    if snapshot.is_replaced:
        by = snapshot.replaced_by
        lines.append(
            (
                _("Replaced"),
                _("by the map of %(day)s, drawn by %(who)s")
                % {"day": moment(by.taken_at), "who": person(by.taken_by)},
            )
        )
    return lines


PROVIDERS = (sections,)
