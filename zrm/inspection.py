"""The ZRM sections of a client's inspection file (outreach/inspection.py)."""

from django.utils.translation import gettext as _

from outreach.inspection import Section, of_live_cases, record
from zrm.models import ZrmAssessment, ZrmScore, ZrmTarget


def sections(client):
    return [
        Section(
            "zrm_assessments",
            _("ZRM assessments"),
            [
                record(assessment)
                for assessment in of_live_cases(ZrmAssessment.objects, client)
                .select_related("case", "matrix", "assessor", "corrects")
                .order_by("assessed_on", "pk")
            ],
        ),
        Section(
            "zrm_scores",
            _("ZRM scores"),
            [
                record(score, title=f"{score.assessment} · {score.domain}")
                for score in of_live_cases(ZrmScore.objects, client, via="assessment__case")
                .select_related("assessment", "domain")
                .order_by("assessment__assessed_on", "assessment_id", "domain__order", "pk")
            ],
        ),
        Section(
            "zrm_targets",
            _("ZRM targets"),
            [
                record(target, title=str(target.domain))
                for target in of_live_cases(ZrmTarget.objects, client)
                .select_related("case", "domain", "set_by")
                .order_by("case_id", "domain__order", "pk")
            ],
        ),
    ]
