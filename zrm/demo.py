"""Demo ZRM data: case DEMO-0001 with a finalised begin and end assessment and targets, so the
begin/end report can be shown on a fresh install. Written through the services."""

from datetime import timedelta

from django.utils import timezone

from cases import services as cases
from cases.models import Case
from outreach.models import Team, User
from zrm import services
from zrm.models import ZrmDomain

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
    "social_network": (1, 3, 3, "Dochter weer in beeld; wekelijks koffie met de buurman."),
    "community_participation": (2, 3, 3, ""),
    "justice": (None, 5, None, ""),
}


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
    cases.agreement_add(
        acting_user=worker,
        case=case,
        description="Samen eens per maand de post openen en sorteren.",
        responsible="client",
    )
    case = cases.case_transition(acting_user=worker, case=case, move="traject")
    domains = {d.key: d for d in ZrmDomain.objects.filter(matrix__key=services.CURRENT_MATRIX)}
    services.targets_set(
        acting_user=worker,
        case=case,
        levels={domains[key]: target for key, (_b, _e, target, _n) in SCORES.items()},
    )
    begin = _assessment(worker, case, "begin", today - timedelta(days=265), domains, index=0)
    case = cases.case_transition(acting_user=worker, case=case, move="evaluatie")
    case = cases.case_transition(acting_user=worker, case=case, move="afsluiting")
    _assessment(worker, case, "end", today - timedelta(days=7), domains, index=1)
    out.write(
        f"Demo ZRM case: {REFERENCE} ({case.client}), begin {begin.assessed_on:%d-%m-%Y} "
        "and end assessment finalised."
    )


def _assessment(worker, case, kind, assessed_on, domains, *, index):
    assessment = services.assessment_start(
        acting_user=worker, case=case, kind=kind, assessed_on=assessed_on
    )
    scores = {}
    for key, values in SCORES.items():
        level = values[index]
        reason = "" if level is not None else "Wilde er bij de start niet over praten."
        scores[domains[key].pk] = (level, reason, values[3] if index == 0 else "")
    services.assessment_score(acting_user=worker, assessment=assessment, scores=scores)
    return services.assessment_finalise(acting_user=worker, assessment=assessment)
