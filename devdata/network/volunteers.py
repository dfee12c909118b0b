"""Demo volunteer services: every demo team's catalogue starts with the practice study's list
(entered by its lead); Marjolein Hoogendoorn's worker asks for a Zorgmaatje at the start of her
trajectory and matches "Joke (maatje)", who then stands on her map as new network; another open
case waits for budget coaching on the waiting list, so the team page shows a match time and
someone waiting."""

from datetime import timedelta

from cases import services as cases_services
from cases.models import VolunteerService
from devdata.cases import LEADS
from network import services
from outreach.models import Team, User

MATCHED = ("Zorgmaatje", "Joke (maatje)")
WAITING = "Budgetbegeleiding"


def _service(case, name):
    return VolunteerService.objects.get(team=case.team_id, name=name)


def seed(cases, clock, now, *, matched_case, waiting_case):
    """`cases` by client name; `matched_case` gets the matched volunteer, `waiting_case` the
    request on the waiting list (either may be None). Returns a line for the seed's output."""
    clock.moment = now - timedelta(days=60)
    leads = {u.username: u for u in User.objects.filter(username__in=LEADS.values())}
    for team in Team.objects.filter(code__in=LEADS):
        cases_services.volunteer_catalogue_seed(acting_user=leads[LEADS[team.code]], team=team)
    done = []
    if matched_case is not None:
        worker = matched_case.assigned_worker
        begin = matched_case.network_snapshots.filter(kind="begin").order_by("taken_at").first()
        start = max(begin.taken_at if begin else now, now - timedelta(days=30))
        clock.moment = start + timedelta(hours=1)
        service, alias = MATCHED
        request = cases_services.volunteer_request_add(
            acting_user=worker,
            case=matched_case,
            service=_service(matched_case, service),
            requested_on=clock.moment.date(),
        )
        clock.moment = max(now - timedelta(days=2), clock.moment + timedelta(hours=1))
        services.volunteer_match(
            acting_user=worker,
            volunteer_request=request,
            volunteer_name=alias,
            on=clock.moment.date(),
        )
        done.append(f"{alias} matched on {matched_case.reference}")
    if waiting_case is not None:
        worker = waiting_case.assigned_worker
        clock.moment = now - timedelta(days=20)
        request = cases_services.volunteer_request_add(
            acting_user=worker,
            case=waiting_case,
            service=_service(waiting_case, WAITING),
            requested_on=clock.moment.date(),
        )
        clock.moment = now - timedelta(days=14)
        cases_services.volunteer_request_status_set(
            acting_user=worker, request=request, status="waiting", on=clock.moment.date()
        )
        done.append(f"{waiting_case.reference} waits for {WAITING}")
    return "Volunteer services: the study's catalogue for each team; " + ", ".join(done) + "."
