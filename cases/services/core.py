"""The case's own story: signals, clients, phases and everything recorded on a case. Re-exported
by cases.services (see there for the rules every write follows)."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import (
    Agreement,
    Case,
    CaseReferenceCounter,
    Client,
    ContactAttempt,
    ContactMoment,
    HouseholdMember,
    PhaseSpan,
    PriorInformation,
    SensitiveDetail,
    Signal,
    SignalFeedback,
    TimelineEvent,
)
from cases.phases import (
    CLOSED_PHASES,
    MOVES_BY_SLUG,
    OPEN_PHASES,
    ZRM_BEGIN,
    ZRM_END,
    Phase,
    allows_on,
)
from cases.selectors import normalise_postcode
from cases.services.partners import check_directory_choice
from cases.timeline import (
    agreement_data,
    attempt_data,
    contact_data,
    opened_data,
    phase_data,
    signal_data,
)
from outreach import clock
from outreach.access import SENSITIVE_REFUSED, may_see_sensitive
from outreach.models import Membership
from outreach.versioning import bump, check_version

Kind = TimelineEvent.Kind


def _text(value):
    return (value or "").strip()


def check_case_open(case):
    """Refuse a write on a closed case; the network and zrm services check with this too."""
    if not case.is_open:
        raise ValidationError({None: _("This case is closed.")})


def _check_sensitive(acting_user, case):
    """Shielded parts are written only by those who may read them (outreach.access); the view
    has logged the refusal and shown the 403 before it gets here."""
    if acting_user is not None and not may_see_sensitive(acting_user, case):
        raise PermissionDenied(SENSITIVE_REFUSED)


def _lock_allowing(case, activity):
    """The case, reloaded and locked, if `activity` may be recorded in its phase now: the
    caller's copy may be stale."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if not allows_on(case, activity, clock.today()):
        raise ValidationError(
            {
                None: _("This cannot be recorded in phase %(phase)s.")
                % {"phase": case.get_phase_display()}
            }
        )
    return case


def timeline_record(*, acting_user, case, kind, data, occurred_at=None):
    """Append an event to a case's timeline. The network and zrm apps write through this."""
    return TimelineEvent.objects.create(
        case=case,
        kind=kind,
        actor=acting_user,
        occurred_at=occurred_at or clock.now(),
        recorded_at=clock.now(),
        data=data,
    )


@transaction.atomic
def timeline_correct(*, acting_user, event, text):
    """A correction is a new event that refers to the old one; the old one stays as it was."""
    text = _text(text)
    if not text:
        raise ValidationError({"text": _("Say what the correction is.")})
    if event.kind == Kind.CORRECTION:
        raise ValidationError({None: _("Correct the original event, not a correction.")})
    if event.kind in TimelineEvent.SHIELDED_KINDS:
        _check_sensitive(acting_user, event.case)
    return TimelineEvent.objects.create(
        case=event.case,
        kind=Kind.CORRECTION,
        actor=acting_user,
        data={"text": text},
        corrects=event,
        occurred_at=clock.now(),
        recorded_at=clock.now(),
    )


# Signals ------------------------------------------------------------------------------------


@transaction.atomic
def signal_register(*, acting_user, team, **fields):
    check_directory_choice(
        team.pk, partner=fields.get("reporter_partner"), field="reporter_partner"
    )
    if "subject_postcode" in fields:
        fields["subject_postcode"] = normalise_postcode(fields["subject_postcode"])
    signal = Signal(team=team, registered_by=acting_user, created_at=clock.now(), **fields)
    signal.full_clean()
    signal.save()
    return signal


def _check_waiting(signal):
    if signal.status != Signal.Status.WAITING:
        raise ValidationError({None: _("This signal has already been decided.")})


def _check_worker(team, worker):
    if not Membership.objects.filter(team=team, user=worker, user__is_active=True).exists():
        raise ValidationError({"assigned_worker": _("Choose a worker of this team.")})


def _next_reference(team, year):
    counter, _created = CaseReferenceCounter.objects.select_for_update().get_or_create(
        team=team, year=year
    )
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{team.code}-{year}-{counter.last_number:04d}"


def _case_open(*, acting_user, client, assigned_worker, opened_on):
    try:
        with transaction.atomic():
            case = Case.objects.create(
                team=client.team,
                client=client,
                reference=_next_reference(client.team, opened_on.year),
                assigned_worker=assigned_worker,
                phase=Phase.SIGNAAL,
                phase_since=clock.now(),
                opened_on=opened_on,
                created_at=clock.now(),
            )
    except IntegrityError:
        # Another request opened a case for this client a moment ago.
        raise ValidationError({None: _("This client already has an open case.")}) from None
    PhaseSpan.objects.create(
        case=case, team_id=case.team_id, phase=Phase.SIGNAAL, started_at=clock.now()
    )
    timeline_record(
        acting_user=acting_user,
        case=case,
        kind=Kind.PHASE,
        data=opened_data(case),
    )
    return case


@transaction.atomic
def client_create(*, acting_user, team, household=(), **fields):
    if "postcode" in fields:
        fields["postcode"] = normalise_postcode(fields["postcode"])
    client = Client(team=team, created_at=clock.now(), **fields)
    client.full_clean()
    client.save()
    for member in household:
        HouseholdMember.objects.create(client=client, **member)
    return client


@transaction.atomic
def signal_accept(*, acting_user, signal, assigned_worker, client=None, client_fields=None):
    """Take a signal in: about an existing client (their open case, or a new one) or a new
    client. Returns the case the signal now belongs to."""
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    _check_waiting(signal)
    if client is None:
        client = client_create(acting_user=acting_user, team=signal.team, **(client_fields or {}))
    elif client.team_id != signal.team_id:
        raise ValidationError({"client": _("Choose a client of this team.")})
    case = (
        Case.objects.select_for_update()
        .filter(client=client)
        .exclude(phase__in=CLOSED_PHASES)
        .first()
    )
    if case is None:
        _check_worker(signal.team, assigned_worker)
        case = _case_open(
            acting_user=acting_user,
            client=client,
            assigned_worker=assigned_worker,
            opened_on=clock.today(),
        )
    signal.status = Signal.Status.ACCEPTED
    signal.case = case
    signal.decided_at = clock.now()
    signal.decided_by = acting_user
    signal.save(update_fields=["status", "case", "decided_at", "decided_by"])
    timeline_record(acting_user=acting_user, case=case, kind=Kind.SIGNAL, data=signal_data(signal))
    return case


@transaction.atomic
def signal_decline(*, acting_user, signal, reason, note=""):
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    _check_waiting(signal)
    if reason not in Signal.DeclineReason.values:
        raise ValidationError({"reason": _("Choose a reason.")})
    if reason == Signal.DeclineReason.OTHER and not _text(note):
        raise ValidationError({"note": _("Explain why the signal is declined.")})
    signal.status = Signal.Status.DECLINED
    signal.decline_reason = reason
    signal.decline_note = _text(note)
    signal.decided_at = clock.now()
    signal.decided_by = acting_user
    signal.save(
        update_fields=["status", "decline_reason", "decline_note", "decided_at", "decided_by"]
    )
    return signal


@transaction.atomic
def signal_feedback_record(*, acting_user, signal, given_on, shared, client_consented):
    # The caller's copy may predate the signal's acceptance; the timeline needs its case.
    signal = Signal.objects.select_related("case").get(pk=signal.pk)
    if not _text(shared):
        raise ValidationError({"shared": _("Say what was shared with the reporter.")})
    if given_on > clock.today():
        raise ValidationError({"given_on": _("The date cannot lie in the future.")})
    if client_consented not in SignalFeedback.Consent.values:
        raise ValidationError({"client_consented": _("Say whether the client consented.")})
    feedback = SignalFeedback.objects.create(
        signal=signal,
        given_on=given_on,
        shared=_text(shared),
        client_consented=client_consented,
        given_by=acting_user,
        created_at=clock.now(),
    )
    if signal.case_id:
        timeline_record(
            acting_user=acting_user,
            case=signal.case,
            kind=Kind.FEEDBACK,
            data={
                "signal_id": signal.pk,
                "shared": feedback.shared,
                "client_consented": client_consented,
                "to": signal.reporter_organisation or signal.reporter_name,
            },
        )
    return feedback


# Clients ------------------------------------------------------------------------------------


def _household_key(members):
    # Order-free: the database returns rows in its own order (NULL dates sort differently).
    return sorted((m["name"], m["relation"], str(m.get("date_of_birth"))) for m in members)


@transaction.atomic
def client_update(*, acting_user, client, household=None, expected_version=None, **fields):
    """Change a client's details; household, when given, replaces the current list. With
    `expected_version` (the form's), raises EditConflict if someone saved in between."""
    client = Client.objects.select_for_update().get(pk=client.pk)
    check_version(client, expected_version)
    if "postcode" in fields:
        fields["postcode"] = normalise_postcode(fields["postcode"])
    changed = [name for name, value in fields.items() if getattr(client, name) != value]
    for name, value in fields.items():
        setattr(client, name, value)
    client.full_clean()
    household_changed = household is not None and _household_key(household) != _household_key(
        client.household.values("name", "relation", "date_of_birth")
    )
    if changed or household_changed:
        bump(client, changed)
        client.save(update_fields=changed)
        changed.remove("version")
    if household_changed:
        client.household.all().delete()
        for member in household:
            HouseholdMember.objects.create(client=client, **member)
        changed.append("household")
    if changed:
        for case in client.cases.exclude(phase__in=CLOSED_PHASES):
            timeline_record(
                acting_user=acting_user, case=case, kind=Kind.CLIENT, data={"fields": changed}
            )
    return client


@transaction.atomic
def case_transition(*, acting_user, case, move, **values):
    """Move a case along the phase table (cases/phases.py). The only code that changes a phase."""
    move = MOVES_BY_SLUG.get(move) if isinstance(move, str) else move
    if move is None:
        raise ValidationError({None: _("This step does not exist.")})
    unexpected = set(values) - set(move.fields)
    if unexpected:
        raise TypeError(f"{move.slug} does not take {sorted(unexpected)}")
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.phase not in move.sources:
        raise ValidationError(
            {
                None: _("This step is not possible in phase %(phase)s.")
                % {"phase": case.get_phase_display()}
            }
        )
    values = {name: _text(v) if isinstance(v, str) else v for name, v in values.items()}
    values["today"] = clock.today()
    errors = {
        name: _("This field is required for this step.")
        for name in move.required
        if not values.get(name)
    }
    if errors:
        raise ValidationError(errors)
    for guard in move.guards:
        errors.update(guard(case, values) or {})
    if errors:
        raise ValidationError(errors)

    previous = case.phase
    changed = ["phase", "phase_since"]
    case.phase = move.target
    case.phase_since = clock.now()
    for case_field in move.clears:
        setattr(case, case_field, Case._meta.get_field(case_field).get_default())
        changed.append(case_field)
    for form_field, case_field in move.writes:
        if values.get(form_field):
            setattr(case, case_field, values[form_field])
            changed.append(case_field)
    if move.closes:
        if case.closed_on is None:
            case.closed_on = values["today"]
        changed.append("closed_on")
    if move.reopens:
        if (
            Case.objects.filter(client=case.client_id)
            .exclude(pk=case.pk)
            .exclude(phase__in=CLOSED_PHASES)
            .exists()
        ):
            raise ValidationError({None: _("This client already has another open case.")})
        case.closed_on = None
        case.nazorg_until = None
        case.follow_up_on = None
        # A new round: the earlier trajectory's ZRM and contract do not count for this one.
        case.zrm_begin_at = case.zrm_end_at = case.contract_agreed_on = None
        case.no_zrm_begin_reason = case.no_zrm_end_reason = ""
        changed += [
            "closed_on",
            "nazorg_until",
            "follow_up_on",
            "zrm_begin_at",
            "zrm_end_at",
            "contract_agreed_on",
            "no_zrm_begin_reason",
            "no_zrm_end_reason",
        ]
        # Keep the worker the client knows, if they still work in the team.
        if not Membership.objects.filter(
            team=case.team_id, user=case.assigned_worker_id, user__is_active=True
        ).exists():
            case.assigned_worker = acting_user
            changed.append("assigned_worker")
    case.save(update_fields=changed)
    PhaseSpan.objects.filter(case=case, ended_at__isnull=True).update(ended_at=case.phase_since)
    if case.phase in OPEN_PHASES:
        PhaseSpan.objects.create(
            case=case, team_id=case.team_id, phase=case.phase, started_at=case.phase_since
        )
    data = phase_data(
        previous=previous,
        target=move.target,
        move=move.slug,
        values=values,
        assigned_to=str(acting_user) if "assigned_worker" in changed else None,
    )
    timeline_record(acting_user=acting_user, case=case, kind=Kind.PHASE, data=data)
    return case


def _case_plan_change(acting_user, case, fields, **event_data):
    """Set the fields of a (locked) case that differ, and record which on the timeline; nothing
    changed writes nothing."""
    changed = [name for name, value in fields.items() if getattr(case, name) != value]
    if changed:
        for name in changed:
            setattr(case, name, fields[name])
        timeline_record(
            acting_user=acting_user,
            case=case,
            kind=Kind.PLAN,
            data={"fields": changed, **event_data},
        )
        bump(case, changed)
        case.save(update_fields=changed)
    return case


@transaction.atomic
def case_update_prephase(
    *,
    acting_user,
    case,
    expected_version=None,
    prior_info_decision="",
    prior_info_reason="",
    prior_info_basis="",
    suitability_analysis="",
    approach_plan="",
):
    """The voorfase decisions: prior information (yes/no, why, basis), suitability, plan.
    Shielded: only those who may see the voorfase's text may change it."""
    case = _lock_allowing(case, "prephase")
    _check_sensitive(acting_user, case)
    check_version(case, expected_version)
    if prior_info_decision not in ("", "yes", "no"):
        raise ValidationError({"prior_info_decision": _("Choose yes or no.")})
    if prior_info_decision and not _text(prior_info_reason):
        raise ValidationError({"prior_info_reason": _("Say why.")})
    fields = {
        "prior_info_decision": prior_info_decision,
        "prior_info_reason": _text(prior_info_reason),
        "prior_info_basis": _text(prior_info_basis),
        "suitability_analysis": _text(suitability_analysis),
        "approach_plan": _text(approach_plan),
    }
    return _case_plan_change(
        acting_user, case, fields, prior_info_decision=fields["prior_info_decision"]
    )


@transaction.atomic
def case_update_plan(
    *, acting_user, case, trajectory_plan, evaluation_due_on, expected_version=None
):
    case = _lock_allowing(case, "plan")
    check_version(case, expected_version)
    fields = {"trajectory_plan": _text(trajectory_plan), "evaluation_due_on": evaluation_due_on}
    return _case_plan_change(acting_user, case, fields)


@transaction.atomic
def prior_information_add(
    *, acting_user, case, gathered_on, source, content, without_client_knowledge
):
    case = _lock_allowing(case, "prephase")
    _check_sensitive(acting_user, case)
    info = PriorInformation(
        case=case,
        gathered_on=gathered_on,
        source=_text(source),
        content=_text(content),
        without_client_knowledge=without_client_knowledge,
        recorded_by=acting_user,
        created_at=clock.now(),
    )
    info.full_clean()
    info.save()
    # The timeline says that it was gathered, not what: the content stays in its own section.
    timeline_record(
        acting_user=acting_user,
        case=case,
        kind=Kind.PRIOR_INFO,
        data={"source": info.source, "without_client_knowledge": without_client_knowledge},
    )
    return info


@transaction.atomic
def sensitive_detail_add(*, acting_user, case, kind, content, recorded_on=None):
    """Justice or domestic-violence / safety details, on an open case, by its worker or a lead."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    _check_sensitive(acting_user, case)
    if not case.is_open:
        raise ValidationError({None: _("The case is closed.")})
    detail = SensitiveDetail(
        case=case,
        kind=kind,
        content=_text(content),
        recorded_on=recorded_on or clock.today(),
        recorded_by=acting_user,
        created_at=clock.now(),
    )
    detail.full_clean()
    detail.save()
    # The timeline says that something was recorded and of which kind, never what.
    timeline_record(acting_user=acting_user, case=case, kind=Kind.SENSITIVE, data={"kind": kind})
    return detail


# Contacts -----------------------------------------------------------------------------------


def _check_not_future(moment, field):
    if moment > clock.now() + timedelta(minutes=5):
        raise ValidationError({field: _("The date and time cannot lie in the future.")})


def _touch_contact(case, moment, follow_up_on=None):
    changed = []
    if case.last_contact_at is None or moment > case.last_contact_at:
        case.last_contact_at = moment
        changed.append("last_contact_at")
    if follow_up_on is not None:
        case.follow_up_on = follow_up_on
        changed.append("follow_up_on")
    if changed:
        case.save(update_fields=changed)


@transaction.atomic
def attempt_record(
    *,
    acting_user,
    case,
    attempted_at,
    method,
    result,
    note="",
    observations="",
    urgent_needs="",
    client_problem="",
):
    _check_not_future(attempted_at, "attempted_at")
    case = _lock_allowing(case, "attempt")
    attempt = ContactAttempt(
        case=case,
        attempted_at=attempted_at,
        method=method,
        result=result,
        note=_text(note),
        observations=_text(observations),
        urgent_needs=_text(urgent_needs),
        client_problem=_text(client_problem),
        recorded_by=acting_user,
        created_at=clock.now(),
    )
    attempt.full_clean()
    attempt.save()
    if result in ContactAttempt.SEEN_RESULTS:
        _touch_contact(case, attempted_at)
    data = attempt_data(attempt, number=case.attempts.count())
    timeline_record(
        acting_user=acting_user, case=case, kind=Kind.ATTEMPT, data=data, occurred_at=attempted_at
    )
    return attempt


def _checked_agreements(case, outcomes):
    """The case's open agreements named in `outcomes` ({agreement id: outcome}), locked, with
    their outcome; refused when one is not an open agreement of this case or the phase has no
    agreements."""
    if not outcomes:
        return []
    if not allows_on(case, "agreement", clock.today()):
        raise ValidationError({None: _("Agreements cannot be checked in this phase.")})
    if any(o not in ContactMoment.AgreementOutcome.values for o in outcomes.values()):
        raise ValidationError({None: _("Choose what became of each agreement.")})
    agreements = (
        case.agreements.select_for_update()
        .filter(pk__in=list(outcomes), status=Agreement.Status.OPEN)
        .order_by("created_at", "id")
    )
    checked = [(agreement, outcomes[agreement.pk]) for agreement in agreements]
    if len(checked) != len(outcomes):
        raise ValidationError(
            {None: _("An agreement has been changed in the meantime: open the form again.")}
        )
    return checked


@transaction.atomic
def contact_log(
    *,
    acting_user,
    case,
    kind,
    occurred_at=None,
    duration_minutes=None,
    present="",
    activities=(),
    notes="",
    next_step="",
    follow_up_on=None,
    agreement_outcomes=None,
    partner_organisation=None,
):
    """Log a contact. Without `occurred_at` it happened now, to the second, so it heads the
    timeline even when other events share the minute. `agreement_outcomes` ({agreement id:
    ContactMoment.AgreementOutcome}) records what became of open agreements; one that is done is
    marked done, with its own timeline event."""
    occurred_at = occurred_at or clock.now()
    _check_not_future(occurred_at, "occurred_at")
    case = _lock_allowing(case, "contact")
    # The directory's organisation goes with a contact with a partner organisation only.
    if partner_organisation is not None and kind != ContactMoment.Kind.PARTNER:
        raise ValidationError(
            {"partner_organisation": _("Choose an organisation only for a contact with a partner.")}
        )
    check_directory_choice(case.team_id, partner=partner_organisation, field="partner_organisation")
    if follow_up_on is not None and follow_up_on < clock.today():
        raise ValidationError({"follow_up_on": _("The follow-up date cannot lie in the past.")})
    checked = _checked_agreements(case, agreement_outcomes)
    contact = ContactMoment(
        case=case,
        kind=kind,
        partner_organisation=partner_organisation,
        occurred_at=occurred_at,
        duration_minutes=duration_minutes,
        present=_text(present),
        activities=list(activities),
        notes=_text(notes),
        next_step=_text(next_step),
        follow_up_on=follow_up_on,
        agreement_outcomes=[
            {"agreement_id": a.pk, "description": a.description, "outcome": outcome}
            for a, outcome in checked
        ],
        logged_by=acting_user,
        created_at=clock.now(),
    )
    contact.full_clean()
    contact.save()
    if kind == ContactMoment.Kind.FAILED:
        if follow_up_on is not None:
            case.follow_up_on = follow_up_on
            case.save(update_fields=["follow_up_on"])
    else:
        _touch_contact(case, occurred_at, follow_up_on)
        # A contact on or after a planned visit's day fulfils it: it leaves Mijn week and the
        # calendar feed.
        case.planned_visits.filter(
            done_at__isnull=True, planned_on__lte=timezone.localdate(occurred_at)
        ).update(done_at=clock.now())
    # The agreements' events first, so the contact heads the timeline.
    for agreement, outcome in checked:
        if outcome == ContactMoment.AgreementOutcome.DONE:
            agreement.status = Agreement.Status.DONE
            agreement.save(update_fields=bump(agreement, ["status"]))
            timeline_record(
                acting_user=acting_user,
                case=case,
                kind=Kind.AGREEMENT,
                data=agreement_data(agreement, with_due_on=False),
                occurred_at=occurred_at,
            )
    timeline_record(
        acting_user=acting_user,
        case=case,
        kind=Kind.CONTACT,
        data=contact_data(contact),
        occurred_at=occurred_at,
    )
    return contact


# Agreements ---------------------------------------------------------------------------------


@transaction.atomic
def agreement_add(*, acting_user, case, description, responsible, due_on=None):
    case = _lock_allowing(case, "agreement")
    agreement = Agreement(
        case=case,
        description=_text(description),
        responsible=responsible,
        due_on=due_on,
        created_by=acting_user,
        created_at=clock.now(),
    )
    agreement.full_clean()
    agreement.save()
    timeline_record(
        acting_user=acting_user,
        case=case,
        kind=Kind.AGREEMENT,
        data=agreement_data(agreement),
    )
    return agreement


@transaction.atomic
def agreement_set_status(*, acting_user, agreement, status, expected_version=None):
    if status not in Agreement.Status.values:
        raise ValidationError({"status": _("Choose a status.")})
    _lock_allowing(agreement.case, "agreement")
    agreement = Agreement.objects.select_for_update().select_related("case").get(pk=agreement.pk)
    check_version(agreement, expected_version)
    if agreement.status == status:
        return agreement
    agreement.status = status
    agreement.save(update_fields=bump(agreement, ["status"]))
    timeline_record(
        acting_user=acting_user,
        case=agreement.case,
        kind=Kind.AGREEMENT,
        data=agreement_data(agreement, with_due_on=False),
    )
    return agreement


# ZRM, recorded for the zrm app ----------------------------------------------------------------


@transaction.atomic
def case_record_zrm(*, acting_user, case, kind, data):
    """The zrm app calls this when it finalises an assessment: it satisfies the trajectory's
    begin or end step and puts the assessment on the timeline. cases never imports zrm."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if kind == ZRM_BEGIN:
        case.zrm_begin_at = clock.now()
        case.save(update_fields=["zrm_begin_at"])
    elif kind == ZRM_END:
        case.zrm_end_at = clock.now()
        case.save(update_fields=["zrm_end_at"])
    return timeline_record(
        acting_user=acting_user,
        case=case,
        kind=Kind.ZRM,
        data={"kind": kind, **data},
    )


# Team leads ---------------------------------------------------------------------------------
