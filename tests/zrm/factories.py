"""Plain functions that build ZRM data through the real services (zrm/services).

Levels are given per domain key ("finances", "justice", ...); a domain left out of `levels` gets
`default`, and a level of None means "not assessed" (with the reason from `reasons`, or a stock
reason). A begin assessment finalised on an empty network map records it as "not mapped yet"
unless `empty_map` says otherwise. A second matrix version is the example file of docs/zrm.md
(zrm/matrices/example.json, invented texts), loaded through zrm.services.matrix_load.
"""

import json
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from cases import services as case_services
from cases.phases import Phase
from tests.cases.factories import case_in_phase
from zrm import services
from zrm.models import ZrmDomain

ZRM_2013 = "2013"
EXAMPLE_FILE = Path(services.__file__).resolve().parent.parent / "matrices" / "example.json"
EXAMPLE = "voorbeeld"
EXAMPLE_KEYS = ["finances", "housing", "social_network", "garden"]

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


def domains(matrix_key=ZRM_2013):
    """The domains of a matrix version in their order."""
    return list(ZrmDomain.objects.filter(matrix__key=matrix_key).order_by("order"))


def domain(key, matrix_key=ZRM_2013):
    return ZrmDomain.objects.get(matrix__key=matrix_key, key=key)


def levels_list(values, matrix_key=ZRM_2013):
    """{domain key: level} from a list of levels in domain order."""
    keys = [d.key for d in domains(matrix_key)]
    assert len(values) == len(keys), f"{len(keys)} levels needed, got {len(values)}"
    return dict(zip(keys, values, strict=True))


def score_map(assessment, levels=None, reasons=None, notes=None, default=3, extras=None):
    """The `scores` argument of services.assessment_score for every row of the assessment.
    extras: {domain key: {"sources": [...], "rationale": "...", "split": (own, network, help)}}."""
    levels, reasons, notes, extras = levels or {}, reasons or {}, notes or {}, extras or {}
    result = {}
    for row in assessment.scores.select_related("domain"):
        key = row.domain.key
        level = levels.get(key, default)
        reason = reasons.get(key, NO_REASON if level is None else "")
        result[row.domain_id] = services.ScoreInput(
            level, reason, notes.get(key, ""), **extras.get(key, {})
        )
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
    extras=None,
):
    """A started and scored draft (in the trajectory's matrix version)."""
    assessment = services.assessment_start(
        acting_user=acting_user,
        case=case,
        kind=kind,
        assessed_on=assessed_on or timezone.localdate(),
    )
    return services.assessment_score(
        acting_user=acting_user,
        assessment=assessment,
        scores=score_map(assessment, levels, reasons, notes, default, extras),
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
    empty_map="not_mapped",
    extras=None,
):
    """A started, scored and finalised assessment."""
    assessment = draft_assessment(
        case, acting_user, kind, levels, reasons, notes, assessed_on, default, extras
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


def example_data():
    """The example version's file, parsed (tests change copies of it to test the checks)."""
    return json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))


def example_matrix(acting_user=None, *, current=False):
    """The example version of docs/zrm.md, loaded through the service; made current if asked."""
    matrix, _created = services.matrix_load(acting_user=acting_user, data=example_data())
    if current:
        services.matrix_make_current(acting_user=acting_user, matrix=matrix)
    return matrix
