"""The people on a case: adding a co-worker (second worker, intern, cover), ending it, and a
lead opening or closing the shielded parts to them (cases.services.coworkers). The section on
the case page is the partial `people` of cases/case_detail.html."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases import services
from cases.access import case_for_form
from cases.forms.coworkers import CoworkerForm
from cases.models import CaseCoworker
from cases.selectors import case_people
from cases.services.coworkers import (
    MAY_ARRANGE_REFUSED,
    MAY_GRANT_REFUSED,
    may_arrange,
    may_grant,
)
from outreach import clock
from outreach.access import Action, Result, get_for_user, log_access, visible_to
from outreach.form_flow import handle_form
from outreach.submissions import saves_once


def people_context(request, case):
    """What the section "Mensen op deze casus" shows and offers this user."""
    return {
        "case": case,
        "today": clock.today(),
        "people": case_people(case, clock.today()),
        "can_arrange": case.is_open and may_arrange(request.user, case),
        "can_grant": case.is_open and may_grant(request.user, case),
    }


def _refuse(request, record, reason):
    log_access(request, action=Action.CHANGE, record=record, result=Result.DENIED)
    raise PermissionDenied(reason)


@saves_once
def coworker_add(request, case_id):
    case = case_for_form(request, case_id)
    if not case.is_open:
        raise Http404
    if not may_arrange(request.user, case):
        _refuse(request, case, MAY_ARRANGE_REFUSED)
    return handle_form(
        request,
        CoworkerForm,
        form_kwargs={"case": case},
        case=case,
        title=_("Add someone to this case"),
        intro=_(
            "A second worker, an intern or cover during an absence sees this case on their home "
            "page and in their week while they are on it. The shielded parts stay closed to "
            "them unless a team lead opens them."
        ),
        save=lambda data: services.coworker_add(acting_user=request.user, case=case, **data),
        done=_("Added to the case."),
        success=f"{case.get_absolute_url()}#people",
    )


def _coworker_for(request, coworker_id, allowed, refusal):
    """The co-worker row, if this user may change it: another team's is a logged 404, a
    colleague without the right a logged 403."""
    queryset = CaseCoworker.objects.select_related(
        "case__client", "case__assigned_worker", "case__team", "user"
    )
    coworker = visible_to(request.user, queryset).filter(pk=coworker_id).first()
    if coworker is None:
        return get_for_user(request, queryset, coworker_id, action=Action.CHANGE)  # a logged 404
    if not allowed(request.user, coworker.case):
        _refuse(request, coworker, refusal)
    log_access(request, action=Action.CHANGE, record=coworker)
    return coworker


def _answer(request, coworker, write, done):
    """Run the service; answer htmx with the section redrawn, a plain post with the case page."""
    case = coworker.case
    try:
        write(acting_user=request.user, coworker=coworker)
    except ValidationError as refused:
        error, status = " ".join(refused.messages), 422
    else:
        error, status = None, 200
    if request.htmx:
        context = people_context(request, case) | {"people_error": error, "people_done": done}
        return render(request, "cases/case_detail.html#people", context, status=status)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, done)
    return redirect(f"{case.get_absolute_url()}#people")


@require_POST
def coworker_end(request, coworker_id):
    coworker = _coworker_for(request, coworker_id, may_arrange, MAY_ARRANGE_REFUSED)
    return _answer(
        request,
        coworker,
        services.coworker_end,
        _("%(worker)s is no longer on the case.") % {"worker": coworker.user},
    )


@require_POST
def coworker_access(request, coworker_id):
    """A lead opens (`access=grant`) or closes (`access=revoke`) the shielded parts to them."""
    coworker = _coworker_for(request, coworker_id, may_grant, MAY_GRANT_REFUSED)
    if request.POST.get("access") == "grant":
        write = services.coworker_grant_access
        done = _("%(worker)s may now see the shielded parts.")
    else:
        write = services.coworker_revoke_access
        done = _("%(worker)s may no longer see the shielded parts.")
    return _answer(request, coworker, write, done % {"worker": coworker.user})
