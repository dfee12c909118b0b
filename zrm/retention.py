"""Retention: ZRM assessments go with their case file (see outreach/retention.py). They protect
their case from deletion on purpose, so they are removed here first."""

from outreach.retention import ids_of
from zrm.models import ZrmAssessment


def expired(today):
    return []


def purge(doomed):
    assessments = ZrmAssessment.objects.filter(case_id__in=ids_of(doomed, "cases.case"))
    # A correction protects the assessment it corrects: remove the newest versions first.
    while assessments.exists():
        assessments.filter(corrections__isnull=True).delete()
