from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases.access import case_for_form, case_for_user, volunteer_request_for_form
from cases.forms.volunteers import VolunteerMatchForm
from network import guide, services
from network.drawing import drawing
from network.forms import (
    BeginNetworkForm,
    InterviewForm,
    MemberEditForm,
    MemberForm,
    SnapshotForm,
)
from network.measures import activation, is_new_network, network_measures, new_network
from network.models import NetworkMember
from network.selectors import (
    begin_and_end,
    case_snapshots,
    current_begin,
    interview_side_by_side,
    is_on_map,
    live_members,
    recordable_begin,
    snapshot_measures,
    team_network_interim,
    team_network_summary,
)
from outreach.access import Action, get_for_user, log_access, team_for_lead
from outreach.form_flow import conflict_page, form_asked_for, form_query, handle_form
from outreach.forms import PeriodForm, apply_service_errors
from outreach.submissions import saves_once, saving_once
from outreach.versioning import EditConflict

# ?formulier=persoon: the tab with its add-a-person form open. The form (nineteen fields) is
# rendered only when asked for (outreach.form_flow.form_asked_for).
MEMBER_FORM = "persoon"


def _map_context(case, user, form=None, snapshots=None):
    """The map with its form if it is shown (else the section loads it when opened), and the
    begin network still to record if any: it is offered by the map, since whether the map has
    people changes what recording it means."""
    members, as_dicts = live_members(case)
    begin = current_begin(case, snapshots)
    if begin is not None and not begin.begin_not_mapped:
        begin_ids = {m["id"] for m in begin.members}
        for member, as_dict in zip(members, as_dicts, strict=True):
            member.is_new_network = is_new_network(as_dict, begin_ids)
    return {
        "case": case,
        "members": members,
        "worker_on_map": is_on_map(user, members),
        "drawing": drawing(as_dicts),
        "measures": network_measures(as_dicts),
        "form": form,
        "form_query": form_query(MEMBER_FORM),
        "begin_to_record": recordable_begin(case, snapshots) if case.is_open else None,
    }


def _page_context(case, user, form=None):
    """The whole tab: the map and the snapshots (read once, for both)."""
    snapshots = list(case_snapshots(case))
    context = _map_context(case, user, form, snapshots)
    context["snapshots"] = snapshots
    context["snapshot_form"] = SnapshotForm()
    return context


def case_network(request, case_id):
    """The case's network tab: the drawing, the members beside it, the measures, snapshots;
    with ?formulier=persoon the form to add a person (htmx: only the form)."""
    case = case_for_user(request, case_id)
    wants_form = form_asked_for(request, MEMBER_FORM) and case.is_open
    form = MemberForm(case=case) if wants_form else None
    if wants_form and request.htmx:
        return render(
            request, "network/case_network.html#member-form", {"case": case, "form": form}
        )
    context = _page_context(case, request.user, form)
    context["form_open"] = wants_form
    return render(request, "network/case_network.html", context)


@require_POST
@saves_once
def member_add(request, case_id):
    case = case_for_user(request, case_id, action=Action.CHANGE)
    form = MemberForm(request.POST, case=case)
    if form.is_valid():
        data = dict(form.cleaned_data)
        agreements = data.pop("agreements")
        try:
            with saving_once(request) as claim:
                services.member_add(
                    acting_user=request.user, case=case, agreements=agreements, **data
                )
                claim.saved_at(reverse("network_case", args=[case.pk]))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            form = None
    if request.htmx:
        # The drawing, table and measures redraw together; a fresh form after a success.
        return render(
            request,
            "network/case_network.html#network-body",
            _map_context(case, request.user, form or MemberForm(case=case)),
        )
    if form is None:
        return redirect("network_case", case.pk)
    return render(request, "network/case_network.html", _page_context(case, request.user, form))


def member_edit(request, member_id):
    writing = request.method == "POST"
    member = get_for_user(
        request,
        NetworkMember.objects.select_related("case__client"),
        member_id,
        action=Action.CHANGE if writing else Action.READ,
    )
    # On a POST the form validates a copy, so the service compares against the stored member.
    instance = NetworkMember.objects.get(pk=member.pk) if writing else member
    form = MemberEditForm(request.POST if writing else None, instance=instance, case=member.case)
    if writing and form.is_valid():
        data = dict(form.cleaned_data)
        agreements = data.pop("agreements")
        try:
            services.member_update(
                acting_user=request.user, member=member, agreements=agreements, **data
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        except EditConflict as conflict:
            return conflict_page(
                request,
                form=form,
                stored=MemberEditForm(instance=conflict.current, case=member.case),
                version=conflict.current.version,
                title=member.name,
                back=reverse("network_case", args=[member.case_id]),
            )
        else:
            messages.success(request, _("Saved."))
            return redirect("network_case", member.case_id)
    return render(
        request, "network/member_edit.html", {"form": form, "member": member, "case": member.case}
    )


@require_POST
def member_remove(request, member_id):
    member = get_for_user(
        request, NetworkMember.objects.select_related("case"), member_id, action=Action.CHANGE
    )
    try:
        services.member_remove(acting_user=request.user, member=member)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("network_case", member.case_id)


@saves_once
def interview(request, case_id):
    writing = request.method == "POST"
    case = case_for_form(request, case_id)
    answers = dict(
        case.interview_answers.filter(guide_version=guide.version()).values_list(
            "question", "answer"
        )
    )
    form = InterviewForm(request.POST if writing else None, answers=answers)
    if writing and form.is_valid():
        try:
            with saving_once(request) as claim:
                added = services.interview_save(
                    acting_user=request.user, case=case, answers=form.answers(), named=form.named()
                )
                claim.saved_at(reverse("network_case", args=[case.pk]))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, _("Interview saved; %(n)s people added to the map.") % {"n": len(added)}
            )
            return redirect("network_case", case.pk)
    return render(request, "network/interview.html", {"form": form, "case": case})


@require_POST
@saves_once
def snapshot_take(request, case_id):
    case = case_for_user(request, case_id, action=Action.CHANGE)
    form = SnapshotForm(request.POST)
    if form.is_valid():
        try:
            with saving_once(request) as claim:
                services.snapshot_take(
                    acting_user=request.user,
                    case=case,
                    kind="manual",
                    label=form.cleaned_data["label"],
                )
                claim.saved_at(reverse("network_case", args=[case.pk]))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Snapshot taken."))
    else:
        # The form sits in the page's list of snapshots; its errors come back as a message.
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect("network_case", case.pk)


@require_POST
def begin_network_record(request, case_id):
    """Record the begin network afterwards: the map as it is now replaces an empty begin
    snapshot, which stays on record."""
    case = case_for_user(request, case_id, action=Action.CHANGE)
    form = BeginNetworkForm(request.POST)
    if form.is_valid():
        try:
            services.begin_network_record(
                acting_user=request.user, case=case, empty_map=form.cleaned_data["empty_map"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Begin network recorded."))
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect("network_case", case.pk)


def snapshot_compare(request, case_id):
    """Two snapshots side by side, drawings and numbers (by default the current begin and the
    latest end). A begin snapshot of a map not yet drawn is shown, but nothing is compared."""
    case = case_for_user(request, case_id)
    snapshots = list(case.network_snapshots.all())
    by_id = {str(s.pk): s for s in snapshots}
    begin, end = begin_and_end(case)
    first = by_id.get(request.GET.get("a")) or begin or (snapshots[-1] if snapshots else None)
    second = by_id.get(request.GET.get("b")) or end or (snapshots[0] if snapshots else None)
    if first is None or second is None:
        raise Http404
    rows = appeared = resolved = ()
    if not (first.begin_not_mapped or second.begin_not_mapped):
        rows, appeared, resolved = activation(
            snapshot_measures(first),
            snapshot_measures(second),
            new_network(first.members, second.members),
        )
    return render(
        request,
        "network/compare.html",
        {
            "case": case,
            "snapshots": snapshots,
            "first": first,
            "second": second,
            "first_drawing": drawing(first.members),
            "second_drawing": drawing(second.members),
            "interview": interview_side_by_side(first, second),
            "rows": rows,
            "appeared": appeared,
            "resolved": resolved,
        },
    )


def team_network(request, team_id):
    """For team leads: how far networks were activated in the cases closed in a period, and so
    far in the trajectories still open (interim), so there is something to see from day one."""
    team = team_for_lead(request, team_id)
    today = timezone.localdate()
    form = PeriodForm(request.GET or {"start": today.replace(month=1, day=1), "end": today})
    summary = interim = None
    if form.is_valid():
        summary = team_network_summary(team, form.cleaned_data["start"], form.cleaned_data["end"])
        interim = team_network_interim(team)
        log_access(request, action=Action.READ, record_type="network.team_summary", team=team)
    template = "network/team_network.html#summary" if request.htmx else "network/team_network.html"
    return render(
        request,
        template,
        {
            "team": team,
            "form": form,
            "summary": summary,
            "interim": interim,
            "back": reverse("team_detail", args=[team.pk]),
        },
    )


@saves_once
def volunteer_match(request, request_id):
    """Match a volunteer service request with a volunteer: the request becomes matched and the
    volunteer joins the map as new network (network.services.volunteer_match)."""
    volunteer_request = volunteer_request_for_form(request, request_id)
    case = volunteer_request.case
    return handle_form(
        request,
        VolunteerMatchForm,
        title=_("Match a volunteer: %(service)s") % {"service": volunteer_request.service.name},
        intro=_("The volunteer is put on the network map as a new network member."),
        form_kwargs={"version": volunteer_request.version},
        stored_form=lambda current: VolunteerMatchForm(
            initial={"volunteer_name": current.volunteer_name, "on": current.matched_on}
        ),
        save=lambda data: services.volunteer_match(
            acting_user=request.user, volunteer_request=volunteer_request, **data
        ),
        done=_("Volunteer matched and put on the network map."),
        success=reverse("network_case", args=[case.pk]),
        back=reverse("case_volunteers", args=[case.pk]),
    )


@require_POST
@saves_once
def worker_place(request, case_id):
    """Put the worker on the case's map, marked as the outreach worker (counted nowhere)."""
    case = case_for_user(request, case_id, action=Action.CHANGE)
    try:
        with saving_once(request) as claim:
            services.worker_place(acting_user=request.user, case=case)
            claim.saved_at(reverse("network_case", args=[case.pk]))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("You are on the map, counted in no measure."))
    return redirect("network_case", case.pk)
