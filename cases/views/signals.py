"""Signals: register, list the waiting ones, decide (link, new client, decline), feed back."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases import services
from cases.forms import (
    AssignForm,
    ClientForm,
    ClientSearchForm,
    ExistingClientForm,
    SignalDeclineForm,
    SignalFeedbackForm,
    SignalForm,
)
from cases.models import Signal
from cases.selectors import client_search, duplicate_candidates, waiting_signals, with_open_case
from outreach.access import (
    Action,
    current_membership_or_404,
    get_for_user,
    log_access,
    log_records,
)
from outreach.drafts import keeps_draft
from outreach.form_flow import handle_form
from outreach.forms import apply_service_errors
from outreach.paging import LIST_PAGE_SIZE
from outreach.submissions import saves_once, saving_once


def _signal(request, signal_id, *, write=False):
    return get_for_user(
        request,
        Signal.objects.select_related("case", "team", "registered_by"),
        signal_id,
        action=Action.CHANGE if write and request.method == "POST" else Action.READ,
    )


def signal_list(request):
    team = current_membership_or_404(request).team
    page = Paginator(waiting_signals(team), LIST_PAGE_SIZE).get_page(request.GET.get("pagina"))
    log_records(
        request,
        action=Action.READ,
        records=page.object_list,
        record_type="cases.signal_list",
        team=team,
    )
    return render(request, "cases/signal_list.html", {"team": team, "page": page})


@keeps_draft
@saves_once
def signal_create(request):
    team = current_membership_or_404(request).team

    def save(data):
        signal = services.signal_register(acting_user=request.user, team=team, **data)
        log_access(request, action=Action.CREATE, record=signal)
        return signal

    return handle_form(
        request,
        SignalForm,
        form_kwargs={"team": team},
        title=_("Register a signal"),
        back=reverse("signal_list"),
        drafts=True,
        save=save,
        done=_("Signal registered."),
        success=lambda signal: signal.get_absolute_url(),
    )


def _decide_context(request, signal, *, link_form=None, search_form=None, found=None):
    # Only a waiting signal shows candidates. Matching on its name, date of birth and address is
    # a lookup: each client it shows is logged (no match shows no one, so writes no row).
    candidates = duplicate_candidates(signal) if signal.status == Signal.Status.WAITING else []
    if candidates:
        log_records(
            request,
            action=Action.SEARCH,
            records=candidates,
            record_type="cases.client",
        )
    choices = with_open_case(list(candidates) + [c for c in (found or []) if c not in candidates])
    return {
        "signal": signal,
        "feedback": signal.feedback.select_related("given_by"),
        "candidates": candidates,
        "choices": choices,
        "link_form": link_form or ExistingClientForm(team=signal.team),
        # The search starts from the name in the signal.
        "search_form": search_form or ClientSearchForm(initial={"name": signal.subject_name}),
        "searched": found is not None,
    }


def signal_detail(request, signal_id):
    signal = _signal(request, signal_id)
    return render(request, "cases/signal_detail.html", _decide_context(request, signal))


@require_POST
def signal_client_search(request, signal_id):
    """Search the team's clients to link the signal to; by POST, so no name is in a URL."""
    signal = _signal(request, signal_id)
    search_form = ClientSearchForm(request.POST)
    found = None
    if search_form.is_valid():
        found = list(
            client_search(request.user, **search_form.cleaned_data).filter(team=signal.team)[:20]
        )
        log_records(
            request,
            action=Action.SEARCH,
            records=found,
            record_type="cases.client",
            team=signal.team,
        )
    context = _decide_context(request, signal, search_form=search_form, found=found)
    template = "cases/signal_detail.html"
    return render(request, f"{template}#client-choices" if request.htmx else template, context)


@require_POST
@saves_once
def signal_link(request, signal_id):
    signal = _signal(request, signal_id, write=True)
    form = ExistingClientForm(request.POST, team=signal.team)
    if form.is_valid():
        try:
            with saving_once(request) as claim:
                case = services.signal_accept(
                    acting_user=request.user,
                    signal=signal,
                    client=form.cleaned_data["client"],
                    assigned_worker=form.cleaned_data["assigned_worker"],
                )
                claim.saved_at(case)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            log_access(request, action=Action.CHANGE, record=case)
            return redirect(case.get_absolute_url())
    chosen = getattr(form, "cleaned_data", {}).get("client")
    context = _decide_context(request, signal, link_form=form, found=[chosen] if chosen else None)
    return render(request, "cases/signal_detail.html", context)


def _client_initial(signal):
    # "Ria van Dijk": the first word is the first name; the rest keeps its tussenvoegsel.
    first, _sep, last = signal.subject_name.strip().partition(" ")
    return {
        "first_name": first,
        "last_name": last,
        "street_address": signal.subject_address,
        "postcode": signal.subject_postcode,
        "date_of_birth": signal.subject_date_of_birth,
    }


@saves_once
def signal_new_client(request, signal_id):
    """Take the signal in as a new client with a new case in phase signaal."""
    signal = _signal(request, signal_id, write=True)
    data = request.POST if request.method == "POST" else None
    client_form = ClientForm(data, initial=_client_initial(signal))
    assign_form = AssignForm(data, team=signal.team, initial={"assigned_worker": request.user})
    if data is not None and client_form.is_valid() and assign_form.is_valid():
        try:
            with saving_once(request) as claim:
                case = services.signal_accept(
                    acting_user=request.user,
                    signal=signal,
                    client_fields=client_form.cleaned_data,
                    assigned_worker=assign_form.cleaned_data["assigned_worker"],
                )
                claim.saved_at(case)
        except ValidationError as error:
            apply_service_errors(client_form, error)
        else:
            log_access(request, action=Action.CREATE, record=case)
            return redirect(case.get_absolute_url())
    return render(
        request,
        "cases/signal_new_client.html",
        {"signal": signal, "client_form": client_form, "assign_form": assign_form},
    )


@keeps_draft
@saves_once
def signal_decline(request, signal_id):
    signal = _signal(request, signal_id, write=True)
    return handle_form(
        request,
        SignalDeclineForm,
        title=_("Decline the signal"),
        drafts=True,
        back=signal.get_absolute_url(),
        save=lambda data: services.signal_decline(acting_user=request.user, signal=signal, **data),
        done=_("Signal declined."),
        success="signal_list",
    )


@keeps_draft
@saves_once
def signal_feedback(request, signal_id):
    signal = _signal(request, signal_id, write=True)
    return handle_form(
        request,
        SignalFeedbackForm,
        title=_("Feedback to the reporter"),
        back=signal.get_absolute_url(),
        drafts=True,
        save=lambda data: services.signal_feedback_record(
            acting_user=request.user, signal=signal, **data
        ),
        done=_("Feedback recorded."),
        success=signal.get_absolute_url(),
    )
