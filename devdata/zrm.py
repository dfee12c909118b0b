"""Demo ZRM data: case DEMO-0001 with a finalised begin and end assessment and targets, so the
begin/end report can be shown on a fresh install; and two shorter trajectories so a team lead's
ZRM outcomes show something: DEMO-0002 closed (begin and end), DEMO-0003 still running (begin and
an evaluation, an interim result). Written through the services.

The case has a wijkecogram too. Finalising the begin and the end assessment freezes the map, so
the report's Sociaal netwerk section shows two drawings: at the begin a sister far away, a
neighbour he only greets, the outreach worker, and two sleeping contacts from before the debts;
by the end those two are back, a buddy has joined and the neighbour helps with odd jobs."""

from datetime import timedelta

from django.utils import timezone

from cases import services as cases
from cases.models import Case
from network import services as network
from outreach.models import Team, User
from zrm import services
from zrm.models import ZrmAssessment
from zrm.selectors import trajectory_matrix

REFERENCE = "DEMO-0001"

# domain key: (begin level or None, end level, target, note)
SCORES = {
    "finances": (1, 3, 3, "Schulden ± € 38.000; aangemeld bij de Kredietbank."),
    "daytime_activities": (2, 3, 3, ""),
    "housing": (2, 4, 4, "Huurachterstand ingelopen; ontruiming van de baan."),
    "domestic_relations": (3, 3, 4, ""),
    "mental_health": (2, 3, 3, "Somber; sinds maart bij de huisarts-POH."),
    "physical_health": (3, 3, 4, ""),
    "addiction": (4, 4, 4, ""),
    "adl": (3, 4, 4, ""),
    "social_network": (1, 3, 3, "Zus woont ver weg; oud-collega en bowlingvrienden uit beeld."),
    "community_participation": (2, 3, 3, ""),
    "justice": (None, 5, None, ""),
}
# What carries the level at the begin and the end (own strength, network, professional help %),
# and where the begin score came from: ZrmScore.Source values and a short reason.
SPLITS = {
    "finances": ((10, 0, 90), (30, 10, 60)),
    "housing": ((30, 0, 70), (60, 10, 30)),
    "social_network": ((40, 20, 40), (40, 50, 10)),
    "adl": ((70, 10, 20), (70, 20, 10)),
}
BASIS = {
    "finances": (["client", "records"], "Brieven van de deurwaarder; geen budgetplan."),
    "housing": (["partners"], "Woonstad: vier maanden huurachterstand, ontruiming aangezegd."),
    "social_network": (["client", "network"], "Zus belt maandelijks; verder niemand in beeld."),
}
# The shorter trajectories: reference, client, levels at the begin and the second assessment
# (in domain order of SCORES), whether it is closed, and the professional-help split of finances.
SHORT_TRAJECTORIES = [
    (
        "DEMO-0002",
        ("Marja", "Koster"),
        (2, 2, 3, 3, 2, 3, 4, 3, 2, 2, 4),
        (3, 3, 4, 3, 3, 3, 4, 4, 3, 3, 4),
        True,
    ),
    (
        "DEMO-0003",
        ("Yusuf", "Demir"),
        (1, 2, 2, 3, 2, 2, 3, 3, 1, 2, 3),
        (2, 2, 3, 3, 2, 3, 3, 3, 2, 2, 3),
        False,
    ),
]

# The network at the begin assessment (network.services.member_add fields).
NETWORK_BEGIN = [
    {
        "name": "zus Ria",
        "relation": "sibling",
        "ring": 2,
        "distance": "far",
        "frequency": "monthly",
        "involvement": "some",
        "support_emotional": "receives",
        "too_far": True,
        "note": "Woont in Groningen en belt eens per maand; weet niet hoe erg het is.",
    },
    {
        "name": "buurman Joop",
        "relation": "neighbour",
        "ring": 3,
        "distance": "same_wijk",
        "frequency": "weekly",
        "involvement": "low",
        "note": "Groeten elkaar op de galerij.",
    },
    {
        "name": "outreach Sanne",
        "relation": "professional",
        "ring": 2,
        "distance": "same_wijk",
        "frequency": "weekly",
        "involvement": "some",
        "support_practical": "receives",
        "support_emotional": "receives",
        "note": "Samen de post openen; aanmelding bij de Kredietbank.",
    },
    {
        "name": "oud-collega Bert",
        "relation": "colleague",
        "ring": 3,
        "distance": "nearby",
        "frequency": "none",
        "involvement": "low",
        "status": "sleeping",
        "known_before": True,
        "wants_back": "yes",
        "note": "Werkten twintig jaar samen bij de reiniging; sinds de schulden uit beeld.",
    },
    {
        "name": "Harry (bowling)",
        "relation": "friend",
        "ring": 3,
        "distance": "same_wijk",
        "frequency": "none",
        "involvement": "low",
        "status": "sleeping",
        "known_before": True,
        "wants_back": "yes",
        "note": "Van de bowlingclub op dinsdag; meneer stopte toen de contributie niet meer lukte.",
    },
]
# Between the begin and the end assessment: who changed (member_update fields; a sleeping
# contact set to active becomes reactivated), and who joined.
NETWORK_CHANGES = {
    "oud-collega Bert": {
        "status": "active",
        "ring": 2,
        "frequency": "monthly",
        "involvement": "some",
        "support_company": "both",
        "note": "Na een kaartje van meneer weer contact; eens per maand samen koffie.",
    },
    "Harry (bowling)": {
        "status": "active",
        "ring": 2,
        "frequency": "weekly",
        "involvement": "some",
        "support_company": "both",
        "note": "Weer mee bowlen op dinsdag; Harry betaalt de eerste maanden voor.",
    },
    "buurman Joop": {
        "ring": 2,
        "involvement": "some",
        "support_practical": "receives",
        "support_company": "both",
        "note": "Helpt met klusjes en de computer; wekelijks koffie.",
    },
}
NETWORK_JOINED = [
    {
        "name": "maatje Hans",
        "relation": "volunteer",
        "ring": 2,
        "distance": "same_wijk",
        "frequency": "weekly",
        "involvement": "some",
        "support_company": "both",
        "support_practical": "receives",
        "note": "Zorgmaatje; samen naar de markt en naar het spreekuur van de Postwijzer.",
    },
]


def seed(out):
    if Case.objects.filter(reference=REFERENCE).exists():
        out.write(f"Demo ZRM case {REFERENCE} already exists; nothing added.")
        return
    team = Team.objects.get(code="PA")
    worker = User.objects.get(username="sanne")
    today = timezone.localdate()
    signal = cases.signal_register(
        acting_user=worker,
        team=team,
        received_on=today - timedelta(days=300),
        source="housing",
        reporter_organisation="Woonstad Rotterdam",
        subject_name="Anton Verbeek",
        subject_address="Ambachtsland 14",
        subject_postcode="3068 GK",
        observed="Huurachterstand van vier maanden; reageert niet op brieven.",
        concerns=["finances", "housing", "isolation"],
        urgency="high",
    )
    case = cases.signal_accept(
        acting_user=worker,
        signal=signal,
        assigned_worker=worker,
        client_fields={
            "first_name": "Anton",
            "last_name": "Verbeek",
            "postcode": "3068 GK",
            "date_of_birth": today.replace(year=today.year - 58, day=1),
            "street_address": "Ambachtsland 14",
            "neighbourhood": "Het Lage Land",
            "city": "Rotterdam",
        },
    )
    # A stable reference, so the README and docs can point at the demo report.
    Case.objects.filter(pk=case.pk).update(reference=REFERENCE)
    case = cases.case_transition(acting_user=worker, case=case, move="voorfase")
    case = cases.case_transition(acting_user=worker, case=case, move="eerste-contact")
    cases.attempt_record(
        acting_user=worker,
        case=case,
        attempted_at=timezone.now() - timedelta(days=280),
        method="door",
        result="contact",
        observations="Stapels ongeopende post in de gang.",
    )
    case = cases.case_transition(
        acting_user=worker,
        case=case,
        move="contract",
        contract_agreed_on=today - timedelta(days=270),
    )
    post = cases.agreement_add(
        acting_user=worker,
        case=case,
        description="Samen eens per maand de post openen en sorteren.",
        responsible="client",
    )
    case = cases.case_transition(acting_user=worker, case=case, move="traject")
    members = {}
    for fields in NETWORK_BEGIN:
        agreements = [post] if fields["relation"] == "professional" else []
        member = network.member_add(acting_user=worker, case=case, agreements=agreements, **fields)
        members[member.name] = member
    domains = {d.key: d for d in trajectory_matrix(case).domains.all()}
    services.targets_set(
        acting_user=worker,
        case=case,
        levels={domains[key]: target for key, (_b, _e, target, _n) in SCORES.items()},
    )
    begin = _assessment(
        worker, case, ZrmAssessment.Kind.BEGIN, today - timedelta(days=265), domains, index=0
    )
    case = cases.case_transition(acting_user=worker, case=case, move="evaluatie")
    for name, fields in NETWORK_CHANGES.items():
        network.member_update(acting_user=worker, member=members[name], **fields)
    for fields in NETWORK_JOINED:
        network.member_add(acting_user=worker, case=case, **fields)
    case = cases.case_transition(acting_user=worker, case=case, move="afsluiting")
    _assessment(worker, case, ZrmAssessment.Kind.END, today - timedelta(days=7), domains, index=1)
    out.write(
        f"Demo ZRM case: {REFERENCE} ({case.client}), begin {begin.assessed_on:%d-%m-%Y} "
        "and end assessment finalised."
    )
    for reference, name, first, second, closed in SHORT_TRAJECTORIES:
        _short_trajectory(worker, team, reference, name, first, second, closed)
        state = "closed, begin and end" if closed else "running, begin and evaluation"
        out.write(f"Demo ZRM case: {reference} ({' '.join(name)}), {state}.")


def _assessment(worker, case, kind, assessed_on, domains, *, index):
    assessment = services.assessment_start(
        acting_user=worker, case=case, kind=kind, assessed_on=assessed_on
    )
    scores = {}
    for key, values in SCORES.items():
        level = values[index]
        reason = "" if level is not None else "Wilde er bij de start niet over praten."
        sources, rationale = BASIS.get(key, ((), "")) if index == 0 else ((), "")
        scores[domains[key].pk] = services.ScoreInput(
            level,
            reason,
            values[3] if index == 0 else "",
            sources=sources,
            rationale=rationale,
            split=SPLITS[key][index] if key in SPLITS else None,
        )
    services.assessment_score(acting_user=worker, assessment=assessment, scores=scores)
    return services.assessment_finalise(acting_user=worker, assessment=assessment)


def _short_trajectory(worker, team, reference, name, begin, second, closed):
    """A case from signal to a begin assessment 120 days ago and an evaluation or end
    assessment now; closed if asked."""
    today = timezone.localdate()
    first_name, last_name = name
    signal = cases.signal_register(
        acting_user=worker,
        team=team,
        received_on=today - timedelta(days=160),
        source="neighbour",
        subject_name=f"{first_name} {last_name}",
        observed="Buren maken zich zorgen; post stapelt zich op.",
        concerns=["finances", "isolation"],
        urgency="normal",
    )
    case = cases.signal_accept(
        acting_user=worker,
        signal=signal,
        assigned_worker=worker,
        client_fields={"first_name": first_name, "last_name": last_name, "city": "Rotterdam"},
    )
    Case.objects.filter(pk=case.pk).update(reference=reference)
    for move in ("voorfase", "eerste-contact"):
        case = cases.case_transition(acting_user=worker, case=case, move=move)
    cases.attempt_record(
        acting_user=worker,
        case=case,
        attempted_at=timezone.now() - timedelta(days=135),
        method="door",
        result="contact",
        observations="Deed na de derde keer open.",
    )
    case = cases.case_transition(
        acting_user=worker,
        case=case,
        move="contract",
        contract_agreed_on=today - timedelta(days=130),
    )
    cases.agreement_add(
        acting_user=worker,
        case=case,
        description="Samen de post openen en een budgetplan maken.",
        responsible="client",
    )
    case = cases.case_transition(acting_user=worker, case=case, move="traject")
    domains = list(trajectory_matrix(case).domains.order_by("order"))

    def assess(kind, levels, on, finances_split):
        assessment = services.assessment_start(
            acting_user=worker, case=case, kind=kind, assessed_on=on
        )
        scores = {
            domain.pk: services.ScoreInput(
                level, split=finances_split if domain.key == "finances" else None
            )
            for domain, level in zip(domains, levels, strict=True)
        }
        services.assessment_score(acting_user=worker, assessment=assessment, scores=scores)
        services.assessment_finalise(
            acting_user=worker, assessment=assessment, empty_map="not_mapped"
        )

    assess(ZrmAssessment.Kind.BEGIN, begin, today - timedelta(days=120), (10, 10, 80))
    case = cases.case_transition(acting_user=worker, case=case, move="evaluatie")
    if not closed:
        assess(ZrmAssessment.Kind.EVALUATION, second, today, (20, 20, 60))
        return case
    case = cases.case_transition(acting_user=worker, case=case, move="afsluiting")
    assess(ZrmAssessment.Kind.END, second, today, (30, 30, 40))
    return cases.case_transition(
        acting_user=worker, case=case, move="afsluiten", reason="Doelen bereikt."
    )
