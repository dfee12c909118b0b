"""Case meetings for tests, made through the services."""

from datetime import timedelta

from cases import services
from outreach import clock


def plan_meeting(*, acting_user, team, days=3, kind="intake"):
    return services.meeting_plan(
        acting_user=acting_user,
        team=team,
        kind=kind,
        planned_on=clock.today() + timedelta(days=days),
    )


def on_agenda(case, *, acting_user, meeting=None, question="Wie pakt de schulden op?"):
    return services.agenda_item_add(
        acting_user=acting_user, case=case, meeting=meeting, question=question
    )


def held_meeting(*, acting_user, team, cases=(), kind="consultation", partner_contacts=()):
    """A meeting planned for today with `cases` on its agenda, then recorded as held. Returns
    the meeting and its agenda items."""
    meeting = plan_meeting(acting_user=acting_user, team=team, days=0, kind=kind)
    items = [on_agenda(case, acting_user=acting_user, meeting=meeting) for case in cases]
    meeting = services.meeting_record(
        acting_user=acting_user,
        meeting=meeting,
        held_on=clock.today(),
        members=[acting_user],
        partner_contacts=partner_contacts,
    )
    return meeting, items
