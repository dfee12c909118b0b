"""Case meetings: planning a meeting, putting a case on its agenda (or taking it off), recording
the meeting and what it concluded per case, with the decisions made agreements on the case.
Re-exported by cases.services (see there for the rules every write follows)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.models import AgendaItem, Case, CaseMeeting, PartnerContact, TimelineEvent
from cases.phases import allows_on
from cases.services.core import agreement_add, check_case_open, timeline_record
from cases.timeline import meeting_data
from outreach import clock
from outreach.models import Membership

PARTLY_NEEDS_DETAIL = gettext_lazy("Say what may be shared, and with whom.")


def next_meeting(team):
    """The team's next planned meeting (today or later), or None."""
    return CaseMeeting.objects.coming(team).first()


def _text(value):
    return (value or "").strip()


@transaction.atomic
def meeting_plan(*, acting_user, team, kind, planned_on):
    """A meeting of the team on a day from today on. Cases waiting for the next meeting (put on
    the agenda while none was planned) go on its agenda."""
    if kind not in CaseMeeting.Kind.values:
        raise ValidationError({"kind": _("Choose the kind of meeting.")})
    if planned_on < clock.today():
        raise ValidationError({"planned_on": _("A meeting cannot be planned in the past.")})
    meeting = CaseMeeting(
        team=team, kind=kind, planned_on=planned_on, planned_by=acting_user, created_at=clock.now()
    )
    meeting.full_clean()
    meeting.save()
    waiting = AgendaItem.objects.select_for_update().filter(case__team=team, meeting__isnull=True)
    waiting.update(meeting=meeting)
    return meeting


@transaction.atomic
def agenda_item_add(*, acting_user, case, question, meeting=None):
    """Put an open case on the agenda of `meeting`, by default the team's next planned one; with
    none planned, the case waits for the next meeting to be planned."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    check_case_open(case)
    question = _text(question)
    if not question:
        raise ValidationError(
            {"question": _("Say briefly what you want to ask or discuss in the meeting.")}
        )
    if meeting is None:
        meeting = next_meeting(case.team)
    elif meeting.team_id != case.team_id or meeting.is_held or meeting.planned_on < clock.today():
        raise ValidationError({"meeting": _("Choose one of the team's coming meetings.")})
    if AgendaItem.objects.filter(case=case, meeting=meeting, discussed_at__isnull=True).exists():
        raise ValidationError({"meeting": _("This case is already on the agenda of this meeting.")})
    item = AgendaItem(
        case=case, meeting=meeting, question=question, added_by=acting_user, added_at=clock.now()
    )
    item.full_clean(validate_constraints=False)
    item.save()
    timeline_record(
        acting_user=acting_user,
        case=case,
        kind=TimelineEvent.Kind.MEETING,
        data=meeting_data(item, action="agenda"),
    )
    return item


@transaction.atomic
def agenda_item_remove(*, acting_user, item):
    """Take a case off the agenda before it was discussed; the timeline keeps that it was on."""
    item = (
        AgendaItem.objects.select_for_update(of=("self",))
        .select_related("case", "meeting")
        .get(pk=item.pk)
    )
    if item.is_discussed:
        raise ValidationError({None: _("A case that was discussed stays on the agenda.")})
    data = meeting_data(item, action="removed")
    item.delete()
    timeline_record(
        acting_user=acting_user, case=item.case, kind=TimelineEvent.Kind.MEETING, data=data
    )


@transaction.atomic
def meeting_record(
    *,
    acting_user,
    meeting,
    held_on,
    members,
    partner_contacts=(),
    client_present=False,
    others="",
    notes="",
):
    """The meeting was held: on which day, who took part (team members, contact persons from the
    team's directory, the client, others by name) and notes on the meeting as a whole."""
    meeting = CaseMeeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_held:
        raise ValidationError({None: _("This meeting has already been recorded.")})
    if held_on > clock.today():
        raise ValidationError({"held_on": _("A meeting cannot have been held in the future.")})
    members = list(members)
    if not members:
        raise ValidationError({"members": _("Choose who of the team took part.")})
    team_users = set(
        Membership.objects.filter(team=meeting.team_id).values_list("user_id", flat=True)
    )
    if any(user.pk not in team_users for user in members):
        raise ValidationError({"members": _("Choose members of this team.")})
    partner_contacts = list(partner_contacts)
    known = set(
        PartnerContact.objects.filter(partner__team=meeting.team_id).values_list("pk", flat=True)
    )
    if any(contact.pk not in known for contact in partner_contacts):
        raise ValidationError(
            {"partner_contacts": _("Choose contact persons from the team's directory.")}
        )
    meeting.status = CaseMeeting.Status.HELD
    meeting.held_on = held_on
    meeting.client_present = bool(client_present)
    meeting.others = _text(others)
    meeting.notes = _text(notes)
    meeting.recorded_by = acting_user
    meeting.full_clean()
    meeting.save()
    meeting.members.set(members)
    meeting.partner_contacts.set(partner_contacts)
    return meeting


@transaction.atomic
def case_discussion_record(
    *, acting_user, item, consent, consent_detail="", conclusions="", decisions=()
):
    """What a held meeting concluded about a case on its agenda. `consent`: what the client
    consented to share with the meeting, yes / partly (then `consent_detail` says what, with
    whom) / no, in which case the case was discussed anonymised and the record says so.
    `decisions` ({description, responsible, due_on}) become agreements on the case."""
    item = (
        AgendaItem.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=item.pk)
    )
    if item.is_discussed:
        raise ValidationError({None: _("This discussion has already been recorded.")})
    if item.meeting is None or not item.meeting.is_held:
        raise ValidationError(
            {None: _("Record the meeting itself first: when, and who took part.")}
        )
    case = Case.objects.select_for_update().get(pk=item.case_id)
    check_case_open(case)
    if consent not in AgendaItem.Consent.values:
        raise ValidationError({"consent": _("Say what the client consented to share.")})
    consent_detail = _text(consent_detail)
    if consent == AgendaItem.Consent.PARTLY and not consent_detail:
        raise ValidationError({"consent_detail": PARTLY_NEEDS_DETAIL})
    decisions = list(decisions)
    for number, decision in enumerate(decisions, start=1):
        if not _text(decision.get("description")):
            raise ValidationError({f"decision_{number}": _("Say what was decided.")})
    if decisions and not allows_on(case, "agreement", clock.today()):
        raise ValidationError(
            {
                "decision_1": _(
                    "In phase %(phase)s no agreements can be made yet: put the decision in "
                    "the conclusions."
                )
                % {"phase": case.get_phase_display()}
            }
        )
    item.consent = consent
    item.consent_detail = consent_detail
    item.conclusions = _text(conclusions)
    item.discussed_at = clock.now()
    item.discussed_by = acting_user
    item.full_clean(validate_constraints=False)
    item.save()
    made = [
        agreement_add(
            acting_user=acting_user,
            case=case,
            description=decision["description"],
            responsible=decision["responsible"],
            due_on=decision.get("due_on"),
        )
        for decision in decisions
    ]
    timeline_record(
        acting_user=acting_user,
        case=case,
        kind=TimelineEvent.Kind.MEETING,
        data=meeting_data(item, action="discussed", decisions=made),
    )
    return item
