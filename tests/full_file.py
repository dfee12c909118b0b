"""A client with one of every kind of record, made through the real services, with `marker` in
every free-text field: the inspection file must show it, the access log never."""

from datetime import date, timedelta

from django.utils import timezone

from cases import services
from cases.models import (
    ContactAttempt,
    ContactMoment,
    Signal,
    SignalFeedback,
    TimelineEvent,
    VolunteerService,
)
from network.services import interview_save, member_add, snapshot_take
from outreach.models import Membership
from outreach.services import membership_set, user_create
from tests.cases.meldcode_data import start as meldcode_start
from tests.zrm.factories import DOMAIN_KEYS, domain, finalised_assessment
from zrm.services import targets_set


def _colleague(owner, team):
    """A worker of the team beside the owner, to be an intern on the case."""
    found = team.members.filter(is_active=True).exclude(pk=owner.pk).first()
    if found is None:
        found = user_create(
            acting_user=None, username=f"stagiair-{team.code.lower()}", password=None
        )
        membership_set(acting_user=None, team=team, user=found, role=Membership.Role.WORKER)
    return found


def full_file(
    *,
    owner,
    team,
    marker,
    first_name="Jan",
    last_name="de Vries",
    born=None,
    client=None,
    reporter=None,
):
    """Returns the case; its client has household, signal with feedback, prior information,
    attempt, contact, agreement, corrected timeline event, network members, interview answer,
    snapshot, a finalised ZRM with notes and a target. Given `client` (who has no open case),
    a second case for them with all of that but the client's own details and household."""
    now = timezone.now()
    today = timezone.localdate()
    signal = services.signal_register(
        acting_user=owner,
        team=team,
        received_on=today,
        source=Signal.Source.NEIGHBOUR,
        reporter_name=reporter or marker,
        reporter_organisation=marker,
        reporter_contact=marker,
        subject_name=f"{first_name} {last_name}",
        subject_address=marker,
        observed=f"{marker} observed\nsecond line",
        concerns=[Signal.Concern.ISOLATION],
    )
    details = {
        "first_name": first_name,
        "last_name": last_name,
        "date_of_birth": born or date(1960, 5, 4),
        "street_address": marker,
        "city": marker,
        "neighbourhood": marker,
        "language": marker,
        "household_notes": marker,
    }
    case = services.signal_accept(
        acting_user=owner,
        signal=signal,
        assigned_worker=owner,
        client=client,
        client_fields=None if client else details,
    )
    if client is None:
        services.client_update(
            acting_user=owner,
            client=case.client,
            household=[{"name": marker, "relation": "partner", "date_of_birth": None}],
        )
    services.signal_feedback_record(
        acting_user=owner,
        signal=signal,
        given_on=today,
        shared=marker,
        client_consented=SignalFeedback.Consent.YES,
    )
    case = services.case_transition(acting_user=owner, case=case, move="voorfase")
    services.prior_information_add(
        acting_user=owner,
        case=case,
        gathered_on=today,
        source=marker,
        content=marker,
        without_client_knowledge=False,
    )
    services.sensitive_detail_add(
        acting_user=owner, case=case, kind="domestic_violence", content=marker
    )
    case = services.case_transition(acting_user=owner, case=case, move="eerste-contact")
    meldcode_start(acting_user=owner, case=case, facts=marker)
    services.attempt_record(
        acting_user=owner,
        case=case,
        attempted_at=now - timedelta(hours=2),
        method=ContactAttempt.Method.DOOR,
        result=ContactAttempt.Result.CONTACT,
        note=marker,
        observations=marker,
        urgent_needs=marker,
        client_problem=marker,
    )
    services.contact_log(
        acting_user=owner,
        case=case,
        kind=ContactMoment.Kind.HOME_VISIT,
        occurred_at=now - timedelta(hours=1),
        present=marker,
        notes=marker,
        next_step=marker,
    )
    case = services.case_transition(
        acting_user=owner, case=case, move="contract", contract_agreed_on=today
    )
    agreement = services.agreement_add(
        acting_user=owner, case=case, description=marker, responsible="client"
    )
    services.visit_plan(acting_user=owner, case=case, planned_on=today, place=marker)
    services.agenda_item_add(acting_user=owner, case=case, question=marker)
    services.coworker_add(
        acting_user=owner, case=case, user=_colleague(owner, team), role="intern", starts_on=today
    )
    # The catalogue is the team's (not client data); a request on the case is.
    service, _new = VolunteerService.objects.get_or_create(team=team, name="Zorgmaatje")
    request = services.volunteer_request_add(
        acting_user=owner, case=case, service=service, requested_on=today
    )
    services.volunteer_request_status_set(
        acting_user=owner, request=request, status="stopped", on=today, reason=marker[:300]
    )
    case = services.case_transition(acting_user=owner, case=case, move="traject")
    services.timeline_correct(
        acting_user=owner, event=TimelineEvent.objects.filter(case=case).first(), text=marker
    )
    member_add(
        acting_user=owner,
        case=case,
        agreements=[agreement],
        name=marker,
        relation="neighbour",
        note=marker,
    )
    interview_save(acting_user=owner, case=case, answers={"friends_in_wijk": marker})
    snapshot_take(acting_user=owner, case=case, kind="manual", label=marker)
    finalised_assessment(case, owner, "begin", notes=dict.fromkeys(DOMAIN_KEYS, marker))
    targets_set(acting_user=owner, case=case, levels={domain("finances"): 4})
    return case
