"""The case page and everything recorded on a case."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases import services
from cases.access import case_for_form, case_for_user
from cases.forms import (
    AgreementForm,
    AgreementStatusForm,
    AttemptForm,
    ContactForm,
    CorrectionForm,
    DeleteForm,
    MoveTeamForm,
    PlanForm,
    PrephaseForm,
    PriorInformationForm,
    SensitiveDetailForm,
    TransitionForm,
)
from cases.models import Agreement, Case, TimelineEvent
from cases.phases import MOVES_BY_SLUG, allows, allows_on, moves_from
from cases.selectors import case_agenda, case_timeline, note_phrases, timeline_kinds
from cases.timeline import describe
from cases.views.coworkers import people_context
from outreach import clock
from outreach.access import (
    Action,
    get_for_user,
    is_lead,
    may_see_meldcode,
    may_see_sensitive,
    memberships_of,
    require_sensitive,
)
from outreach.drafts import keeps_draft
from outreach.form_flow import conflict_page, handle_form
from outreach.submissions import saves_once
from outreach.versioning import EditConflict

TIMELINE_PAGE_SIZE = 20
ACTIVITIES = ("prephase", "attempt", "contact", "agreement", "plan")


def _case_allowing(request, case_id, activity):
    """The case, if this can be recorded in its phase now; else a 404 (the page offers no link)."""
    case = case_for_form(request, case_id)
    if not allows_on(case, activity, clock.today()):
        raise Http404
    return case


def case_detail(request, case_id):
    case = case_for_user(request, case_id)
    kind = request.GET.get("soort", "")
    if kind not in TimelineEvent.Kind.values:
        kind = ""
    page = Paginator(case_timeline(case, kind=kind or None), TIMELINE_PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    sensitive = may_see_sensitive(request.user, case)
    meldcode_allowed = may_see_meldcode(request.user, case)
    for event in page:
        # A meldcode event is shielded by its own rule, which lets the aandachtsfunctionaris in.
        allowed = meldcode_allowed if event.kind == TimelineEvent.Kind.MELDCODE else sensitive
        event.view = describe(event, shielded=not allowed)
    context = {
        "case": case,
        "page": page,
        "kind": kind,
        "kinds": timeline_kinds(case),
        "may_see_sensitive": sensitive,
    }
    if request.htmx:
        part = "timeline-page" if page.number > 1 else "timeline"
        return render(request, f"cases/case_detail.html#{part}", context)
    context.update(
        moves=moves_from(case.phase),
        can={activity: allows_on(case, activity, clock.today()) for activity in ACTIVITIES},
        signals=case.signals.all(),
        attempts=case.attempts.all(),
        agreements=case.agreements.all(),
        agenda=list(case_agenda(case)),
        # Content only for those who may see it; the others get dates for the shielded notice.
        prior_information=list(
            case.prior_information.all()
            if sensitive
            else case.prior_information.only("gathered_on")
        ),
        sensitive_details=list(
            case.sensitive_details.all()
            if sensitive
            else case.sensitive_details.only("recorded_on")
        ),
        can_record_sensitive=sensitive and case.is_open,
        # The others see only that a trajectory exists: no dates, no status.
        may_see_meldcode=meldcode_allowed,
        meldcode_trajectories=list(
            case.meldcode_trajectories.all()
            if meldcode_allowed
            else case.meldcode_trajectories.only("pk")[:1]
        ),
        **people_context(request, case),
        can_delete=is_lead(request.user, case.team_id),
        can_move=case.is_open and bool(_other_teams(request, case)),
    )
    return render(request, "cases/case_detail.html", context)


def _other_teams(request, case):
    """The teams a lead of the case's team can move it to: the other teams they work in."""
    if not is_lead(request.user, case.team_id):
        return []
    return [m.team for m in memberships_of(request.user) if m.team_id != case.team_id]


@saves_once
def case_move(request, case_id):
    """A team lead moves a client's file to another team they work in (cases.services)."""
    case = case_for_form(request, case_id)
    teams = _other_teams(request, case)
    if not teams or not case.is_open:
        raise PermissionDenied(
            _("Only a team lead who also works in another team can move an open case there.")
        )
    return handle_form(
        request,
        MoveTeamForm,
        form_kwargs={"teams": teams},
        case=case,
        title=_("Move to another team"),
        intro=_(
            "The client, this case and their earlier cases move to the new team, with everything "
            "recorded on them. Your current team no longer sees them."
        ),
        save=lambda data: services.case_move_team(acting_user=request.user, case=case, **data),
        done=_("The case has moved to the other team."),
        success=case.get_absolute_url(),
    )


@saves_once
def case_delete(request, case_id):
    """A team lead deletes a case (registered by mistake, say), with a reason: a soft delete."""
    case = case_for_form(request, case_id, action=Action.DELETE)
    if not is_lead(request.user, case.team_id):
        raise PermissionDenied(_("Only a team lead can delete a case."))
    return handle_form(
        request,
        DeleteForm,
        title=_("Delete case %(reference)s") % {"reference": case.reference},
        intro=_(
            "The case disappears from every list and page; the client stays. An administrator "
            "can restore it until the retention period ends; then it is removed for good."
        ),
        save=lambda data: services.case_delete(
            acting_user=request.user, case=case, reason=data["reason"]
        ),
        done=_("The case has been deleted."),
        success=case.client.get_absolute_url(),
        back=case.get_absolute_url(),
    )


@saves_once
def case_transition(request, case_id, move):
    case = case_for_form(request, case_id)
    move = MOVES_BY_SLUG.get(move)
    if move is None or move not in moves_from(case.phase):
        raise Http404
    return handle_form(
        request,
        TransitionForm,
        form_kwargs={"move": move, "case": case},
        case=case,
        title=str(move.label),
        save=lambda data: services.case_transition(
            acting_user=request.user, case=case, move=move, **data
        ),
        done=_("Phase changed."),
        success=case.get_absolute_url(),
    )


@keeps_draft
@saves_once
def contact_add(request, case_id):
    case = _case_allowing(request, case_id, "contact")
    agreements = (
        case.agreements.filter(status=Agreement.Status.OPEN)
        if allows(case.phase, "agreement")
        else Agreement.objects.none()
    )
    return handle_form(
        request,
        ContactForm,
        form_kwargs={
            "agreements": agreements,
            "phrases": note_phrases(case.team_id),
            "team": case.team_id,
        },
        case=case,
        title=_("Log a contact"),
        drafts=True,
        save=lambda data: services.contact_log(acting_user=request.user, case=case, **data),
        done=_("Contact logged."),
        success=case.get_absolute_url(),
    )


@keeps_draft
@saves_once
def attempt_add(request, case_id):
    case = _case_allowing(request, case_id, "attempt")
    return handle_form(
        request,
        AttemptForm,
        case=case,
        title=_("Record a contact attempt"),
        drafts=True,
        save=lambda data: services.attempt_record(acting_user=request.user, case=case, **data),
        done=_("Attempt recorded."),
        success=case.get_absolute_url(),
    )


@keeps_draft
@saves_once
def agreement_add(request, case_id):
    case = _case_allowing(request, case_id, "agreement")
    return handle_form(
        request,
        AgreementForm,
        case=case,
        title=_("Add an agreement"),
        drafts=True,
        save=lambda data: services.agreement_add(acting_user=request.user, case=case, **data),
        done=_("Agreement added."),
        success=case.get_absolute_url(),
    )


@require_POST
def agreement_status(request, agreement_id):
    agreement = get_for_user(
        request, Agreement.objects.select_related("case"), agreement_id, action=Action.CHANGE
    )
    form = AgreementStatusForm(request.POST)
    error = None
    status = 200
    if form.is_valid():
        try:
            agreement = services.agreement_set_status(
                acting_user=request.user, agreement=agreement, **form.cleaned_data
            )
        except ValidationError as refused:
            error = " ".join(refused.messages)
        except EditConflict as conflict:
            if not request.htmx:
                return conflict_page(
                    request,
                    form=form,
                    stored=AgreementStatusForm(initial={"status": conflict.current.status}),
                    version=conflict.current.version,
                    title=_("Agreement status"),
                    back=agreement.case.get_absolute_url(),
                )
            # The item is redrawn as it is stored now, with what this user chose beside it.
            agreement, status = conflict.current, 409
            error = _(
                "Someone else changed this in the meantime: the status is now %(stored)s. "
                "Your choice (%(typed)s) has not been saved; choose again if it still holds."
            ) % {
                "stored": agreement.get_status_display(),
                "typed": Agreement.Status(form.cleaned_data["status"]).label,
            }
    elif form.version_missing:
        status = 422
        error = _(
            "This page is out of date, so your choice has not been saved. The status is now "
            "%(stored)s; choose again if yours still holds."
        ) % {"stored": agreement.get_status_display()}
    else:
        error = _("Choose a status.")
    case = agreement.case
    if request.htmx:
        # The error shows in the swapped item itself, next to the status it is about.
        context = {
            "agreement": agreement,
            "case": case,
            "agreement_error": error,
            "can": {"agreement": allows(case.phase, "agreement")},
        }
        return render(request, "cases/case_detail.html#agreement", context, status=status)
    if error:
        messages.error(request, error)
    return redirect(case.get_absolute_url())


@keeps_draft
def prephase_edit(request, case_id):
    case = _case_allowing(request, case_id, "prephase")
    require_sensitive(request, case)
    return handle_form(
        request,
        PrephaseForm,
        case=case,
        title=_("Pre-phase"),
        drafts=True,
        form_kwargs={"instance": Case.objects.get(pk=case.pk)},
        stored_form=lambda current: PrephaseForm(instance=current),
        save=lambda data: services.case_update_prephase(
            acting_user=request.user, case=case, **data
        ),
        done=_("Pre-phase saved."),
        once=False,
        success=case.get_absolute_url(),
    )


@keeps_draft
@saves_once
def prior_information_add(request, case_id):
    case = _case_allowing(request, case_id, "prephase")
    require_sensitive(request, case)
    return handle_form(
        request,
        PriorInformationForm,
        case=case,
        title=_("Add prior information"),
        drafts=True,
        save=lambda data: services.prior_information_add(
            acting_user=request.user, case=case, **data
        ),
        done=_("Prior information added."),
        success=case.get_absolute_url(),
    )


@keeps_draft
@saves_once
def sensitive_detail_add(request, case_id):
    case = case_for_form(request, case_id)
    require_sensitive(request, case)
    if not case.is_open:
        raise Http404
    return handle_form(
        request,
        SensitiveDetailForm,
        case=case,
        title=_("Record shielded details"),
        intro=_("Only the case's worker and the team leads can read these details."),
        drafts=True,
        save=lambda data: services.sensitive_detail_add(
            acting_user=request.user, case=case, **data
        ),
        done=_("Shielded details recorded."),
        success=case.get_absolute_url(),
    )


@keeps_draft
def plan_edit(request, case_id):
    case = _case_allowing(request, case_id, "plan")
    return handle_form(
        request,
        PlanForm,
        case=case,
        title=_("Trajectory plan"),
        drafts=True,
        form_kwargs={"instance": Case.objects.get(pk=case.pk)},
        stored_form=lambda current: PlanForm(instance=current),
        save=lambda data: services.case_update_plan(acting_user=request.user, case=case, **data),
        done=_("Plan saved."),
        once=False,
        success=case.get_absolute_url(),
    )


@keeps_draft
@saves_once
def event_correct(request, event_id):
    event = get_for_user(
        request,
        TimelineEvent.objects.select_related("case"),
        event_id,
        action=Action.CHANGE if request.method == "POST" else Action.READ,
    )
    case = event.case
    if event.kind in TimelineEvent.SHIELDED_KINDS:
        require_sensitive(request, case)
    return handle_form(
        request,
        CorrectionForm,
        case=case,
        title=_("Correct a timeline entry"),
        drafts=True,
        intro=describe(event).title,
        save=lambda data: services.timeline_correct(
            acting_user=request.user, event=event, text=data["text"]
        ),
        done=_("Correction added."),
        success=case.get_absolute_url(),
    )
