"""The ZRM parts of a client's inspection file (outreach/inspection.py): each assessment with the
level and the matrix's description chosen per domain, the chart of begin against the latest
assessment per case, and the targets."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from outreach.inspection import Section, day, of_live_cases, person, record
from zrm.models import ZrmAssessment, ZrmDescriptor, ZrmLevel, ZrmScore, ZrmTarget
from zrm.selectors import Kind, compare, current_by_kind, radar


def _score_text(score, levels, texts):
    if score.level is None:
        return _("not assessed: %(reason)s") % {"reason": score.not_assessed_reason or "—"}
    words = " ".join(
        filter(None, [str(score.level), levels.get((score.domain.matrix_id, score.level), "")])
    )
    parts = [words, texts.get((score.domain_id, score.level), "")]
    if score.note:
        parts.append(_("Note: %(note)s") % {"note": score.note})
    return "\n".join(filter(None, parts))


def sections(client, wanted):
    assessments = list(
        of_live_cases(ZrmAssessment.objects, client)
        .select_related("matrix", "assessor", "corrects")
        .order_by("assessed_on", "pk")
    )
    scores = list(
        of_live_cases(ZrmScore.objects, client, via="assessment__case")
        .select_related("assessment", "domain")
        .order_by("assessment__assessed_on", "assessment_id", "domain__order", "pk")
    )
    targets = list(
        of_live_cases(ZrmTarget.objects, client)
        .select_related("domain", "set_by")
        .order_by("case_id", "domain__order", "pk")
    )
    matrices = {a.matrix_id for a in assessments}
    levels = {
        (lv.matrix_id, lv.level): lv.name for lv in ZrmLevel.objects.filter(matrix__in=matrices)
    }
    texts = {
        (d.domain_id, d.level): d.text
        for d in ZrmDescriptor.objects.filter(domain__matrix__in=matrices)
    }
    # Each assessment with its scores, so compare() and the chart read no more.
    by_assessment = {}
    for score in scores:
        by_assessment.setdefault(score.assessment_id, []).append(score)
    for a in assessments:
        a._prefetched_objects_cache = {"scores": by_assessment.get(a.pk, [])}
    charts = _charts(assessments, targets)

    records = []
    for a in assessments:
        lines = [
            (_("Version of the matrix"), str(a.matrix)),
            (_("State"), a.get_status_display()),
            (
                _("Corrects"),
                _("the assessment of %(day)s") % {"day": day(a.corrects.assessed_on)}
                if a.corrects
                else "",
            ),
            (capfirst(a._meta.get_field("correction_reason").verbose_name), a.correction_reason),
        ]
        lines += [
            (s.domain.name, _score_text(s, levels, texts)) for s in by_assessment.get(a.pk, [])
        ]
        chart = charts.get(a.pk)
        records.append(
            record(
                a,
                title=_("ZRM assessment: %(kind)s") % {"kind": a.get_kind_display()},
                when=day(a.assessed_on),
                by=person(a.assessor),
                lines=lines,
                figure_template="zrm/_radar.html" if chart else "",
                figure=chart,
            )
        )
    return [
        Section(
            "zrm_assessments", _("ZRM assessments (how things stand, per area of life)"), records
        ),
        Section(
            "zrm_scores",
            _("ZRM scores"),
            [record(s, title=str(s.domain)) for s in scores],
            in_letter=False,  # the letter shows them with their assessment
        ),
        Section(
            "zrm_targets",
            _("ZRM targets"),
            [
                record(
                    t,
                    title=t.domain.name,
                    when=day(t.set_on),
                    by=person(t.set_by),
                    lines=[(_("Level aimed for"), t.level)],
                )
                for t in targets
            ],
        ),
    ]


def _charts(assessments, targets):
    """{assessment id: chart} for the latest of each case's comparison: its begin against its end
    or latest evaluation, drawn once per case, with the assessment that ends it."""
    by_case, targets_of = {}, {}
    for a in assessments:
        by_case.setdefault(a.case_id, []).append(a)
    for t in targets:
        targets_of.setdefault(t.case_id, []).append(t)
    charts = {}
    for case_id, theirs in by_case.items():
        current = current_by_kind(theirs)
        second = current.get(Kind.END) or current.get(Kind.EVALUATION)
        comparison = compare(current.get(Kind.BEGIN), second, targets_of.get(case_id, []))
        chart = radar(comparison)
        shown_with = second or comparison.first
        if chart and shown_with is not None:
            charts[shown_with.pk] = chart
    return charts


PROVIDERS = (sections,)
