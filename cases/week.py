"""Mijn week: a worker's planned visits and follow-ups up to the end of this week, overdue
first; the team lead's view of the same per worker. Two queries however many cases."""

from dataclasses import dataclass
from datetime import time, timedelta

from django.db.models import OuterRef, Q, Subquery

from cases.models import ContactMoment, PlannedVisit
from cases.phases import CLOSED_PHASES

SUNDAY = 6


def week_end(today):
    return today + timedelta(days=SUNDAY - today.weekday())


@dataclass
class WeekItem:
    case: object
    day: object
    visit: object = None  # a PlannedVisit; None: the case's follow-up date

    @property
    def at(self):
        return self.visit.at if self.visit else None

    def group(self, today):
        if self.day < today:
            return "overdue"
        return "today" if self.day == today else "week"

    def sort_key(self):
        return (self.day, self.at or time.min, self.case.client.last_name, self.case.pk)


def week_items(cases, today):
    """The open cases among `cases` (a queryset the access layer scoped) with a planned visit
    not yet done or a follow-up date up to the end of the week, as WeekItems ordered by day and
    time (so overdue first). Each case carries its client, worker and `next_step` (from its
    latest contact that named one)."""
    end = week_end(today)
    cases = cases.exclude(phase__in=CLOSED_PHASES)
    visits = list(
        PlannedVisit.objects.filter(
            done_at__isnull=True, planned_on__lte=end, case__in=cases.values("pk")
        )
    )
    next_step = (
        ContactMoment.objects.filter(case=OuterRef("pk"))
        .exclude(next_step="")
        .order_by("-occurred_at", "-id")
        .values("next_step")[:1]
    )
    found = {
        case.pk: case
        for case in cases.filter(Q(follow_up_on__lte=end) | Q(pk__in={v.case_id for v in visits}))
        .select_related("client", "assigned_worker")
        .annotate(next_step=Subquery(next_step))
    }
    items = [WeekItem(found[v.case_id], v.planned_on, v) for v in visits if v.case_id in found]
    items += [
        WeekItem(case, case.follow_up_on)
        for case in found.values()
        if case.follow_up_on and case.follow_up_on <= end
    ]
    items.sort(key=WeekItem.sort_key)
    return items
