"""The team's catalogue of volunteer services and the requests for them on a case. Re-exported
by cases.services (see there for the rules every write follows). The catalogue is edited by the
team's leads and administrators who work in it (as the directory of partner organisations), and
every change is kept in VolunteerServiceChange. Matching a volunteer is
`volunteer_request_match`, called only by network.services.volunteer_match, which puts the
volunteer on the network map in the same transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cases.models import TimelineEvent, VolunteerRequest, VolunteerService, VolunteerServiceChange
from cases.services.core import check_case_open, timeline_record
from cases.services.partners import may_edit_directory
from cases.timeline import volunteer_data
from outreach import clock
from outreach.versioning import bump, check_version

Status = VolunteerRequest.Status

# The services of the vrijwillige hulpdienst in the practice study (`002` l.1361-1371), by the
# study's own names: what a team's catalogue starts with.
STUDY_CATALOGUE = [
    ("Budgetbegeleiding", "Budgetcoach: budget op orde, steun bij schuldhulpverlening"),
    ("Postwijzer", "Op orde brengen van de huishoudelijke administratie"),
    ("Administratieve ondersteuning", "Administratieve hulp: formulieren, brieven, instanties"),
    ("Zorgmaatje", "Samen activiteiten ondernemen"),
    ("Zorgzaam", "Respijtzorg voor mantelzorgers"),
    ("Hulp(v)aardig", "Praktische ondersteuning: klussendienst"),
    ("Ziekenhuisbegeleiding", "Vervoer naar het ziekenhuis"),
    ("Netwerkcoach", "Versterken van het informele netwerk"),
    ("Hulp bij belastingaangifte", "Jaarlijks in de periode voor 1 april"),
]

# The moves a request may make. Matching is the network app's (it puts the volunteer on the
# map); a stopped request is done: a new attempt is a new request.
MOVES = {
    Status.REQUESTED: {Status.WAITING, Status.MATCHED, Status.STOPPED},
    Status.WAITING: {Status.MATCHED, Status.STOPPED},
    Status.MATCHED: {Status.STOPPED},
    Status.STOPPED: set(),
}
SERVICE_FIELDS = ("name", "description", "active")


def may_edit_catalogue(user, team):
    """The same people as for the directory: the team's leads and administrators in it."""
    return may_edit_directory(user, team)


def _check_editor(user, team):
    if not may_edit_catalogue(user, team):
        raise ValidationError(
            {None: _("Only a team lead or an administrator can change the catalogue.")}
        )


def _clean_service(service):
    service.name = (service.name or "").strip()
    service.description = (service.description or "").strip()
    service.full_clean(validate_constraints=False)
    taken = VolunteerService.objects.filter(team=service.team_id, name__iexact=service.name)
    if taken.exclude(pk=service.pk).exists():
        raise ValidationError({"name": _("The catalogue already has a service by this name.")})


def _log(acting_user, service, action, fields=()):
    VolunteerServiceChange.objects.create(
        service=service, at=clock.now(), by=acting_user, action=action, fields=list(fields)
    )


@transaction.atomic
def volunteer_service_create(*, acting_user, team, name, description=""):
    _check_editor(acting_user, team)
    service = VolunteerService(
        team=team, name=name, description=description, created_at=clock.now()
    )
    _clean_service(service)
    service.save()
    _log(acting_user, service, VolunteerServiceChange.Action.CREATED)
    return service


@transaction.atomic
def volunteer_service_update(*, acting_user, service, expected_version=None, **fields):
    """Change a service's name, description or whether it is still offered (deactivate: no new
    requests; the requests there are keep it)."""
    service = VolunteerService.objects.select_for_update().get(pk=service.pk)
    _check_editor(acting_user, service.team_id)
    check_version(service, expected_version)
    stored = {name: getattr(service, name) for name in SERVICE_FIELDS}
    for name, value in fields.items():
        if name not in SERVICE_FIELDS:
            raise TypeError(name)
        setattr(service, name, value)
    _clean_service(service)
    changed = [name for name in SERVICE_FIELDS if stored[name] != getattr(service, name)]
    if changed:
        _log(acting_user, service, VolunteerServiceChange.Action.CHANGED, changed)
        service.save(update_fields=bump(service, changed))
    return service


@transaction.atomic
def volunteer_catalogue_seed(*, acting_user, team):
    """Add the study's services the catalogue does not have yet (by name); returns those added."""
    _check_editor(acting_user, team)
    names = VolunteerService.objects.filter(team=team).values_list("name", flat=True)
    have = {name.lower() for name in names}
    return [
        volunteer_service_create(
            acting_user=acting_user, team=team, name=name, description=description
        )
        for name, description in STUDY_CATALOGUE
        if name.lower() not in have
    ]


def _check_date(on, *, field, not_before=None):
    if on is None:
        raise ValidationError({field: _("Enter a date.")})
    if on > clock.today():
        raise ValidationError({field: _("This date is in the future.")})
    if not_before is not None and on < not_before:
        raise ValidationError({field: _("This date is before the request.")})


def _record(acting_user, request):
    timeline_record(
        acting_user=acting_user,
        case=request.case,
        kind=TimelineEvent.Kind.VOLUNTEER,
        data=volunteer_data(request),
    )


@transaction.atomic
def volunteer_request_add(*, acting_user, case, service, requested_on):
    """Ask for a service of the team's catalogue for the case's client."""
    check_case_open(case)
    service = VolunteerService.objects.get(pk=service.pk)
    if service.team_id != case.team_id or not service.active:
        raise ValidationError({"service": _("Choose a service the team's catalogue offers.")})
    _check_date(requested_on, field="requested_on")
    request = VolunteerRequest.objects.create(
        case=case,
        service=service,
        requested_on=requested_on,
        status=Status.REQUESTED,
        status_on=requested_on,
        requested_by=acting_user,
        created_at=clock.now(),
    )
    _record(acting_user, request)
    return request


def _locked(request):
    return (
        VolunteerRequest.objects.select_for_update()
        .select_related("case", "service")
        .get(pk=request.pk)
    )


def _check_move(request, status):
    if status == request.status:
        raise ValidationError({"status": _("The request already has this status.")})
    if status not in MOVES[request.status]:
        raise ValidationError(
            {
                "status": _("A request that is %(now)s cannot become %(then)s.")
                % {"now": request.get_status_display(), "then": Status(status).label}
            }
        )


@transaction.atomic
def volunteer_request_status_set(
    *, acting_user, request, status, on, reason="", expected_version=None
):
    """Put the request on the waiting list or stop it (with a reason). Matching is
    volunteer_request_match (through network.services.volunteer_match)."""
    request = _locked(request)
    check_version(request, expected_version)
    check_case_open(request.case)
    if status == Status.MATCHED:
        raise ValidationError(
            {"status": _("Match a volunteer with the match form: it puts them on the map.")}
        )
    _check_move(request, status)
    _check_date(on, field="on", not_before=request.requested_on)
    reason = (reason or "").strip()
    if status == Status.STOPPED and not reason:
        raise ValidationError({"reason": _("Say why the request stops.")})
    request.status, request.status_on = status, on
    changed = ["status", "status_on"]
    if status == Status.STOPPED:
        request.stop_reason = reason[:300]
        changed.append("stop_reason")
    request.save(update_fields=bump(request, changed))
    _record(acting_user, request)
    return request


@transaction.atomic
def volunteer_request_match(*, acting_user, request, volunteer_name, on, expected_version=None):
    """The request is matched with a volunteer (name or alias). Called by
    network.services.volunteer_match, which puts the volunteer on the map in the same
    transaction; nothing else should call it."""
    request = _locked(request)
    check_version(request, expected_version)
    check_case_open(request.case)
    _check_move(request, Status.MATCHED)
    volunteer_name = (volunteer_name or "").strip()
    if not volunteer_name:
        raise ValidationError({"volunteer_name": _("Enter the volunteer's name or an alias.")})
    _check_date(on, field="on", not_before=request.requested_on)
    request.status, request.status_on, request.matched_on = Status.MATCHED, on, on
    request.volunteer_name = volunteer_name[:80]
    request.save(
        update_fields=bump(request, ["status", "status_on", "matched_on", "volunteer_name"])
    )
    _record(acting_user, request)
    return request
