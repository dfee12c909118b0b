"""The zrm app's events on the case timeline (kind `zrm`): a finalised assessment (written through
cases.services.case_record_zrm) and targets set (through timeline_record). What each stores and
how it reads; cases.timeline finds `DESCRIBERS` through the app registry."""

from django.utils.translation import gettext as _

from cases.models import TimelineEvent
from cases.timeline import EventView, short_date
from zrm.models import ZrmAssessment

ZRM_KINDS = dict(ZrmAssessment.Kind.choices)
# The event's `kind` for targets, beside the assessment kinds.
TARGETS = "targets"


def assessment_data(assessment):
    """What case_record_zrm puts beside the assessment's kind."""
    data = {
        "assessment_id": assessment.pk,
        "matrix": assessment.matrix.key,
        "assessed_on": assessment.assessed_on.isoformat(),
    }
    if assessment.corrects_id:
        data["corrects_assessment_id"] = assessment.corrects_id
        data["reason"] = assessment.correction_reason
    return data


def targets_data(levels):
    """levels: {domain: level or None}; only the domains with a target are kept."""
    return {
        "kind": TARGETS,
        "targets": {d.key: lvl for d, lvl in levels.items() if lvl is not None},
    }


def describe_zrm(data):
    if data.get("kind") == TARGETS:
        return EventView(
            _("ZRM targets set"),
            facts=[(_("domains with a target"), str(len(data.get("targets", {}))))],
        )
    kind = str(ZRM_KINDS.get(data.get("kind"), data.get("kind", "")))
    view = EventView(_("ZRM assessment finalised (%(kind)s)") % {"kind": kind})
    if data.get("assessed_on"):
        view.facts.append((_("date"), short_date(data["assessed_on"])))
    if data.get("corrects_assessment_id"):
        view.facts.append((_("correction"), _("replaces an earlier assessment")))
        view.text.append((_("reason"), data.get("reason", "")))
    return view


DESCRIBERS = {TimelineEvent.Kind.ZRM: describe_zrm}
