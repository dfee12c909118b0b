"""Plain functions that build case data through the real services (cases/services.py)."""

from datetime import timedelta

from django.utils import timezone

from cases import services
from cases.models import Agreement, Case, ContactAttempt, Signal, TimelineEvent
from cases.phases import CLOSED_PHASES, NORMAL_PATH, TRAJECTORY_PHASES, Phase

CLOSING_MOVES = {
    Phase.AFGESLOTEN: ("afsluiten", {"reason": "Doelen bereikt."}),
    Phase.NIET_PASSEND: ("niet-passend", {"reason": "Geen outreach nodig."}),
    Phase.CLIENT_WIL_NIET: ("client-wil-niet", {"reason": "Wil geen hulp."}),
}


def register_signal(*, acting_user, team, **fields):
    values = {
        "source": Signal.Source.NEIGHBOUR,
        "reporter_name": "Buurvrouw",
        "reporter_organisation": "",
        "subject_name": "Jan Jansen",
        "observed": "De post stapelt zich op achter de deur.",
        "concerns": [Signal.Concern.ISOLATION],
    }
    values.update(fields)
    return services.signal_register(acting_user=acting_user, team=team, **values)


def client_fields(**fields):
    return {"first_name": "Jan", "last_name": "Jansen", "postcode": "1234AB", **fields}


def open_case(*, acting_user, team, assigned_worker=None, client=None, **client_values):
    """Register a signal and accept it: a case in phase signaal (or the client's open case)."""
    signal = register_signal(acting_user=acting_user, team=team)
    return services.signal_accept(
        acting_user=acting_user,
        signal=signal,
        assigned_worker=assigned_worker or acting_user,
        client=client,
        client_fields=None if client is not None else client_fields(**client_values),
    )


def record_contact(*, acting_user, case, result=ContactAttempt.Result.CONTACT):
    return services.attempt_record(
        acting_user=acting_user,
        case=case,
        attempted_at=timezone.now() - timedelta(hours=1),
        method=ContactAttempt.Method.DOOR,
        result=result,
    )


def add_agreement(*, acting_user, case, description="Samen de post openen."):
    return services.agreement_add(
        acting_user=acting_user,
        case=case,
        description=description,
        responsible=Agreement.Responsible.CLIENT,
        due_on=timezone.localdate() + timedelta(days=14),
    )


def _step(case, phase, acting_user):
    """One step along NORMAL_PATH to `phase`, recording what that step needs."""
    today = timezone.localdate()
    values = {}
    if phase == Phase.VOORFASE:
        move = "voorfase"
    elif phase == Phase.EERSTE_CONTACT:
        move = "eerste-contact"
    elif phase == Phase.CONTRACT:
        record_contact(acting_user=acting_user, case=case)
        move, values = "contract", {"contract_agreed_on": today}
    elif phase == Phase.TRAJECT_BEGIN:
        add_agreement(acting_user=acting_user, case=case)
        move = "traject"
    elif phase == Phase.TRAJECT_EVALUATIE:
        services.case_record_zrm(acting_user=acting_user, case=case, kind="begin", data={})
        move = "evaluatie"
    elif phase == Phase.TRAJECT_AFSLUITING:
        move = "afsluiting"
    elif phase == Phase.NAZORG:
        services.case_record_zrm(acting_user=acting_user, case=case, kind="end", data={})
        move = "nazorg"
        values = {"reason": "Doelen bereikt.", "nazorg_until": today + timedelta(days=90)}
    else:
        raise ValueError(phase)
    return services.case_transition(acting_user=acting_user, case=case, move=move, **values)


def refer(case, *, acting_user, partner=None, **values):
    """Start the overdracht: to `partner` from the directory, or to GGZ Noord as a one-off."""
    values = {
        "reason": "Zorg nodig.",
        "referral_consent": "Dat zijn naam en de zorgen worden gedeeld.",
        "handover_on": timezone.localdate(),
        **values,
    }
    if partner is not None:
        values["referral_partner"] = partner
    else:
        values.setdefault("referred_to", "GGZ Noord")
    return services.case_transition(
        acting_user=acting_user, case=case, move="doorverwijzen", **values
    )


def keep_minimal_contact(case, *, acting_user, days=30):
    return services.case_transition(
        acting_user=acting_user,
        case=case,
        move="minimaal-contact",
        reason="Wil nog geen hulp.",
        follow_up_on=timezone.localdate() + timedelta(days=days),
    )


def confirm_arrival(case, *, acting_user):
    today = timezone.localdate()
    return services.case_transition(
        acting_user=acting_user,
        case=case,
        move="aangekomen",
        arrival_confirmed_on=today,
        referral_check_on=today + timedelta(days=90),
    )


def walk_to(case, phase, *, acting_user):
    """Take an open case to `phase` through case_transition: forward along NORMAL_PATH, or closed
    from where it is (aftercare ends with nazorg-beeindigen). Records the attempts, agreements
    and ZRMs the steps need."""
    case = Case.objects.get(pk=case.pk)
    if case.phase == Phase.NAZORG and phase == Phase.AFGESLOTEN:
        return services.case_transition(
            acting_user=acting_user, case=case, move="nazorg-beeindigen", note="Stabiel."
        )
    if phase == Phase.MINIMAAL_CONTACT:
        return keep_minimal_contact(case, acting_user=acting_user)
    if phase in (Phase.OVERDRACHT, Phase.DOORVERWEZEN):
        case = refer(case, acting_user=acting_user)
        return case if phase == Phase.OVERDRACHT else confirm_arrival(case, acting_user=acting_user)
    if phase in CLOSED_PHASES:
        move, values = CLOSING_MOVES[phase]
        if case.phase in TRAJECTORY_PHASES:
            values = {**values, "no_zrm_reason": "Client wilde geen eind-ZRM."}
        return services.case_transition(acting_user=acting_user, case=case, move=move, **values)
    start = NORMAL_PATH.index(case.phase)
    for next_phase in NORMAL_PATH[start + 1 : NORMAL_PATH.index(phase) + 1]:
        case = _step(case, next_phase, acting_user)
    assert case.phase == phase
    return case


def case_in_phase(phase, *, acting_user, team, assigned_worker=None, **client_values):
    case = open_case(
        acting_user=acting_user, team=team, assigned_worker=assigned_worker, **client_values
    )
    return walk_to(case, phase, acting_user=acting_user)


def snapshot(case):
    """What a refused call must leave alone, read from the database."""
    fresh = Case.objects.get(pk=case.pk)
    return {
        "phase": fresh.phase,
        "phase_since": fresh.phase_since,
        "closed_on": fresh.closed_on,
        "assigned_worker": fresh.assigned_worker_id,
        "events": TimelineEvent.objects.filter(case=case).count(),
    }


def events(case, kind=None):
    """The case's events, oldest first."""
    qs = TimelineEvent.objects.filter(case=case).order_by("id")
    return list(qs.filter(kind=kind) if kind else qs)


def add_coworker(case, user, *, acting_user, role="cover", start=0, end=14):
    """A co-worker on the case from `start` days from today to `end` (None: open-ended)."""
    today = timezone.localdate()
    return services.coworker_add(
        acting_user=acting_user,
        case=case,
        user=user,
        role=role,
        starts_on=today + timedelta(days=start),
        ends_on=None if end is None else today + timedelta(days=end),
    )
