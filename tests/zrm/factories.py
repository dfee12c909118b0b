"""Plain functions that build ZRM data through the real services (zrm/services.py).

Levels are given per domain key ("finances", "justice", ...); a domain left out of `levels` gets
`default`, and a level of None means "not assessed" (with the reason from `reasons`, or a stock
reason). A begin assessment finalised on an empty network map records it as "not mapped yet"
unless `empty_map` says otherwise. Only the second matrix version (ZRM 2017) is made through the
ORM: no migration ships it, and the tests need one to check that versions are kept apart.
"""

from datetime import timedelta

from django.utils import timezone

from cases import services as case_services
from cases.phases import Phase
from tests.cases.factories import case_in_phase
from zrm import services
from zrm.models import CURRENT_MATRIX, ZrmDescriptor, ZrmDomain, ZrmLevel, ZrmMatrix

DOMAIN_KEYS = [
    "finances",
    "daytime_activities",
    "housing",
    "domestic_relations",
    "mental_health",
    "physical_health",
    "addiction",
    "adl",
    "social_network",
    "community_participation",
    "justice",
]
NO_REASON = "Niet besproken in dit gesprek."


def domains(matrix_key=CURRENT_MATRIX):
    """The domains of a matrix version in their order."""
    return list(ZrmDomain.objects.filter(matrix__key=matrix_key).order_by("order"))


def domain(key, matrix_key=CURRENT_MATRIX):
    return ZrmDomain.objects.get(matrix__key=matrix_key, key=key)


def levels_list(values, matrix_key=CURRENT_MATRIX):
    """{domain key: level} from a list of levels in domain order."""
    keys = [d.key for d in domains(matrix_key)]
    assert len(values) == len(keys), f"{len(keys)} levels needed, got {len(values)}"
    return dict(zip(keys, values, strict=True))


def score_map(assessment, levels=None, reasons=None, notes=None, default=3):
    """The `scores` argument of services.assessment_score for every row of the assessment."""
    levels, reasons, notes = levels or {}, reasons or {}, notes or {}
    result = {}
    for row in assessment.scores.select_related("domain"):
        key = row.domain.key
        level = levels.get(key, default)
        reason = reasons.get(key, NO_REASON if level is None else "")
        result[row.domain_id] = (level, reason, notes.get(key, ""))
    return result


def draft_assessment(
    case,
    acting_user,
    kind="begin",
    levels=None,
    reasons=None,
    notes=None,
    assessed_on=None,
    default=3,
    matrix_key=CURRENT_MATRIX,
):
    """A started and scored draft."""
    assessment = services.assessment_start(
        acting_user=acting_user,
        case=case,
        kind=kind,
        assessed_on=assessed_on or timezone.localdate(),
        matrix_key=matrix_key,
    )
    return services.assessment_score(
        acting_user=acting_user,
        assessment=assessment,
        scores=score_map(assessment, levels, reasons, notes, default),
    )


def finalised_assessment(
    case,
    acting_user,
    kind="begin",
    levels=None,
    reasons=None,
    notes=None,
    assessed_on=None,
    default=3,
    matrix_key=CURRENT_MATRIX,
    empty_map="not_mapped",
):
    """A started, scored and finalised assessment."""
    assessment = draft_assessment(
        case, acting_user, kind, levels, reasons, notes, assessed_on, default, matrix_key
    )
    return services.assessment_finalise(
        acting_user=acting_user, assessment=assessment, empty_map=empty_map
    )


def trajectory_case(owner, team, **client_values):
    """A case in phase traject_begin, ready for its begin ZRM."""
    return case_in_phase(Phase.TRAJECT_BEGIN, acting_user=owner, team=team, **client_values)


def begin_end_case(owner, team, begin=None, end=None, *, days=60, **client_values):
    """A trajectory case with a finalised begin (`days` ago) and end (today) assessment."""
    case = trajectory_case(owner, team, **client_values)
    today = timezone.localdate()
    first = finalised_assessment(
        case, owner, "begin", begin, assessed_on=today - timedelta(days=days)
    )
    second = finalised_assessment(case, owner, "end", end, assessed_on=today)
    return case, first, second


def close(case, acting_user, **values):
    """Close the case (afsluiten); the end ZRM, or a reason for its absence, must be there."""
    return case_services.case_transition(
        acting_user=acting_user, case=case, move="afsluiten", reason="Doelen bereikt.", **values
    )


def matrix_2017(domain_keys=("finances", "housing", "work")):
    """A second matrix version with a few domains, levels and descriptors (test data)."""
    matrix = ZrmMatrix.objects.create(
        key="2017",
        title_nl="Zelfredzaamheidsmatrix 2017",
        title_en="Self-Sufficiency Matrix 2017",
        authors="GGD Amsterdam",
        copyright="© GGD Amsterdam",
    )
    for level in range(1, 6):
        ZrmLevel.objects.create(
            matrix=matrix, level=level, name_nl=f"niveau {level}", name_en=f"level {level}"
        )
    for order, key in enumerate(domain_keys, start=1):
        row = ZrmDomain.objects.create(
            matrix=matrix, key=key, order=order, name_nl=f"{key} 2017", name_en=f"{key} 2017"
        )
        for level in range(1, 6):
            ZrmDescriptor.objects.create(
                domain=row, level=level, text_nl=f"{key} {level} nl", text_en=f"{key} {level} en"
            )
    return matrix
