"""Every write in zrm: keyword-only, atomic, with acting_user. Views, commands, demo data and tests
call them as `zrm.services.<name>`. Refused input raises django.core.exceptions.ValidationError
and changes nothing. `assessments` holds assessments and targets; `matrices` loading a matrix
version from its JSON file and choosing the version new trajectories use."""

from zrm.services.assessments import (
    ScoreInput,
    assessment_correct,
    assessment_finalise,
    assessment_score,
    assessment_start,
    targets_set,
)
from zrm.services.matrices import matrix_load, matrix_make_current

__all__ = [
    "ScoreInput",
    "assessment_correct",
    "assessment_finalise",
    "assessment_score",
    "assessment_start",
    "matrix_load",
    "matrix_make_current",
    "targets_set",
]
