"""Data at the size of a city, for `seed_demo --scale N` and the benchmarks: N cases over 20 teams
and 200 workers, with signals, phase history, attempts, contacts, agreements and about 40 timeline
events per case (25,000 cases give about a million events).

Written in bulk, not through the services: a million events through the services would take
hours. The rows have the shapes the services write (the same fields and phase spans, and event
data from the same payload builders in cases.timeline), so the pages read them as they read real
data. Deterministic (a fixed random seed) and additive:
asking for more cases adds only the difference.
"""

import random
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from cases.models import (
    Agreement,
    Case,
    Client,
    ContactAttempt,
    ContactMoment,
    PhaseSpan,
    Signal,
    TimelineEvent,
)
from cases.phases import CLOSED_PHASES, NORMAL_PATH, Phase
from cases.timeline import (
    agreement_data,
    attempt_data,
    contact_data,
    opened_data,
    phase_data,
    signal_data,
)
from devdata.outreach import DEMO_PASSWORD
from outreach.models import Membership, Team, User

TEAMS = 20
WORKERS_PER_TEAM = 10
CHUNK = 250

# Where cases are now, in shares that add up to 1: most work is in trajectories; about 40% of a
# few years' cases are closed.
PHASE_MIX = [
    (Phase.SIGNAAL, 0.03),
    (Phase.VOORFASE, 0.05),
    (Phase.EERSTE_CONTACT, 0.10),
    (Phase.CONTRACT, 0.07),
    (Phase.TRAJECT_BEGIN, 0.12),
    (Phase.TRAJECT_EVALUATIE, 0.10),
    (Phase.TRAJECT_AFSLUITING, 0.04),
    (Phase.NAZORG, 0.07),
    (Phase.AFGESLOTEN, 0.28),
    (Phase.DOORVERWEZEN, 0.06),
    (Phase.NIET_PASSEND, 0.04),
    (Phase.CLIENT_WIL_NIET, 0.04),
]
PATH = NORMAL_PATH
# The `move` of the phase events: the scale data walks the path without the table's moves.
SCALE_MOVE = "scale"
FIRST_NAMES = [
    "Anna",
    "Mohamed",
    "Ria",
    "Kees",
    "Fatma",
    "Jan",
    "Sevda",
    "Henk",
    "Priya",
    "Wim",
    "Aicha",
    "Piet",
    "Yvonne",
    "Said",
    "Els",
    "Rachid",
    "Ineke",
    "Bram",
    "Naima",
    "Gerrit",
]
LAST_NAMES = [
    "de Vries",
    "Jansen",
    "El Idrissi",
    "Bakker",
    "Yilmaz",
    "Visser",
    "Smit",
    "Ramdin",
    "de Boer",
    "Mulder",
    "Kaya",
    "van Dijk",
    "Bos",
    "Ouali",
    "Vermeulen",
    "Peters",
]
SOURCES = [
    "housing",
    "neighbour",
    "police",
    "lzn",
    "gp",
    "caretaker",
    "lthg",
    "pastoral",
    "community",
    "even_buurten",
    "client",
    "self",
    "other",
]


def seed(n, out):
    teams, workers = _people()
    done = Case.objects.filter(team__in=teams).count()
    if done >= n:
        out.write(f"Scale data: {done:,} cases already; nothing added.")
        return
    rng = random.Random(20261122 + done)  # noqa: S311 - test data, not secrets
    now = timezone.now()
    for start in range(done, n, CHUNK):
        with transaction.atomic():
            _chunk(rng, range(start, min(n, start + CHUNK)), teams, workers, now)
    events = TimelineEvent.objects.filter(case__team__in=teams).count()
    out.write(
        f"Scale data: {n:,} cases over {len(teams)} teams and "
        f"{sum(len(w) for w in workers.values())} workers, {events:,} timeline events."
    )


def _people():
    teams, workers = [], {}
    # One hash for all: hashing 220 passwords one by one takes most of a minute.
    password = make_password(DEMO_PASSWORD)
    for t in range(1, TEAMS + 1):
        team, _created = Team.objects.get_or_create(
            code=f"S{t:02d}", defaults={"name": f"Outreach Stad {t:02d}"}
        )
        teams.append(team)
        lead, _created = User.objects.get_or_create(
            username=f"s{t:02d}lead",
            defaults={"first_name": "Lead", "last_name": f"Stad {t:02d}", "password": password},
        )
        Membership.objects.get_or_create(team=team, user=lead, defaults={"role": "lead"})
        team_workers = []
        for w in range(1, WORKERS_PER_TEAM + 1):
            user, _created = User.objects.get_or_create(
                username=f"s{t:02d}w{w:02d}",
                defaults={
                    "first_name": f"Werker {w:02d}",
                    "last_name": f"Stad {t:02d}",
                    "password": password,
                },
            )
            Membership.objects.get_or_create(team=team, user=user, defaults={"role": "worker"})
            team_workers.append(user)
        workers[team.pk] = team_workers
    return teams, workers


def _pick_phase(rng):
    roll, total = rng.random(), 0
    for phase, share in PHASE_MIX:
        total += share
        if roll < total:
            return phase
    return Phase.AFGESLOTEN


def _at(day, rng):
    moment = datetime.combine(day, time(rng.randint(8, 17), rng.randint(0, 59)))
    return timezone.make_aware(moment)


def _chunk(rng, numbers, teams, workers, now):
    today = timezone.localdate(now)
    rows = {name: [] for name in ("clients", "signals", "cases")}
    plans = []
    for i in numbers:
        team = teams[i % TEAMS]
        worker = rng.choice(workers[team.pk])
        phase = _pick_phase(rng)
        opened = today - timedelta(days=rng.randint(20, 3 * 365))
        client = Client(
            team=team,
            first_name=rng.choice(FIRST_NAMES),
            last_name=rng.choice(LAST_NAMES),
            date_of_birth=today - timedelta(days=rng.randint(20 * 365, 85 * 365)),
            street_address=f"Stadsweg {i % 900 + 1}",
            postcode=f"30{i % 100:02d} AB",
            city="Rotterdam",
            neighbourhood=f"Wijk {i % 40 + 1}",
        )
        rows["clients"].append(client)
        plans.append((i, team, worker, phase, opened, client))
    Client.objects.bulk_create(rows["clients"])
    for i, team, worker, phase, opened, client in plans:
        rows["cases"].append(
            Case(
                team=team,
                client=client,
                reference=f"{team.code}-X{i:07d}",
                assigned_worker=worker,
                phase=phase,
                opened_on=opened,
            )
        )
    Case.objects.bulk_create(rows["cases"])
    batch = Batch()
    for (_i, _team, worker, phase, opened, _client), case in zip(plans, rows["cases"], strict=True):
        _history(rng, case, worker, phase, opened, today, batch)
    Signal.objects.bulk_create(batch.signals)
    ContactAttempt.objects.bulk_create(batch.attempts)
    ContactMoment.objects.bulk_create(batch.contacts)
    Agreement.objects.bulk_create(batch.agreements)
    PhaseSpan.objects.bulk_create(batch.spans)
    TimelineEvent.objects.bulk_create(batch.events, batch_size=2000)
    Case.objects.bulk_update(
        rows["cases"],
        [
            "phase_since",
            "closed_on",
            "last_contact_at",
            "follow_up_on",
            "contract_agreed_on",
            "nazorg_until",
            "close_reason",
        ],
        batch_size=500,
    )


@dataclass
class Batch:
    """The rows of one chunk of cases, written in bulk together."""

    events: list = field(default_factory=list)
    spans: list = field(default_factory=list)
    attempts: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    agreements: list = field(default_factory=list)
    signals: list = field(default_factory=list)


def _history(rng, case, worker, phase, opened, today, batch):
    """Walk the case along the phase path to `phase`, writing what the services would."""
    events, spans, attempts = batch.events, batch.spans, batch.attempts
    contacts, agreements, signals = batch.contacts, batch.agreements, batch.signals
    day = opened
    received = opened - timedelta(days=rng.randint(0, 10))
    source = rng.choice(SOURCES)
    signal = Signal(
        team_id=case.team_id,
        received_on=received,
        source=source,
        subject_name=str(case.client),
        observed="Zorgen over de woonsituatie.",
        concerns=["housing"],
        status="accepted",
        case=case,
        decided_at=_at(opened, rng),
        decided_by=worker,
        registered_by=worker,
    )
    signals.append(signal)
    events.append(
        TimelineEvent(
            case=case,
            kind="signal",
            actor=worker,
            occurred_at=_at(opened, rng),
            data=signal_data(signal),
        )
    )
    events.append(
        TimelineEvent(
            case=case,
            kind="phase",
            actor=worker,
            occurred_at=_at(opened, rng),
            data=opened_data(case),
        )
    )
    closed = phase in CLOSED_PHASES
    end_index = rng.randint(1, 6) if closed else PATH.index(phase)
    span_start = _at(opened, rng)
    last_contact = None
    budget = max(1, (today - opened).days)
    for step in range(1, end_index + 1):
        # Early phases take days or weeks; trajectories months.
        length = rng.randint(2, 20) if step < 4 else rng.randint(20, 150)
        day = min(today - timedelta(days=1), day + timedelta(days=min(length, budget // 4 + 1)))
        moment = _at(day, rng)
        spans.append(
            PhaseSpan(
                case=case,
                team_id=case.team_id,
                phase=PATH[step - 1],
                started_at=span_start,
                ended_at=moment,
            )
        )
        if PATH[step - 1] == Phase.EERSTE_CONTACT:
            tries = rng.randint(1, 6)
            for n in range(tries):
                result = "contact" if n == tries - 1 else rng.choice(["not_home", "not_opened"])
                at = moment - timedelta(days=2 * (tries - n))
                attempt = ContactAttempt(
                    case=case, attempted_at=at, method="door", result=result, recorded_by=worker
                )
                attempts.append(attempt)
                events.append(
                    TimelineEvent(
                        case=case,
                        kind="attempt",
                        actor=worker,
                        occurred_at=at,
                        data=attempt_data(attempt, number=n + 1),
                    )
                )
            last_contact = moment
        if PATH[step] == Phase.CONTRACT:
            case.contract_agreed_on = day
            for n in range(rng.randint(2, 4)):
                agreement = Agreement(
                    case=case,
                    description=f"Afspraak {n + 1}",
                    responsible="client",
                    created_by=worker,
                )
                agreements.append(agreement)
                events.append(
                    TimelineEvent(
                        case=case,
                        kind="agreement",
                        actor=worker,
                        occurred_at=moment,
                        data=agreement_data(agreement),
                    )
                )
        events.append(
            TimelineEvent(
                case=case,
                kind="phase",
                actor=worker,
                occurred_at=moment,
                data=phase_data(previous=PATH[step - 1], target=PATH[step], move=SCALE_MOVE),
            )
        )
        span_start = moment
    if last_contact is not None:
        # Home visits every week or two from first contact on, until the case closes.
        visit = timezone.localdate(last_contact)
        while visit < today - timedelta(days=1):
            visit += timedelta(days=rng.randint(4, 12))
            if visit >= today:
                break
            at = _at(visit, rng)
            contact = ContactMoment(
                case=case,
                kind="home_visit",
                occurred_at=at,
                duration_minutes=rng.choice([30, 45, 60, 90]),
                activities=["post"],
                notes="Post gesorteerd.",
                logged_by=worker,
            )
            contacts.append(contact)
            events.append(
                TimelineEvent(
                    case=case,
                    kind="contact",
                    actor=worker,
                    occurred_at=at,
                    data=contact_data(contact),
                )
            )
            last_contact = at
            if closed and rng.random() < 0.08:
                break
    case.phase_since = span_start
    case.last_contact_at = last_contact
    if closed:
        case.closed_on = timezone.localdate(span_start)
        case.close_reason = "Afgerond."
        events.append(
            TimelineEvent(
                case=case,
                kind="phase",
                actor=worker,
                occurred_at=span_start,
                data=phase_data(
                    previous=PATH[end_index],
                    target=phase,
                    move=SCALE_MOVE,
                    values={"reason": "Afgerond."},
                ),
            )
        )
    else:
        spans.append(PhaseSpan(case=case, team_id=case.team_id, phase=phase, started_at=span_start))
        case.follow_up_on = today + timedelta(days=rng.randint(-10, 21))
        if phase == Phase.NAZORG:
            case.closed_on = timezone.localdate(span_start)
            case.nazorg_until = case.closed_on + timedelta(days=182)
