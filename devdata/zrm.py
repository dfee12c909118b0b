"""Demo ZRM data: case DEMO-0001 with a finalised begin and end assessment and targets, so the
begin/end report can be shown on a fresh install. Written through the services.

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
