"""Assessments and targets. Finalising writes the case timeline and satisfies the trajectory's
begin or end step through cases.services.case_record_zrm. Every assessment and target of a case
uses the trajectory's matrix version (zrm.selectors.trajectory_matrix)."""

from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cases.models import TimelineEvent
from cases.phases import ZRM_BEGIN, ZRM_END
from cases.services import case_record_zrm, check_case_open, timeline_record
from network.services import snapshot_take
from outreach import clock
from outreach.versioning import bump, check_version
from zrm.models import LEVELS, ZrmAssessment, ZrmScore, ZrmTarget
from zrm.selectors import trajectory_matrix
from zrm.timeline import assessment_data, targets_data

SOURCES = set(ZrmScore.Source.values)
SPLIT_TOTAL = 100


class ScoreInput(NamedTuple):
    """One domain's row for assessment_score. `split` is (own, network, help), each a percentage
    or None (a draft may hold a split being typed; finalising wants none or SPLIT_TOTAL), or None;
    `sources` ZrmScore.Source values."""

    level: int | None
    not_assessed_reason: str = ""
    note: str = ""
    sources: tuple = ()
    rationale: str = ""
    split: tuple | None = None


@transaction.atomic
def assessment_start(*, acting_user, case, kind, assessed_on):
    """A draft assessment with an empty row per domain of the trajectory's matrix version; the
    open draft of this kind if there is one, so starting twice does not make two drafts."""
    check_case_open(case)
    if kind not in ZrmAssessment.Kind.values:
        raise ValidationError({"kind": _("Choose begin, evaluation or end.")})
    if assessed_on > clock.today():
        raise ValidationError({"assessed_on": _("The date cannot lie in the future.")})
    draft = ZrmAssessment.objects.filter(
        case=case, kind=kind, status=ZrmAssessment.Status.DRAFT, corrects__isnull=True
    ).first()
    if draft is not None:
        return draft
    matrix = trajectory_matrix(case)
    assessment = ZrmAssessment.objects.create(
        case=case,
        matrix=matrix,
        kind=kind,
        assessed_on=assessed_on,
        assessor=acting_user,
        created_at=clock.now(),
    )
    ZrmScore.objects.bulk_create(
        ZrmScore(assessment=assessment, domain=domain) for domain in matrix.domains.all()
    )
    return assessment


def _check_draft(assessment):
    if assessment.status != ZrmAssessment.Status.DRAFT:
        raise ValidationError(
            {None: _("A finalised assessment is not changed: make a correction instead.")}
        )


def _clean_row(value):
    """The stored fields of one ScoreInput (or a plain tuple in its order), checked."""
    row = ScoreInput(*value)
    level = row.level
    if level is not None and level not in LEVELS:
        raise ValidationError({None: _("A score is a level from 1 to 5.")})
    sources = [s for s in ZrmScore.Source.values if s in set(row.sources or ())]
    if set(row.sources or ()) - SOURCES:
        raise ValidationError({None: _("Choose the sources from the list.")})
    split = tuple(row.split) if row.split is not None else (None, None, None)
    if len(split) != 3 or any(
        part is not None and (not isinstance(part, int) or not 0 <= part <= SPLIT_TOTAL)
        for part in split
    ):
        raise ValidationError(
            {None: _("Own strength, network and professional help are each 0 to 100%.")}
        )
    return {
        "level": level,
        "not_assessed_reason": (row.not_assessed_reason or "").strip() if level is None else "",
        "note": (row.note or "").strip(),
        "sources": sources,
        "rationale": (row.rationale or "").strip(),
        "own_share": split[0],
        "network_share": split[1],
        "help_share": split[2],
    }


SCORE_FIELDS = list(_clean_row((None,)))


@transaction.atomic
def assessment_score(*, acting_user, assessment, scores, expected_version=None):
    """Save a draft's rows: scores maps domain id to a ScoreInput (level or None, not-assessed
    reason, note, sources, why this level, split). A draft may be incomplete; finalising checks
    that every domain is done. With `expected_version` (the page's), raises EditConflict if
    someone else saved the draft since; each save that changes something counts as a version."""
    assessment = (
        ZrmAssessment.objects.select_for_update().select_related("case").get(pk=assessment.pk)
    )
    _check_draft(assessment)
    check_version(assessment, expected_version)
    check_case_open(assessment.case)
    rows = {row.domain_id: row for row in assessment.scores.all()}
    changed = []
    for domain_id, value in scores.items():
        row = rows.get(domain_id)
        if row is None:
            raise ValidationError({None: _("This domain is not part of this ZRM version.")})
        fields = _clean_row(value)
        if any(getattr(row, name) != new for name, new in fields.items()):
            for name, new in fields.items():
                setattr(row, name, new)
            changed.append(row)
    ZrmScore.objects.bulk_update(changed, SCORE_FIELDS)
    if changed:
        assessment.save(update_fields=bump(assessment, []))
    return assessment


@transaction.atomic
def assessment_finalise(*, acting_user, assessment, empty_map=""):
    """Finalise a complete draft. A begin or end assessment freezes the network map; a begin one
    on an empty map needs `empty_map`: "no_network" (the client has nobody) or "not_mapped" (the
    map is not drawn yet; the begin network can be recorded afterwards). With people on the map
    it is not asked and not kept."""
    assessment = (
        ZrmAssessment.objects.select_for_update().select_related("case").get(pk=assessment.pk)
    )
    _check_draft(assessment)
    check_case_open(assessment.case)
    rows = list(assessment.scores.select_related("domain"))
    missing = [row.domain.name for row in rows if not row.is_complete]
    if missing:
        raise ValidationError(
            {
                None: _("Score every domain, or say why it was not assessed: %(domains)s.")
                % {"domains": ", ".join(missing)}
            }
        )
    unfinished = [row.domain.name for row in rows if not row.split_is_valid]
    if unfinished:
        raise ValidationError(
            {
                None: _(
                    "Own strength, network and professional help add up to 100%%, or leave all "
                    "three empty: %(domains)s."
                )
                % {"domains": ", ".join(unfinished)}
            }
        )
    assessment.status = ZrmAssessment.Status.FINAL
    assessment.finalised_at = clock.now()
    assessment.save(update_fields=["status", "finalised_at"])
    case_record_zrm(
        acting_user=acting_user,
        case=assessment.case,
        kind=assessment.kind,
        data=assessment_data(assessment),
    )
    if assessment.kind in (ZRM_BEGIN, ZRM_END) and assessment.corrects_id is None:
        # The network map is frozen with the begin and end measurement, to compare them later.
        # A correction fixes the scores, not the moment: the network of that moment stands.
        snapshot_take(
            acting_user=acting_user,
            case=assessment.case,
            kind=assessment.kind,
            empty_map=empty_map,
        )
    return assessment


@transaction.atomic
def assessment_correct(*, acting_user, assessment, reason):
    """A new draft with the same scores that, once finalised, stands in for the old one; both
    stay on record."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the assessment is corrected.")})
    assessment = (
        ZrmAssessment.objects.select_for_update().select_related("case").get(pk=assessment.pk)
    )
    if not assessment.is_final:
        raise ValidationError({None: _("Only a finalised assessment can be corrected.")})
    check_case_open(assessment.case)
    if ZrmAssessment.objects.filter(corrects=assessment, status="draft").exists():
        raise ValidationError({None: _("A correction of this assessment is already open.")})
    correction = ZrmAssessment.objects.create(
        case=assessment.case,
        matrix=assessment.matrix,
        kind=assessment.kind,
        assessed_on=assessment.assessed_on,
        assessor=acting_user,
        corrects=assessment,
        correction_reason=reason,
        created_at=clock.now(),
    )
    ZrmScore.objects.bulk_create(
        ZrmScore(
            assessment=correction,
            domain_id=row.domain_id,
            **{name: getattr(row, name) for name in SCORE_FIELDS},
        )
        for row in assessment.scores.all()
    )
    return correction


@transaction.atomic
def targets_set(*, acting_user, case, levels):
    """levels maps domain to a target level, or None to have no target for that domain; the
    domains are those of the trajectory's matrix version."""
    check_case_open(case)
    matrix = trajectory_matrix(case)
    if any(domain.matrix_id != matrix.pk for domain in levels):
        raise ValidationError({None: _("This domain is not part of this ZRM version.")})
    for domain, level in levels.items():
        if level is None:
            ZrmTarget.objects.filter(case=case, domain=domain).delete()
        elif level not in LEVELS:
            raise ValidationError({None: _("A target is a level from 1 to 5.")})
        else:
            ZrmTarget.objects.update_or_create(
                case=case,
                domain=domain,
                defaults={"level": level, "set_by": acting_user, "set_on": clock.today()},
            )
    timeline_record(
        acting_user=acting_user,
        case=case,
        kind=TimelineEvent.Kind.ZRM,
        data=targets_data(levels),
    )
