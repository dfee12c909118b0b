"""Meldcode trajectories: starting one on a case, its page with the five steps, recording a
step, its PDF, and the team's overview, export and terms for the leads and the
aandachtsfunctionaris. Shielded (outreach.access.may_see_meldcode): every view, print, export
and change is in the access log."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import meldcode, services
from cases.access import case_for_form, trajectory_for_user
from cases.forms import MeldcodeStepForm, MeldcodeTermsForm
from cases.selectors import (
    meldcode_of_year,
    meldcode_open,
    meldcode_reports_in,
    meldcode_terms_for,
    with_meldcode_progress,
)
from outreach import clock
from outreach.access import Action, log_access, log_records, require_meldcode, team_for_meldcode
from outreach.csvexport import csv_response
from outreach.drafts import keeps_draft
from outreach.form_flow import handle_form
from outreach.forms import apply_service_errors
from outreach.paging import LIST_PAGE_SIZE
from outreach.pdf import render_pdf
from outreach.submissions import saves_once, saving_once


@keeps_draft
@saves_once
def meldcode_start(request, case_id):
    """Start a trajectory by recording step 1, the signals."""
    case = case_for_form(request, case_id)
    require_meldcode(
        request, case, action=Action.CREATE if request.method == "POST" else Action.READ
    )
    if not case.is_open:
        raise Http404

    def save(data):
        trajectory = services.meldcode_start(acting_user=request.user, case=case, **data)
        log_access(request, action=Action.CREATE, record=trajectory)
        return trajectory

    signals = meldcode.record_kind(meldcode.SIGNALS)
    return handle_form(
        request,
        MeldcodeStepForm,
        form_kwargs={"key": meldcode.SIGNALS},
        case=case,
        title=_("Start a meldcode trajectory: step 1, %(step)s") % {"step": meldcode.text(signals)},
        intro=meldcode.text(signals["intro"]),
        drafts=True,
        save=save,
        done=_("Meldcode trajectory started."),
        success=lambda trajectory: trajectory.get_absolute_url(),
    )


def _stages(trajectory):
    """The steps of the trajectory's version in their order, each with its records; the
    question-5 check goes with step 5."""
    version = trajectory.framework_version
    records = list(trajectory.steps.select_related("recorded_by"))
    stages = []
    for step in meldcode.steps(version):
        keys = {step["key"]} | (
            {meldcode.RESULT_CHECK} if step["key"] == meldcode.DECISION else set()
        )
        stages.append(
            {
                "step": step,
                "title": meldcode.text(step),
                "records": [_shown(r, version) for r in records if r.key in keys],
            }
        )
    return stages


def _shown(record, version):
    record.title = meldcode.text(meldcode.record_kind(record.key, version))
    record.lines = meldcode.readable(record.key, record.data, version)
    record.outcome_text = meldcode.outcome_text(record.outcome, version) if record.outcome else ""
    return record


def _suggested(trajectory, stages):
    """The next step to record: the first not yet recorded, or the check of question 5."""
    if trajectory.status == trajectory.Status.HELP:
        return meldcode.RESULT_CHECK
    if not trajectory.is_open:
        return None
    return next((s["step"]["key"] for s in stages if not s["records"]), meldcode.DECISION)


def meldcode_detail(request, trajectory_id):
    trajectory = trajectory_for_user(request, trajectory_id)
    stages = _stages(trajectory)
    return render(
        request,
        "cases/meldcode_detail.html",
        {
            "trajectory": trajectory,
            "case": trajectory.case,
            "stages": stages,
            "suggested": _suggested(trajectory, stages),
            "result_check": meldcode.RESULT_CHECK,
            "check_title": meldcode.text(meldcode.record_kind(meldcode.RESULT_CHECK)),
        },
    )


@keeps_draft
@saves_once
def meldcode_step(request, trajectory_id, key):
    """Record a step (again). An htmx request gets the form alone, to open under its step."""
    action = Action.CHANGE if request.method == "POST" else Action.READ
    trajectory = trajectory_for_user(request, trajectory_id, action=action)
    version = trajectory.framework_version
    kind = meldcode.record_kind(key, version)
    if kind is None or not trajectory.is_open:
        raise Http404
    if key == meldcode.RESULT_CHECK and trajectory.status != trajectory.Status.HELP:
        raise Http404
    if request.method == "POST":
        form = MeldcodeStepForm(request.POST, key=key, version=version)
        if form.is_valid():
            try:
                with saving_once(request) as claim:
                    services.meldcode_step_record(
                        acting_user=request.user,
                        trajectory=trajectory,
                        key=key,
                        **form.cleaned_data,
                    )
                    claim.saved_at(trajectory)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, _("Step recorded."))
                return redirect(trajectory)
    else:
        form = MeldcodeStepForm(key=key, version=version)
    context = {
        "trajectory": trajectory,
        "case": trajectory.case,
        "form": form,
        "key": key,
        "title": meldcode.text(kind),
        "number": meldcode.step_number(key, version),
        "intro": meldcode.text(kind.get("intro")),
    }
    if request.htmx and request.method == "GET":
        return render(request, "cases/meldcode_step.html#step-form", context)
    return render(request, "cases/meldcode_step.html", context)


def meldcode_pdf(request, trajectory_id):
    """The trajectory for the file or a consultation: its steps, the facts apart from the
    interpretations, the weighing with answers and reasons, the decision. Logged as a print."""
    trajectory = trajectory_for_user(request, trajectory_id, action=Action.PRINT)
    html = render_to_string(
        "cases/meldcode_pdf.html",
        {
            "trajectory": trajectory,
            "case": trajectory.case,
            "stages": _stages(trajectory),
            "sources": meldcode.sources(trajectory.framework_version),
            "framework_title": meldcode.text(
                meldcode.framework(trajectory.framework_version)["title"]
            ),
            "printed_at": timezone.localtime(clock.now()),
        },
        request=request,
    )
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="meldcode-{trajectory.pk}.pdf"'
    return response


def meldcode_overview(request, team_id):
    """For the team's leads and aandachtsfunctionaris: the open trajectories with the step
    reached, the days since step 1 and the steps overdue by the team's terms; the reports of
    this year."""
    team = team_for_meldcode(request, team_id)
    today = clock.today()
    terms = meldcode_terms_for(team)
    page = Paginator(meldcode_open(team), LIST_PAGE_SIZE).get_page(request.GET.get("pagina"))
    page.object_list = with_meldcode_progress(page.object_list, terms, today)
    log_records(
        request,
        action=Action.READ,
        records=page.object_list,
        record_type="cases.meldcode_overview",
        team=team,
    )
    return render(
        request,
        "cases/meldcode_overview.html",
        {
            "team": team,
            "page": page,
            "terms": terms,
            "year": today.year,
            "reports": meldcode_reports_in(team, today.year),
        },
    )


def meldcode_export(request, team_id):
    """The year's trajectories for the yearly account, without names: no client, worker or
    case reference, only the trajectory's number and its course."""
    team = team_for_meldcode(request, team_id)
    today = clock.today()
    try:
        year = int(request.GET.get("jaar", today.year))
    except ValueError:
        year = today.year
    shown = with_meldcode_progress(meldcode_of_year(team, year), meldcode_terms_for(team), today)
    header = [
        _("trajectory"),
        _("step 1 on"),
        _("step reached"),
        _("status"),
        _("days since step 1"),
        _("steps overdue"),
        _("reported on"),
        _("ended on"),
    ]
    rows = [
        [
            t.pk,
            timezone.localdate(t.started_at).strftime("%d-%m-%Y"),
            t.step_reached,
            t.get_status_display(),
            t.days,
            ", ".join(str(number) for number, _over in t.overdue),
            t.reported_on.strftime("%d-%m-%Y") if t.reported_on else "",
            timezone.localdate(t.ended_at).strftime("%d-%m-%Y") if t.ended_at else "",
        ]
        for t in shown
    ]
    log_records(
        request, action=Action.EXPORT, records=shown, record_type="cases.meldcode_export", team=team
    )
    return csv_response(f"meldcode-{team.code}-{year}.csv", header, rows)


def meldcode_terms(request, team_id):
    team = team_for_meldcode(request, team_id)
    back = reverse("meldcode_overview", args=[team.pk])
    return handle_form(
        request,
        MeldcodeTermsForm,
        title=_("Meldcode terms"),
        intro=_(
            "Within how many days of step 1 each step should be reached, as your "
            "organisation's meldcode sets it."
        ),
        form_kwargs={"instance": meldcode_terms_for(team)},
        save=lambda data: services.meldcode_terms_set(acting_user=request.user, team=team, **data),
        done=_("Terms saved."),
        once=False,
        success=back,
        back=back,
    )
