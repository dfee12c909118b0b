"""Volunteer services: the team's catalogue (everyone in the team reads it, leads and
administrators change it) and the requests on a case. Matching a volunteer is the network app's
view (network.views.volunteer_match), because it puts the volunteer on the map."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cases import services
from cases.access import case_for_user, volunteer_request_for_form
from cases.forms.volunteers import (
    VolunteerRequestForm,
    VolunteerServiceEditForm,
    VolunteerServiceForm,
    VolunteerStatusForm,
)
from cases.models import VolunteerService
from cases.services.volunteers import STUDY_CATALOGUE, may_edit_catalogue
from outreach.access import Action, current_membership_or_404, get_for_user
from outreach.form_flow import handle_form
from outreach.forms import apply_service_errors
from outreach.paging import LIST_PAGE_SIZE
from outreach.submissions import saves_once, saving_once

# The catalogue's changes shown on a service's page, newest first.
CHANGES_SHOWN = 20
EDIT_REFUSED = gettext_lazy("Only a team lead or an administrator can change the catalogue.")


def _service(request, service_id, *, edit=False):
    service = get_for_user(
        request,
        VolunteerService.objects.select_related("team"),
        service_id,
        action=Action.CHANGE if edit and request.method == "POST" else Action.READ,
    )
    if edit and not may_edit_catalogue(request.user, service.team_id):
        raise PermissionDenied(EDIT_REFUSED)
    return service


def _editor_team(request):
    team = current_membership_or_404(request).team
    if not may_edit_catalogue(request.user, team):
        raise PermissionDenied(EDIT_REFUSED)
    return team


def volunteer_service_list(request):
    team = current_membership_or_404(request).team
    services_ = VolunteerService.objects.filter(team=team).order_by("-active", "name", "id")
    page = Paginator(services_, LIST_PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "cases/volunteer_service_list.html",
        {
            "team": team,
            "page": page,
            "can_edit": may_edit_catalogue(request.user, team),
            "study_catalogue": [name for name, _description in STUDY_CATALOGUE],
        },
    )


@require_POST
def volunteer_catalogue_seed(request):
    team = _editor_team(request)
    added = services.volunteer_catalogue_seed(acting_user=request.user, team=team)
    messages.success(request, _("%(n)s services of the practice study added.") % {"n": len(added)})
    return redirect("volunteer_service_list")


@saves_once
def volunteer_service_create(request):
    team = _editor_team(request)
    return handle_form(
        request,
        VolunteerServiceForm,
        title=_("Add a volunteer service"),
        save=lambda data: services.volunteer_service_create(
            acting_user=request.user, team=team, **data
        ),
        done=_("Service added to the catalogue."),
        success=lambda service: service.get_absolute_url(),
        back=reverse("volunteer_service_list"),
    )


def volunteer_service_detail(request, service_id):
    service = _service(request, service_id)
    return render(
        request,
        "cases/volunteer_service_detail.html",
        {
            "service": service,
            "changes": service.changes.select_related("by")[:CHANGES_SHOWN],
            "can_edit": may_edit_catalogue(request.user, service.team_id),
        },
    )


def volunteer_service_edit(request, service_id):
    service = _service(request, service_id, edit=True)
    return handle_form(
        request,
        VolunteerServiceEditForm,
        title=_("Change %(name)s") % {"name": service.name},
        form_kwargs={"instance": VolunteerService.objects.get(pk=service.pk)},
        stored_form=lambda current: VolunteerServiceEditForm(instance=current),
        save=lambda data: services.volunteer_service_update(
            acting_user=request.user, service=service, **data
        ),
        done=_("Saved."),
        once=False,
        success=service.get_absolute_url(),
        back=service.get_absolute_url(),
    )


def _case_context(case, form=None):
    return {
        "case": case,
        "requests": case.volunteer_requests.select_related("service", "network_member").order_by(
            "-requested_on", "-id"
        ),
        "form": form or VolunteerRequestForm(case=case),
    }


def case_volunteers(request, case_id):
    """The case's volunteer requests, with the form to ask for one."""
    case = case_for_user(request, case_id)
    return render(request, "cases/case_volunteers.html", _case_context(case))


@require_POST
@saves_once
def volunteer_request_add(request, case_id):
    case = case_for_user(request, case_id, action=Action.CHANGE)
    form = VolunteerRequestForm(request.POST, case=case)
    if form.is_valid():
        try:
            with saving_once(request) as claim:
                services.volunteer_request_add(
                    acting_user=request.user, case=case, **form.cleaned_data
                )
                claim.saved_at(reverse("case_volunteers", args=[case.pk]))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            form = None
    if request.htmx:
        return render(
            request, "cases/case_volunteers.html#volunteer-requests", _case_context(case, form)
        )
    if form is None:
        return redirect("case_volunteers", case.pk)
    return render(request, "cases/case_volunteers.html", _case_context(case, form))


def volunteer_request_status(request, request_id):
    """The waiting list, or stopping with a reason."""
    volunteer_request = volunteer_request_for_form(request, request_id)
    case = volunteer_request.case
    back = reverse("case_volunteers", args=[case.pk])
    return handle_form(
        request,
        VolunteerStatusForm,
        title=_("Status of %(service)s") % {"service": volunteer_request.service.name},
        intro=_("Now: %(status)s.") % {"status": volunteer_request.get_status_display()},
        form_kwargs={"version": volunteer_request.version},
        stored_form=lambda current: VolunteerStatusForm(
            initial={"status": current.status, "on": current.status_on}
        ),
        save=lambda data: services.volunteer_request_status_set(
            acting_user=request.user, request=volunteer_request, **data
        ),
        done=_("Status saved."),
        once=False,
        success=back,
        back=back,
    )
