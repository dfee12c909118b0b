from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases import services
from cases.models import Case, ContactAttempt, ContactMoment, TimelineEvent
from cases.phases import MOVES, MOVES_BY_SLUG, TRAJECTORY_PHASES, Phase
from outreach.models import Membership
from tests.cases.factories import (
    add_agreement,
    case_in_phase,
    confirm_arrival,
    events,
    open_case,
    record_contact,
    refer,
    snapshot,
    walk_to,
)

ALLOWED = [(move.slug, phase) for move in MOVES for phase in Phase if phase in move.sources]
REFUSED = [(move.slug, phase) for move in MOVES for phase in Phase if phase not in move.sources]


def pair_id(pair):
    move, phase = pair
    return f"{move}-from-{phase.value}"


def values_for(move, source):
    """Values that fill in every field a move needs, including a reason for a missing ZRM."""
    today = timezone.localdate()
    return {
        "voorfase": {"note": "Eerst informatie verzamelen."},
        "eerste-contact": {"note": "Morgen aanbellen."},
        "contract": {"contract_agreed_on": today, "note": "Afspraken gemaakt."},
        "traject": {"note": "Aan de slag."},
        "evaluatie": {"no_zrm_reason": "Client wilde geen begin-ZRM."},
        "afsluiting": {"note": "Afronden."},
        "nazorg": {
            "reason": "Doelen bereikt.",
            "nazorg_until": today + timedelta(days=60),
            "no_zrm_reason": "Client wilde geen eind-ZRM.",
        },
        "afsluiten": {
            "reason": "Doelen bereikt.",
            **(
                {"no_zrm_reason": "Client wilde geen eind-ZRM."}
                if source in TRAJECTORY_PHASES
                else {}
            ),
        },
        "nazorg-beeindigen": {"note": "Het gaat goed."},
        "doorverwijzen": {
            "referred_to": "GGZ Noord",
            "reason": "Zorg nodig.",
            "referral_consent": "Naam en zorgen delen.",
            "handover_on": today,
        },
        "aangekomen": {
            "arrival_confirmed_on": today,
            "referral_check_on": today + timedelta(days=90),
        },
        "niet-aangekomen": {"reason": "Niet op de afspraak verschenen."},
        "minimaal-contact": {
            "reason": "Wil nog geen hulp; we blijven langskomen.",
            "follow_up_on": today + timedelta(days=30),
        },
        "contact-hervat": {"note": "Deed open en wil praten."},
        "niet-passend": {"reason": "Geen outreach nodig."},
        "client-wil-niet": {"reason": "Wil geen hulp."},
        "heropenen": {"reason": "Terugval: huurachterstand."},
    }[move]


def meet_guards(case, move, user):
    """Record what the move's guards ask for (ZRMs are covered by no_zrm_reason)."""
    if move == "contract":
        record_contact(acting_user=user, case=case)
    elif move == "traject":
        add_agreement(acting_user=user, case=case)


def transition(case, move, user, **values):
    return services.case_transition(acting_user=user, case=case, move=move, **values)


def expected_event_data(move, source, values):
    data = {"from": source.value, "to": MOVES_BY_SLUG[move].target.value, "move": move}
    for name, value in values.items():
        data[name] = value.isoformat() if hasattr(value, "isoformat") else value
    return data


def assert_refused_without_change(case, move, user, values, *, field=None):
    before = snapshot(case)
    with pytest.raises(ValidationError) as excinfo:
        transition(case, move, user, **values)
    assert snapshot(case) == before
    if field is not None:
        assert field in excinfo.value.message_dict
    return excinfo.value


# Allowed and refused moves ------------------------------------------------------------------


@pytest.mark.parametrize(("move", "source"), ALLOWED, ids=[pair_id(p) for p in ALLOWED])
def test_it_allows_every_move_from_each_of_its_sources(move, source, owner, team):
    case = case_in_phase(source, acting_user=owner, team=team)
    meet_guards(case, move, owner)
    values = values_for(move, source)
    before = snapshot(case)
    old_events = {event.pk for event in events(case)}

    transition(case, move, owner, **values)

    case.refresh_from_db()
    target = MOVES_BY_SLUG[move].target
    assert case.phase == target
    assert case.phase_since > before["phase_since"]
    if MOVES_BY_SLUG[move].closes:
        assert case.closed_on == timezone.localdate()
    if MOVES_BY_SLUG[move].reopens:
        assert case.closed_on is None
    new_events = [event for event in events(case) if event.pk not in old_events]
    assert [event.kind for event in new_events] == [TimelineEvent.Kind.PHASE]
    assert new_events[0].data == expected_event_data(move, source, values)
    assert new_events[0].actor == owner


@pytest.mark.parametrize(("move", "phase"), REFUSED, ids=[pair_id(p) for p in REFUSED])
def test_it_refuses_every_move_from_each_phase_that_is_not_a_source(move, phase, owner, team):
    case = case_in_phase(phase, acting_user=owner, team=team)

    error = assert_refused_without_change(case, move, owner, values_for(move, phase))

    assert list(error.message_dict) == [None]
    assert case.get_phase_display() in error.message_dict[None][0]


def test_it_covers_every_phase_and_move_in_the_tables():
    # The parametrisation above is built from MOVES; check it did not come out empty or lopsided.
    assert len(ALLOWED) + len(REFUSED) == len(MOVES) * len(Phase)
    assert {move for move, _phase in ALLOWED} == set(MOVES_BY_SLUG)


def test_it_refuses_a_move_that_does_not_exist(owner, team):
    case = open_case(acting_user=owner, team=team)
    error = assert_refused_without_change(case, "vliegen", owner, {})
    assert list(error.message_dict) == [None]


# Guards -------------------------------------------------------------------------------------


def log_contact(case, user, kind):
    return services.contact_log(
        acting_user=user,
        case=case,
        kind=kind,
        occurred_at=timezone.now() - timedelta(hours=2),
    )


@pytest.mark.parametrize(
    "record",
    [
        pytest.param(lambda case, user: None, id="nothing"),
        pytest.param(
            lambda case, user: record_contact(
                acting_user=user, case=case, result=ContactAttempt.Result.NOT_HOME
            ),
            id="attempt-not-home",
        ),
        pytest.param(
            lambda case, user: log_contact(case, user, ContactMoment.Kind.FAILED),
            id="failed-contact",
        ),
    ],
)
def test_it_refuses_a_contract_without_contact_made(record, owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    record(case, owner)

    error = assert_refused_without_change(
        case, "contract", owner, {"contract_agreed_on": timezone.localdate()}
    )
    assert list(error.message_dict) == [None]
    assert Case.objects.get(pk=case.pk).contract_agreed_on is None


@pytest.mark.parametrize(
    "record",
    [
        pytest.param(
            lambda case, user: record_contact(
                acting_user=user, case=case, result=ContactAttempt.Result.CONTACT
            ),
            id="attempt-contact",
        ),
        pytest.param(
            lambda case, user: log_contact(case, user, ContactMoment.Kind.HOME_VISIT),
            id="home-visit",
        ),
        pytest.param(
            lambda case, user: log_contact(case, user, ContactMoment.Kind.PHONE), id="phone"
        ),
    ],
)
def test_it_allows_a_contract_once_contact_is_made(record, owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    record(case, owner)
    agreed_on = timezone.localdate() - timedelta(days=1)

    transition(case, "contract", owner, contract_agreed_on=agreed_on)

    case.refresh_from_db()
    assert case.phase == Phase.CONTRACT
    assert case.contract_agreed_on == agreed_on


def test_it_refuses_a_trajectory_without_an_agreement(owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    error = assert_refused_without_change(case, "traject", owner, {})
    assert list(error.message_dict) == [None]

    add_agreement(acting_user=owner, case=case)
    transition(case, "traject", owner)
    assert Case.objects.get(pk=case.pk).phase == Phase.TRAJECT_BEGIN


def test_it_refuses_evaluation_without_begin_zrm_or_reason(owner, team):
    case = case_in_phase(Phase.TRAJECT_BEGIN, acting_user=owner, team=team)
    assert_refused_without_change(case, "evaluatie", owner, {}, field="no_zrm_reason")
    # Whitespace is no reason.
    assert_refused_without_change(
        case, "evaluatie", owner, {"no_zrm_reason": "   "}, field="no_zrm_reason"
    )


def test_it_allows_evaluation_after_a_begin_zrm(owner, team):
    case = case_in_phase(Phase.TRAJECT_BEGIN, acting_user=owner, team=team)
    services.case_record_zrm(acting_user=owner, case=case, kind="begin", data={})

    transition(case, "evaluatie", owner)

    case.refresh_from_db()
    assert case.phase == Phase.TRAJECT_EVALUATIE
    assert case.no_zrm_begin_reason == ""


def test_it_stores_the_reason_for_no_begin_zrm(owner, team):
    case = case_in_phase(Phase.TRAJECT_BEGIN, acting_user=owner, team=team)

    transition(case, "evaluatie", owner, no_zrm_reason="  Client was te onrustig.  ")

    case.refresh_from_db()
    assert case.phase == Phase.TRAJECT_EVALUATIE
    assert case.no_zrm_begin_reason == "Client was te onrustig."
    assert case.no_zrm_end_reason == ""
    assert events(case, "phase")[-1].data["no_zrm_reason"] == "Client was te onrustig."


CLOSING_FROM_TRAJECTORY = [
    ("afsluiten", phase) for phase in Phase if phase in TRAJECTORY_PHASES
] + [("nazorg", Phase.TRAJECT_AFSLUITING)]


def closing_values(move):
    values = {"reason": "Doelen bereikt."}
    if move == "nazorg":
        values["nazorg_until"] = timezone.localdate() + timedelta(days=30)
    return values


@pytest.mark.parametrize(
    ("move", "source"), CLOSING_FROM_TRAJECTORY, ids=[pair_id(p) for p in CLOSING_FROM_TRAJECTORY]
)
def test_it_refuses_closing_a_trajectory_without_end_zrm_or_reason(move, source, owner, team):
    case = case_in_phase(source, acting_user=owner, team=team)
    assert_refused_without_change(case, move, owner, closing_values(move), field="no_zrm_reason")
    assert Case.objects.get(pk=case.pk).closed_on is None


@pytest.mark.parametrize(
    ("move", "source"), CLOSING_FROM_TRAJECTORY, ids=[pair_id(p) for p in CLOSING_FROM_TRAJECTORY]
)
def test_it_allows_closing_a_trajectory_after_an_end_zrm(move, source, owner, team):
    case = case_in_phase(source, acting_user=owner, team=team)
    services.case_record_zrm(acting_user=owner, case=case, kind="end", data={})

    transition(case, move, owner, **closing_values(move))

    case.refresh_from_db()
    assert case.phase == MOVES_BY_SLUG[move].target
    assert case.no_zrm_end_reason == ""


@pytest.mark.parametrize("source", sorted(TRAJECTORY_PHASES))
def test_it_stores_the_reason_for_no_end_zrm_when_closing(source, owner, team):
    case = case_in_phase(source, acting_user=owner, team=team)

    transition(case, "afsluiten", owner, reason="Klaar.", no_zrm_reason="Client verhuisd.")

    case.refresh_from_db()
    assert case.phase == Phase.AFGESLOTEN
    assert case.no_zrm_end_reason == "Client verhuisd."
    assert case.no_zrm_begin_reason == ""


def test_it_closes_from_first_contact_without_any_zrm(owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)

    transition(case, "afsluiten", owner, reason="Niet meer nodig.")

    case.refresh_from_db()
    assert case.phase == Phase.AFGESLOTEN
    assert case.closed_on == timezone.localdate()
    assert case.close_reason == "Niet meer nodig."


REQUIRED = [
    ("contract", Phase.EERSTE_CONTACT, "contract_agreed_on"),
    ("nazorg", Phase.TRAJECT_AFSLUITING, "reason"),
    ("nazorg", Phase.TRAJECT_AFSLUITING, "nazorg_until"),
    ("afsluiten", Phase.VOORFASE, "reason"),
    ("doorverwijzen", Phase.VOORFASE, "reason"),
    ("doorverwijzen", Phase.VOORFASE, "referral_consent"),
    ("doorverwijzen", Phase.VOORFASE, "handover_on"),
    ("aangekomen", Phase.OVERDRACHT, "arrival_confirmed_on"),
    ("aangekomen", Phase.OVERDRACHT, "referral_check_on"),
    ("niet-aangekomen", Phase.OVERDRACHT, "reason"),
    ("minimaal-contact", Phase.VOORFASE, "reason"),
    ("minimaal-contact", Phase.VOORFASE, "follow_up_on"),
    ("niet-passend", Phase.VOORFASE, "reason"),
    ("client-wil-niet", Phase.VOORFASE, "reason"),
    ("heropenen", Phase.AFGESLOTEN, "reason"),
]


def test_it_checks_every_required_field_of_the_table():
    assert {(move, field) for move, _phase, field in REQUIRED} == {
        (move.slug, field) for move in MOVES for field in move.required
    }


MISSING = object()
# A form gives None for an empty date and "" for an empty text.
BLANKS = [
    (move, source, field, blank)
    for move, source, field in REQUIRED
    for blank in (
        [MISSING, None] if field in ("contract_agreed_on", "nazorg_until") else [MISSING, "", "  "]
    )
]


def blank_id(blank):
    return {MISSING: "missing", None: "none", "": "empty", "  ": "whitespace"}[blank]


@pytest.mark.parametrize(
    ("move", "source", "field", "blank"),
    BLANKS,
    ids=[f"{m}-{f}-{blank_id(b)}" for m, _p, f, b in BLANKS],
)
def test_it_refuses_a_move_without_a_required_field(move, source, field, blank, owner, team):
    case = case_in_phase(source, acting_user=owner, team=team)
    meet_guards(case, move, owner)
    values = values_for(move, source)
    if blank is MISSING:
        del values[field]
    else:
        values[field] = blank

    error = assert_refused_without_change(case, move, owner, values, field=field)

    assert list(error.message_dict) == [field]


@pytest.mark.parametrize("days", [0, -1], ids=["today", "yesterday"])
def test_it_refuses_aftercare_that_does_not_end_in_the_future(days, owner, team):
    case = case_in_phase(Phase.TRAJECT_AFSLUITING, acting_user=owner, team=team)
    values = values_for("nazorg", Phase.TRAJECT_AFSLUITING)
    values["nazorg_until"] = timezone.localdate() + timedelta(days=days)

    error = assert_refused_without_change(case, "nazorg", owner, values, field="nazorg_until")
    assert list(error.message_dict) == ["nazorg_until"]


def test_it_records_the_aftercare_period_and_reason(owner, team):
    case = case_in_phase(Phase.TRAJECT_AFSLUITING, acting_user=owner, team=team)
    until = timezone.localdate() + timedelta(days=1)

    transition(
        case, "nazorg", owner, reason="Doelen bereikt.", nazorg_until=until, no_zrm_reason="Weg."
    )

    case.refresh_from_db()
    assert (case.phase, case.closed_on, case.nazorg_until, case.close_reason) == (
        Phase.NAZORG,
        timezone.localdate(),
        until,
        "Doelen bereikt.",
    )
    assert case.is_open


def test_it_keeps_a_referred_case_open_until_the_client_arrived(owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)

    refer(case, acting_user=owner, referred_to=" GGZ Noord ", reason="Psychose.")

    case.refresh_from_db()
    assert (case.phase, case.referred_to, case.referral_reason) == (
        Phase.OVERDRACHT,
        "GGZ Noord",
        "Psychose.",
    )
    assert case.is_open and case.closed_on is None
    confirm_arrival(case, acting_user=owner)
    case.refresh_from_db()
    assert case.phase == Phase.DOORVERWEZEN
    assert case.closed_on == case.arrival_confirmed_on == timezone.localdate()


def test_it_keeps_the_original_closing_date_when_aftercare_ends(owner, team):
    case = case_in_phase(Phase.NAZORG, acting_user=owner, team=team)
    # Aftercare began weeks ago: no service sets a date in the past, so move the date back.
    started = timezone.localdate() - timedelta(days=45)
    Case.objects.filter(pk=case.pk).update(closed_on=started)

    transition(case, "nazorg-beeindigen", owner, note="Stabiel.")

    case.refresh_from_db()
    assert case.phase == Phase.AFGESLOTEN
    assert case.closed_on == started
    assert case.close_reason == "Doelen bereikt."


# Reopening ----------------------------------------------------------------------------------


@pytest.mark.parametrize("closed_phase", [Phase.AFGESLOTEN, Phase.NAZORG, Phase.DOORVERWEZEN])
def test_it_reopens_and_clears_the_closing_date(closed_phase, owner, team):
    case = case_in_phase(closed_phase, acting_user=owner, team=team)
    assert Case.objects.get(pk=case.pk).closed_on is not None

    transition(case, "heropenen", owner, reason="Terugval.")

    case.refresh_from_db()
    assert case.phase == Phase.EERSTE_CONTACT
    assert case.closed_on is None
    assert case.nazorg_until is None
    assert case.is_open


def test_it_keeps_the_worker_on_reopening_while_they_are_in_the_team(owner, colleague, team):
    case = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, assigned_worker=colleague)

    transition(case, "heropenen", owner, reason="Terugval.")

    case.refresh_from_db()
    assert case.assigned_worker == colleague


def test_it_gives_a_reopened_case_to_the_acting_user_when_the_worker_left(owner, colleague, team):
    case = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, assigned_worker=colleague)
    # No service removes a membership yet.
    Membership.objects.filter(team=team, user=colleague).delete()

    transition(case, "heropenen", owner, reason="Terugval.")

    case.refresh_from_db()
    assert case.assigned_worker == owner
    assert [event.kind for event in events(case)][-1] == TimelineEvent.Kind.PHASE


def test_it_refuses_to_reopen_when_the_client_has_another_open_case(owner, team):
    old = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    new = open_case(acting_user=owner, team=team, client=old.client)
    assert new.pk != old.pk

    error = assert_refused_without_change(old, "heropenen", owner, {"reason": "Terugval."})

    assert list(error.message_dict) == [None]
    old.refresh_from_db()
    assert old.closed_on == timezone.localdate()
    assert Case.objects.filter(client=old.client).exclude(phase=Phase.AFGESLOTEN).get() == new


def test_it_refuses_a_second_transition_on_a_stale_case(owner, team):
    case = case_in_phase(Phase.SIGNAAL, acting_user=owner, team=team)
    transition(case, "voorfase", owner)

    # `case` still says signaal; the service reads the phase from the database.
    error = assert_refused_without_change(case, "voorfase", owner, {})
    assert list(error.message_dict) == [None]
    assert Case.objects.get(pk=case.pk).phase == Phase.VOORFASE


def test_it_walks_a_whole_case_and_writes_one_phase_event_per_step(owner, team):
    case = open_case(acting_user=owner, team=team)
    case = walk_to(case, Phase.NAZORG, acting_user=owner)
    case = walk_to(case, Phase.AFGESLOTEN, acting_user=owner)

    moves = [event.data["move"] for event in events(case, TimelineEvent.Kind.PHASE)]
    assert moves == [
        "open",
        "voorfase",
        "eerste-contact",
        "contract",
        "traject",
        "evaluatie",
        "afsluiting",
        "nazorg",
        "nazorg-beeindigen",
    ]


def test_it_starts_a_new_round_when_a_case_is_reopened(owner, team):
    """A relapse is a new round: the earlier trajectory's contact, agreements and ZRM do not
    carry the reopened case through the guards again."""
    case = case_in_phase(Phase.TRAJECT_BEGIN, acting_user=owner, team=team)
    services.case_record_zrm(acting_user=owner, case=case, kind="begin", data={})
    case = services.case_transition(
        acting_user=owner,
        case=case,
        move="afsluiten",
        reason="Klaar",
        no_zrm_reason="Niet afgenomen",
    )
    case = services.case_transition(
        acting_user=owner, case=case, move="heropenen", reason="Terugval"
    )
    assert (case.zrm_begin_at, case.zrm_end_at, case.contract_agreed_on) == (None, None, None)
    with pytest.raises(ValidationError):
        services.case_transition(
            acting_user=owner, case=case, move="contract", contract_agreed_on=timezone.localdate()
        )
    services.attempt_record(
        acting_user=owner, case=case, attempted_at=timezone.now(), method="door", result="contact"
    )
    case = services.case_transition(
        acting_user=owner, case=case, move="contract", contract_agreed_on=timezone.localdate()
    )
    with pytest.raises(ValidationError):
        services.case_transition(acting_user=owner, case=case, move="traject")
    services.agreement_add(
        acting_user=owner, case=case, description="Weer samen de post", responsible="client"
    )
    assert services.case_transition(acting_user=owner, case=case, move="traject").phase == (
        Phase.TRAJECT_BEGIN
    )


def test_it_keeps_a_refusing_client_in_minimal_contact_where_attempts_keep_counting(owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    record_contact(acting_user=owner, case=case, result=ContactAttempt.Result.REFUSED)
    checkin = timezone.localdate() + timedelta(days=30)

    transition(case, "minimaal-contact", owner, reason="Wil nog niet.", follow_up_on=checkin)
    record_contact(acting_user=owner, case=case, result=ContactAttempt.Result.NOT_HOME)

    case.refresh_from_db()
    assert (case.phase, case.follow_up_on, case.is_open) == (Phase.MINIMAAL_CONTACT, checkin, True)
    assert [e.data["number"] for e in events(case, "attempt")] == [1, 2]
    transition(case, "client-wil-niet", owner, reason="Na drie maanden nog steeds nee.")
    assert Case.objects.get(pk=case.pk).phase == Phase.CLIENT_WIL_NIET


def test_it_refuses_a_check_in_that_is_not_in_the_future(owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    before = snapshot(case)
    with pytest.raises(ValidationError) as refused:
        transition(
            case, "minimaal-contact", owner, reason="Nee.", follow_up_on=timezone.localdate()
        )
    assert list(refused.value.message_dict) == ["follow_up_on"]
    assert snapshot(case) == before
