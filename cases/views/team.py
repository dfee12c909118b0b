"""The team lead's pages: the overview, a worker's cases with reassignment, CSV exports and the
team's attention thresholds. Only the team's leads: a worker of the team gets a 403 with an
explanation, anyone else a 404 (outreach.access.team_for_lead)."""

from urllib.parse import parse_qs, urlsplit

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from cases import services
from cases.attention import attention_cases, attention_rows, policy_for, with_details
from cases.forms import ReassignForm, TeamPolicyForm
from cases.models import Case
from cases.phases import CLOSED_PHASES
from cases.referrals import REFERRAL_WINDOW_DAYS, referral_figures
from cases.selectors import coming_meetings, waiting_agenda, waiting_signals
from cases.team import (
    CASELOAD_SORTS,
    DECIDE_WITHIN_WORKING_DAYS,
    PHASE_GROUPS,
    RECENT_DAYS,
    VOLUNTEER_WAIT_WINDOW_DAYS,
    signal_figures,
    signal_sources,
    time_in_phase,
    volunteer_waits,
    worker_caseloads,
)
from outreach.access import Action, log_records, team_for_lead
from outreach.csvexport import csv_response
from outreach.form_flow import handle_form
from outreach.forms import apply_service_errors
from outreach.models import User
from outreach.paging import LIST_PAGE_SIZE, LONG_LIST_PAGE_SIZE
from outreach.submissions import saves_once, saving_once

# The team page shows the agendas of this many coming case meetings.
COMING_MEETINGS_SHOWN = 2


def team_detail(request, team_id):
    team = team_for_lead(request, team_id)
    sort = request.GET.get("sorteer", "name")
    attention = Paginator(attention_rows(team), LIST_PAGE_SIZE).get_page(request.GET.get("pagina"))
    attention.object_list = with_details(attention.object_list)
    phase_times, long_open = time_in_phase(team)
    meetings = coming_meetings(team, COMING_MEETINGS_SHOWN)
    waiting = list(waiting_agenda(team))
    log_records(
        request,
        action=Action.READ,
        records=[*attention.object_list, *(i for m in meetings for i in m.agenda), *waiting],
        record_type="cases.team_overview",
        team=team,
    )
    return render(
        request,
        "cases/team_detail.html",
        {
            "team": team,
            "sort": sort if sort in CASELOAD_SORTS else "name",
            "loads": worker_caseloads(team, sort=sort),
            "groups": PHASE_GROUPS,
            "page": attention,
            "phase_times": phase_times,
            "long_open": long_open,
            "signals": waiting_signals(team)[:10],
            "signal_figures": signal_figures(team),
            "recent_days": RECENT_DAYS,
            "decide_within": DECIDE_WITHIN_WORKING_DAYS,
            "sources": signal_sources(team),
            "policy": policy_for(team),
            "referrals": referral_figures(team),
            "referral_days": REFERRAL_WINDOW_DAYS,
            "meetings": meetings,
            "waiting_agenda": waiting,
            "volunteer_waits": volunteer_waits(team),
            "volunteer_wait_days": VOLUNTEER_WAIT_WINDOW_DAYS,
        },
    )


def team_worker(request, team_id, user_id):
    """A worker's open cases in this team, to review and reassign."""
    team = team_for_lead(request, team_id)
    return _worker_page(
        request, team, user_id, ReassignForm(team=team), back=request.get_full_path()
    )


def _worker_page(request, team, user_id, form, *, back):
    worker = User.objects.filter(pk=user_id).first()
    cases = (
        Case.objects.filter(team=team, assigned_worker_id=user_id)
        .exclude(phase__in=CLOSED_PHASES)
        .select_related("client")
        .order_by("follow_up_on", "id")
    )
    if worker is None or not (team.memberships.filter(user=worker).exists() or cases.exists()):
        raise Http404
    page = Paginator(cases, LONG_LIST_PAGE_SIZE).get_page(
        parse_qs(urlsplit(back).query).get("pagina", [None])[0]
    )
    log_records(
        request,
        action=Action.READ,
        records=page.object_list,
        record_type="cases.case_list",
        team=team,
    )
    return render(
        request,
        "cases/team_worker.html",
        {
            "team": team,
            "worker": worker,
            "page": page,
            "form": form,
            "back": back,
            "chosen": {str(pk) for pk in form["cases"].value() or []},
        },
    )


def _worker_of(team, back):
    """The worker whose page of this team `back` is, or None."""
    try:
        match = resolve(urlsplit(back).path)
    except Resolver404:
        return None
    if match.url_name == "team_worker" and match.kwargs["team_id"] == team.pk:
        return match.kwargs["user_id"]
    return None


@require_POST
@saves_once
def team_reassign(request, team_id):
    team = team_for_lead(request, team_id)
    form = ReassignForm(request.POST, team=team)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = reverse("team_detail", args=[team.pk])
    if form.is_valid():
        try:
            with saving_once(request) as claim:
                moved = services.case_reassign(
                    acting_user=request.user,
                    team=team,
                    cases=form.cleaned_data["cases"],
                    to_worker=form.cleaned_data["to_worker"],
                    reason=form.cleaned_data["reason"],
                )
                claim.saved_at(back)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            if moved:
                log_records(request, action=Action.CHANGE, records=moved, record_type="cases.case")
            messages.success(
                request,
                ngettext(
                    "%(n)s case reassigned to %(worker)s.",
                    "%(n)s cases reassigned to %(worker)s.",
                    len(moved),
                )
                % {"n": len(moved), "worker": form.cleaned_data["to_worker"]},
            )
            return redirect(back)
    worker_id = _worker_of(team, back)
    if worker_id is not None:
        # The worker page again, the errors next to their fields and the ticks kept.
        return _worker_page(request, team, worker_id, form, back=back)
    for field, errors in form.errors.items():
        for error in errors:
            messages.error(
                request, error if field == "__all__" else f"{form[field].label}: {error}"
            )
    return redirect(back)


def team_policy(request, team_id):
    team = team_for_lead(request, team_id)
    policy = policy_for(team)
    return handle_form(
        request,
        TeamPolicyForm,
        title=_("Attention thresholds"),
        form_kwargs={"instance": policy},
        save=lambda data: services.team_policy_set(acting_user=request.user, team=team, **data),
        done=_("Thresholds saved."),
        once=False,
        success=reverse("team_detail", args=[team.pk]),
        back=reverse("team_detail", args=[team.pk]),
    )


def team_export(request, team_id, what):
    team = team_for_lead(request, team_id)
    today = timezone.localdate()
    if what == "caseload":
        header = [
            _("worker"),
            *[str(label) for _g, label, _p in PHASE_GROUPS],
            _("open"),
            _("opened in %(days)s days") % {"days": RECENT_DAYS},
            _("closed in %(days)s days") % {"days": RECENT_DAYS},
        ]
        rows = [
            [
                str(r.worker),
                *[r.counts[g] for g, _l, _p in PHASE_GROUPS],
                r.open,
                r.opened_90,
                r.closed_90,
            ]
            for r in worker_caseloads(team)
        ]
    elif what == "aandacht":
        shown = attention_cases(team)
        header = [_("reference"), _("client"), _("worker"), _("phase"), _("reason"), _("days")]
        rows = [
            [
                case.reference,
                str(case.client),
                str(case.assigned_worker),
                case.get_phase_display(),
                str(rule.label),
                days if days is not None else "",
            ]
            for case in shown
            for rule, days in case.reasons
        ]
    else:
        raise Http404
    # The attention list names clients: one row per client exported.
    log_records(
        request,
        action=Action.EXPORT,
        records=shown if what == "aandacht" else [],
        record_type=f"cases.team_{what}",
        team=team,
    )
    return csv_response(f"{what}-{team.code}-{today:%Y%m%d}.csv", header, rows)
