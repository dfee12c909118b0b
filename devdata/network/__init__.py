"""Demo wijkecograms for the open demo cases of devdata/cases, made through network.services.

Each map in NETWORKS belongs to the open case of one demo client. It is drawn up at the case's last
recorded contact, as a worker would after a home visit; devdata.cases._Clock sets the time.
A few maps tell a story of their own:

- Corrie van Vliet: her daughter carries practical, emotional and decision support and is
  overloaded; that is why the trouble came back.
- Peter van Dam: "buurman Kees", his neighbour and drinking buddy, keeps him company and is a
  negative influence.
- Jan van der Linden: two sleeping contacts from before his wife died come back between the begin
  and the end snapshot, and a buddy joins (begin and end are dated at the trajectory's phases).
- Marjolein Hoogendoorn: the woman of about 50 of section 3.4.4 of the practice study: a begin
  snapshot at the start of her trajectory, then interview answers that bring her neighbour onto
  the map, and a snapshot at the interim evaluation. Her trajectory is still open, so the team's
  network activation page shows it as an interim figure from the first day.
- Tomasz Nowak keeps an empty map on purpose: he opened the door once and did not want to talk.

Cases whose door has not opened yet have no map: there is nobody to ask.
"""

from datetime import timedelta

from django.utils import timezone

from cases.models import Case, ContactAttempt, ContactMoment
from devdata.cases import _Clock
from devdata.network import volunteers
from devdata.network.maps import (
    HOOGENDOORN,
    HOOGENDOORN_ANSWERS,
    HOOGENDOORN_MEMBERS,
    HOOGENDOORN_NEIGHBOUR,
    NETWORKS,
    VAN_DER_LINDEN,
    VAN_DER_LINDEN_BACK,
    VAN_DER_LINDEN_BEGIN,
    VAN_DER_LINDEN_BUDDY,
)
from network import services
from network.models import InterviewAnswer, NetworkMember, NetworkSnapshot

TEAMS = ["PA", "OM"]
PHASES = [
    "eerste_contact",
    "contract",
    "traject_begin",
    "traject_evaluatie",
    "traject_afsluiting",
    "nazorg",
]
EMPTY = "Tomasz Nowak"  # the map left empty on purpose


def _cases():
    """{client's full name: their open case in one of PHASES} for the demo teams."""
    cases = (
        Case.objects.filter(team__code__in=TEAMS, phase__in=PHASES)
        .select_related("client", "assigned_worker")
        .order_by("created_at")
    )
    return {f"{c.client.first_name} {c.client.last_name}": c for c in cases}


def _add(case, specs):
    worker = case.assigned_worker
    members = {}
    for fields, agree in specs:
        fields = {**fields, "name": fields["name"].format(worker=worker.first_name)}
        agreements = list(case.agreements.filter(description__icontains=agree)) if agree else []
        member = services.member_add(
            acting_user=worker, case=case, agreements=agreements[:1], **fields
        )
        members[member.name] = member
    return members


def _after_last_contact(case, now):
    """Just after the case's last recorded contact (or phase change): the map is drawn up then."""
    return min((case.last_contact_at or case.phase_since) + timedelta(minutes=30), now)


def _started(case, phase, now, later=timedelta(minutes=50)):
    span = case.phase_spans.filter(phase=phase).order_by("started_at").first()
    return min(span.started_at + later, now) if span else now


def _hoogendoorn(case, clock, now):
    worker = case.assigned_worker
    clock.moment = _started(case, "traject_begin", now)
    _add(case, HOOGENDOORN_MEMBERS)
    services.snapshot_take(acting_user=worker, case=case, kind=NetworkSnapshot.Kind.BEGIN)
    clock.moment = _after_last_contact(case, now)
    name, place = HOOGENDOORN_NEIGHBOUR
    (neighbour,) = services.interview_save(
        acting_user=worker,
        case=case,
        answers=HOOGENDOORN_ANSWERS,
        named={"neighbours_contact": [name]},
    )
    services.member_update(acting_user=worker, member=neighbour, **place)
    services.snapshot_take(acting_user=worker, case=case, kind="manual", label="Tussenevaluatie")


def _van_der_linden(case, clock, now):
    """Begin snapshot at the start of the trajectory, two contacts back and a buddy during the
    evaluation phase, end snapshot at the start of the closing phase."""
    worker = case.assigned_worker
    clock.moment = _started(case, "traject_begin", now)
    members = _add(case, VAN_DER_LINDEN_BEGIN)
    services.snapshot_take(acting_user=worker, case=case, kind=NetworkSnapshot.Kind.BEGIN)
    clock.moment = _started(case, "traject_evaluatie", now, timedelta(days=30))
    for name, fields in VAN_DER_LINDEN_BACK.items():
        services.member_update(acting_user=worker, member=members[name], **fields)
    clock.moment += timedelta(days=14)
    _add(case, [VAN_DER_LINDEN_BUDDY])
    clock.moment = _started(case, "traject_afsluiting", now)
    services.snapshot_take(acting_user=worker, case=case, kind=NetworkSnapshot.Kind.END)


def seed(out):
    if NetworkMember.objects.exists():
        out.write("Demo networks already exist; nothing added.")
        return
    cases = _cases()
    if not cases:
        out.write("No open demo cases; no demo networks added.")
        return
    now = timezone.now()
    mapped = []
    with _Clock() as clock:
        for name, case in cases.items():
            if name in NETWORKS or name == HOOGENDOORN:
                clock.moment = _after_last_contact(case, now)
            if name in NETWORKS:
                _add(case, NETWORKS[name])
            elif name == HOOGENDOORN:
                _hoogendoorn(case, clock, now)
            elif name == VAN_DER_LINDEN:
                _van_der_linden(case, clock, now)
            else:
                continue
            mapped.append(case)
        waiting = next(
            (c for n, c in cases.items() if n in NETWORKS and n != HOOGENDOORN),
            None,
        )
        volunteered = volunteers.seed(
            cases, clock, now, matched_case=cases.get(HOOGENDOORN), waiting_case=waiting
        )
    ids = [case.pk for case in mapped]
    members = NetworkMember.objects.filter(case__in=ids)
    empty = cases.get(EMPTY)
    closed_doors = [
        case.reference
        for case in cases.values()
        if case not in mapped and case is not empty and not _door_opened(case)
    ]
    parts = [
        f"Demo networks: {members.count()} members on {len(mapped)} cases "
        f"({members.filter(status='sleeping').count()} sleeping, "
        f"{members.filter(status='reactivated').count()} reactivated), "
        f"{InterviewAnswer.objects.filter(case__in=ids).count()} interview answers, "
        f"{NetworkSnapshot.objects.filter(case__in=ids).count()} snapshots"
    ]
    if empty:
        parts.append(f"{empty.reference} ({empty.client}) left without a network on purpose")
    if closed_doors:
        parts.append(f"no map where the door has not opened: {', '.join(closed_doors)}")
    out.write("; ".join(parts) + ".")
    out.write(volunteered)


def _door_opened(case):
    return (
        case.attempts.filter(result__in=ContactAttempt.CONTACT_RESULTS).exists()
        or case.contacts.exclude(kind__in=ContactMoment.NOT_CONTACT_KINDS).exists()
    )
