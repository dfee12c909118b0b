"""The worker's week: planned visits and the calendar feed's secret address. Re-exported by
cases.services (see there for the rules every write follows)."""

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cases.models import CalendarFeed, ContactMoment, PlannedVisit, TimelineEvent
from cases.services.core import check_case_open, timeline_record
from cases.timeline import planned_data
from outreach import clock

# 32 random bytes: a feed address cannot be guessed, only copied.
FEED_TOKEN_BYTES = 32


@transaction.atomic
def visit_plan(
    *, acting_user, case, planned_on, at=None, place="", kind=ContactMoment.Kind.HOME_VISIT
):
    check_case_open(case)
    if planned_on < clock.today():
        raise ValidationError({"planned_on": _("A visit cannot be planned in the past.")})
    visit = PlannedVisit(
        case=case,
        kind=kind,
        planned_on=planned_on,
        at=at,
        place=(place or "").strip(),
        planned_by=acting_user,
        created_at=clock.now(),
    )
    visit.full_clean()
    visit.save()
    timeline_record(
        acting_user=acting_user,
        case=case,
        kind=TimelineEvent.Kind.PLANNED,
        data=planned_data(visit),
    )
    return visit


@transaction.atomic
def calendar_feed_renew(*, acting_user, user):
    """A new secret address for the user's calendar feed; the old one stops working."""
    CalendarFeed.objects.filter(user=user).delete()
    return CalendarFeed.objects.create(
        user=user, token=secrets.token_urlsafe(FEED_TOKEN_BYTES), created_at=clock.now()
    )
