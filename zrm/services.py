"""Every write in zrm: keyword-only, atomic, with acting_user. Finalising writes the case timeline
and satisfies the trajectory's begin or end step through cases.services.case_record_zrm."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cases.models import TimelineEvent
from cases.phases import ZRM_BEGIN, ZRM_END
from cases.services import case_record_zrm, check_case_open, timeline_record
from network.services import snapshot_take
from outreach import clock
from outreach.versioning import bump, check_version
from zrm.models import CURRENT_MATRIX, LEVELS, ZrmAssessment, ZrmMatrix, ZrmScore, ZrmTarget
from zrm.timeline import assessment_data, targets_data


@transaction.atomic
def assessment_start(*, acting_user, case, kind, assessed_on, matrix_key=CURRENT_MATRIX):
    """A draft assessment with an empty row per domain; the open draft of this kind if there is
    one, so starting twice does not make two drafts."""
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
    matrix = ZrmMatrix.objects.get(key=matrix_key)
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


@transaction.atomic
def assessment_score(*, acting_user, assessment, scores, expected_version=None):
    """Save a draft's rows: scores maps domain id to (level or None, not-assessed reason, note).
    A draft may be incomplete; finalising checks that every domain is done. With
    `expected_version` (the page's), raises EditConflict if someone else saved the draft since;
    each save that changes something counts as a version."""
    assessment = (
        ZrmAssessment.objects.select_for_update().select_related("case").get(pk=assessment.pk)
    )
    _check_draft(assessment)
    check_version(assessment, expected_version)
    check_case_open(assessment.case)
    rows = {row.domain_id: row for row in assessment.scores.all()}
    changed = []
    for domain_id, (level, reason, note) in scores.items():
        row = rows.get(domain_id)
        if row is None:
            raise ValidationError({None: _("This domain is not part of this ZRM version.")})
        if level is not None and level not in LEVELS:
            raise ValidationError({None: _("A score is a level from 1 to 5.")})
        reason = (reason or "").strip() if level is None else ""
        note = (note or "").strip()
        if (row.level, row.not_assessed_reason, row.note) != (level, reason, note):
            row.level, row.not_assessed_reason, row.note = level, reason, note
            changed.append(row)
    ZrmScore.objects.bulk_update(changed, ["level", "not_assessed_reason", "note"])
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
    missing = [
        row.domain.name for row in assessment.scores.select_related("domain") if not row.is_complete
    ]
    if missing:
        raise ValidationError(
            {
                None: _("Score every domain, or say why it was not assessed: %(domains)s.")
                % {"domains": ", ".join(missing)}
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
            level=row.level,
            not_assessed_reason=row.not_assessed_reason,
            note=row.note,
        )
        for row in assessment.scores.all()
    )
    return correction


@transaction.atomic
def targets_set(*, acting_user, case, levels):
    """levels maps domain to a target level, or None to have no target for that domain."""
    check_case_open(case)
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
