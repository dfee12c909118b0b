"""Case meetings: the team's meetings, planning one, its page with the agenda, recording it and
each case's discussion, and putting a case on the agenda from the case page. Everyone in the team;
another team's meeting or agenda item is a logged 404 (outreach.access)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases import services
from cases.access import case_for_form
from cases.forms.meetings import (
    AgendaItemForm,
    CaseDiscussionForm,
    MeetingPlanForm,
    MeetingRecordForm,
)
from cases.models import AgendaItem, CaseMeeting
from cases.selectors import meeting_agenda
from outreach.access import (
    Action,
    current_membership_or_404,
    get_for_user,
    log_records,
)
from outreach.drafts import keeps_draft
from outreach.form_flow import handle_form
from outreach.paging import LIST_PAGE_SIZE
from outreach.submissions import saves_once


def _meeting(request, meeting_id, *, change=False):
    return get_for_user(
        request,
        CaseMeeting.objects.select_related("team"),
        meeting_id,
        action=Action.CHANGE if change and request.method == "POST" else Action.READ,
    )


def _item(request, item_id, *, change=True):
    return get_for_user(
        request,
        AgendaItem.objects.select_related("case__client", "case__team", "meeting"),
        item_id,
        action=Action.CHANGE if change and request.method == "POST" else Action.READ,
    )


def meeting_list(request):
    """The current team's meetings, the coming ones first."""
    team = current_membership_or_404(request).team
    meetings = (
        CaseMeeting.objects.filter(team=team)
        .annotate(item_count=Count("items"))
        .order_by("-status", "-planned_on", "-id")  # planned before held
    )
    page = Paginator(meetings, LIST_PAGE_SIZE).get_page(request.GET.get("pagina"))
    log_records(
        request,
        action=Action.READ,
        records=page.object_list,
        record_type="cases.casemeeting",
        team=team,
    )
    return render(request, "cases/meeting_list.html", {"team": team, "page": page})


@saves_once
def meeting_plan(request):
    team = current_membership_or_404(request).team
    return handle_form(
        request,
        MeetingPlanForm,
        title=_("Plan a case meeting"),
        intro=_(
            "Cases put on the agenda while no meeting was planned go on this meeting's agenda."
        ),
        save=lambda data: services.meeting_plan(acting_user=request.user, team=team, **data),
        done=_("Meeting planned."),
        success=lambda meeting: meeting.get_absolute_url(),
        back=reverse("meeting_list"),
    )


def _agenda_context(request, meeting):
    page = Paginator(meeting_agenda(request.user, meeting), LIST_PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    log_records(
        request,
        action=Action.READ,
        records=page.object_list,
        record_type="cases.agendaitem",
        team=meeting.team,
    )
    return {"meeting": meeting, "page": page}


def meeting_detail(request, meeting_id):
    meeting = _meeting(request, meeting_id)
    context = _agenda_context(request, meeting)
    if request.htmx:
        return render(request, "cases/meeting_detail.html#agenda", context)
    if meeting.is_held:
        context.update(
            members=list(meeting.members.order_by("first_name", "last_name", "id")),
            partner_contacts=list(
                meeting.partner_contacts.select_related("partner").order_by("partner__name", "name")
            ),
        )
    return render(request, "cases/meeting_detail.html", context)


@saves_once
def meeting_record(request, meeting_id):
    meeting = _meeting(request, meeting_id, change=True)
    if meeting.is_held:
        messages.info(request, _("This meeting has already been recorded."))
        return redirect(meeting)
    return handle_form(
        request,
        MeetingRecordForm,
        title=_("Record the meeting: %(meeting)s") % {"meeting": meeting},
        form_kwargs={"meeting": meeting},
        save=lambda data: services.meeting_record(
            acting_user=request.user, meeting=meeting, **data
        ),
        done=_("Meeting recorded. Now record what was concluded per case."),
        success=meeting.get_absolute_url(),
        back=meeting.get_absolute_url(),
    )


@keeps_draft
@saves_once
def agenda_item_add(request, case_id):
    case = case_for_form(request, case_id)
    if not case.is_open:
        raise Http404
    return handle_form(
        request,
        AgendaItemForm,
        case=case,
        title=_("Put on the agenda of a case meeting"),
        form_kwargs={"team": case.team},
        drafts=True,
        save=lambda data: services.agenda_item_add(acting_user=request.user, case=case, **data),
        done=_("The case is on the agenda."),
        success=case.get_absolute_url(),
    )


@require_POST
def agenda_item_remove(request, item_id):
    item = _item(request, item_id)
    meeting = item.meeting
    try:
        services.agenda_item_remove(acting_user=request.user, item=item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Taken off the agenda."))
    if meeting is None:
        return redirect(item.case)
    if request.htmx:
        return render(
            request, "cases/meeting_detail.html#agenda", _agenda_context(request, meeting)
        )
    return redirect(meeting)


@keeps_draft
@saves_once
def case_discussion(request, item_id):
    item = _item(request, item_id)
    if item.meeting is None:
        raise Http404
    meeting = item.meeting
    return handle_form(
        request,
        CaseDiscussionForm,
        case=item.case,
        title=_("Discussion in %(meeting)s") % {"meeting": meeting},
        intro=_("Question: %(question)s") % {"question": item.question},
        drafts=True,
        save=lambda data: services.case_discussion_record(
            acting_user=request.user,
            item=item,
            consent=data["consent"],
            consent_detail=data["consent_detail"],
            conclusions=data["conclusions"],
            decisions=data["decisions"],
        ),
        done=_("Discussion recorded."),
        success=meeting.get_absolute_url(),
    )
