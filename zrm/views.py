from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.access import case_for_form, case_for_user
from outreach import clock
from outreach.access import Action, get_for_user, log_access, team_for_lead
from outreach.csvexport import csv_response
from outreach.form_flow import conflict_page, conflict_rows, form_asked_for, form_query, handle_form
from outreach.forms import PeriodForm, apply_service_errors
from outreach.submissions import saves_once
from outreach.versioning import EditConflict
from zrm import services
from zrm.forms import AssessmentStartForm, CorrectionForm, ScoresForm, TargetsForm
from zrm.models import ZrmAssessment, ZrmScore
from zrm.network_story import network_story
from zrm.report import NothingToReport, report_pdf
from zrm.selectors import (
    case_comparison,
    radar,
    superseded_ids,
    team_outcomes,
    trajectory_matrix,
)

# ?formulier=meting: the tab with the form to start an assessment open. The form is rendered only
# when asked for (outreach.form_flow.form_asked_for).
START_FORM = "meting"


def _start_initial():
    return {"assessed_on": clock.today()}


def _assessment(request, assessment_id, action=Action.READ):
    return get_for_user(
        request,
        ZrmAssessment.objects.select_related(
            "case__client", "case__team", "matrix", "assessor", "corrects"
        ).prefetch_related(
            Prefetch("scores", queryset=ZrmScore.objects.select_related("domain")),
            "scores__domain__descriptors",
        ),
        assessment_id,
        action=action,
    )


def case_zrm(request, case_id):
    """The case's ZRM tab: assessments, begin versus end with the chart, and the targets; with
    ?formulier=meting the form to start an assessment (htmx: only the form)."""
    case = case_for_user(request, case_id)
    wants_form = form_asked_for(request, START_FORM) and case.is_open
    start_form = AssessmentStartForm(initial=_start_initial()) if wants_form else None
    if wants_form and request.htmx:
        return render(
            request, "zrm/case_zrm.html#start-form", {"case": case, "start_form": start_form}
        )
    assessments, current, comparison, targets = case_comparison(case)
    return render(
        request,
        "zrm/case_zrm.html",
        {
            "case": case,
            "assessments": assessments,
            "superseded": superseded_ids(assessments),
            "comparison": comparison,
            "chart": radar(comparison),
            "network": network_story(case, comparison),
            "matrix": trajectory_matrix(case, assessments),
            "start_form": start_form,
            "form_query": form_query(START_FORM),
        },
    )


@saves_once
def assessment_start(request, case_id):
    case = case_for_form(request, case_id)
    return handle_form(
        request,
        AssessmentStartForm,
        form_kwargs={"initial": _start_initial()},
        save=lambda cleaned: services.assessment_start(
            acting_user=request.user, case=case, **cleaned
        ),
        success=lambda assessment: reverse("zrm_assessment", args=[assessment.pk]),
        title=_("New ZRM assessment"),
        case=case,
    )


def assessment(request, assessment_id):
    """Fill in a draft, saved as you go with htmx; finalise it. A finalised one is shown as is."""
    writing = request.method == "POST"
    assessment = _assessment(request, assessment_id, Action.CHANGE if writing else Action.READ)
    data = request.POST if writing else None
    if writing and request.htmx:
        # An autosave saves the draft and never finalises. htmx sends the form's last pressed
        # submit button with it, so an autosave queued behind another when Finalise is pressed
        # would be checked as a finalise (a split not yet adding up refused) and say "not saved";
        # the finalise itself follows it (js/autosave.js).
        data = data.copy()
        data.pop("action", None)
    form = ScoresForm(data, assessment=assessment)
    # The version the page carries from here on: the stored one once this post has saved.
    version = form["expected_version"].value()
    saved = None
    if writing and form.is_valid():
        try:
            saved = services.assessment_score(
                acting_user=request.user,
                assessment=assessment,
                scores=form.scores(),
                expected_version=form.cleaned_data["expected_version"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        except EditConflict as conflict:
            stored = ScoresForm(assessment=conflict.current)
            if request.htmx:
                return render(
                    request,
                    "zrm/assessment.html#save-status",
                    {"conflict": True, "version": version},
                    status=409,
                )
            if conflict_rows(form, stored):
                return conflict_page(
                    request,
                    form=form,
                    stored=stored,
                    version=conflict.current.version,
                    title=str(assessment),
                    back=reverse("zrm_assessment", args=[assessment.pk]),
                    template="zrm/assessment_conflict.html",
                )
            # The page's own last autosave got there first: what it sends is what is stored.
            saved = conflict.current
    if saved is not None:
        version = saved.version
        if request.htmx:
            # The new version goes back into the form with the status line.
            return render(
                request,
                "zrm/assessment.html#save-status",
                {"saved_at": timezone.localtime(), "version": version},
            )
        try:
            return _saved(request, assessment, form)
        except ValidationError as error:
            # Saved, but not finalised: the page goes on from the version now stored.
            apply_service_errors(form, error)
    if request.htmx and writing:
        return render(
            request,
            "zrm/assessment.html#save-status",
            {"save_failed": True, "version": version, "refusals": form.non_field_errors()},
            status=422,
        )
    return render(
        request,
        "zrm/assessment.html",
        {
            "assessment": assessment,
            "case": assessment.case,
            "form": form,
            "version": version,
        },
    )


def _saved(request, assessment, form):
    """After a draft is saved without htmx: finalise it if asked, else back to the draft."""
    if request.POST.get("action") == "finalise":
        services.assessment_finalise(
            acting_user=request.user, assessment=assessment, **form.finalise_options()
        )
        messages.success(request, _("The assessment is finalised."))
        return redirect("zrm_case", assessment.case_id)
    messages.success(request, _("Draft saved."))
    return redirect("zrm_assessment", assessment.pk)


@saves_once
def assessment_correct(request, assessment_id):
    writing = request.method == "POST"
    assessment = _assessment(request, assessment_id, Action.CHANGE if writing else Action.READ)
    return handle_form(
        request,
        CorrectionForm,
        save=lambda cleaned: services.assessment_correct(
            acting_user=request.user, assessment=assessment, reason=cleaned["reason"]
        ),
        success=lambda correction: reverse("zrm_assessment", args=[correction.pk]),
        title=_("Correct a ZRM assessment"),
        case=assessment.case,
        intro=str(assessment),
    )


@saves_once
def targets(request, case_id):
    case = case_for_form(request, case_id)
    matrix = trajectory_matrix(case)
    return handle_form(
        request,
        TargetsForm,
        form_kwargs={"domains": matrix.domains.all(), "targets": case.zrm_targets.all()},
        save=lambda cleaned: services.targets_set(
            acting_user=request.user, case=case, levels=cleaned["levels"]
        ),
        success=reverse("zrm_case", args=[case.pk]),
        title=_("ZRM targets"),
        done=_("Targets saved."),
        case=case,
        intro=_("The level per domain that the client and you aim for, agreed in the contract."),
    )


def report(request, case_id):
    case = case_for_user(request, case_id)
    try:
        pdf = report_pdf(case)
    except NothingToReport:
        messages.error(request, _("There is no finalised assessment to report on yet."))
        return redirect("zrm_case", case.pk)
    log_access(request, action=Action.PRINT, record=case)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="zrm-{case.reference}.pdf"'
    return response


def team_zrm(request, team_id):
    """For team leads: outcomes per domain of one ZRM version over the cases closed in a period,
    beside the interim result of the open trajectories; a choice of version when the team's
    cases use more than one; CSV on request. The team page loads the table with htmx."""
    team = team_for_lead(request, team_id)
    today = timezone.localdate()
    # Without a chosen period: this calendar year so far.
    period = request.GET or {"start": today.replace(month=1, day=1), "end": today}
    form = PeriodForm(period)
    outcomes = csv_url = None
    if form.is_valid():
        outcomes = team_outcomes(
            team,
            form.cleaned_data["start"],
            form.cleaned_data["end"],
            matrix_key=request.GET.get("versie"),
        )
        if request.GET.get("formaat") == "csv":
            log_access(request, action=Action.EXPORT, record_type="zrm.team_outcomes", team=team)
            return _outcomes_csv(team, form.cleaned_data, outcomes)
        log_access(request, action=Action.READ, record_type="zrm.team_outcomes", team=team)
        query = urlencode(
            {
                "start": form.cleaned_data["start"],
                "end": form.cleaned_data["end"],
                "versie": outcomes.matrix.key,
                "formaat": "csv",
            }
        )
        csv_url = f"{reverse('zrm_team', args=[team.pk])}?{query}"
    template = "zrm/team_zrm.html#outcomes" if request.htmx else "zrm/team_zrm.html"
    return render(
        request,
        template,
        {"team": team, "form": form, "outcomes": outcomes, "csv_url": csv_url},
    )


def _outcome_rows(table):
    return [
        [
            str(row.domain),
            row.cases,
            _decimal(row.mean_begin),
            _decimal(row.mean_end),
            _share(row.improved),
            _share(row.same),
            _share(row.worse),
            _decimal(row.help_begin),
            _decimal(row.help_end),
        ]
        for row in table.rows
    ]


def _outcomes_csv(team, period, outcomes):
    span = f"{period['start']:%Y%m%d}-{period['end']:%Y%m%d}"
    header = [
        _("domain"),
        _("cases"),
        _("mean begin"),
        _("mean end"),
        _("improved"),
        _("same"),
        _("worse"),
        _("professional help at the begin (%)"),
        _("professional help at the end (%)"),
    ]
    rows = _outcome_rows(outcomes.closed_table)
    rows += [
        [],
        [_("closed cases"), outcomes.closed],
        [_("without an end assessment"), outcomes.without_end],
        [_("ZRM version"), outcomes.matrix.key],
        [],
        [_("open trajectories: begin versus the latest evaluation (interim)")],
        *_outcome_rows(outcomes.interim_table),
    ]
    return csv_response(f"zrm-{team.code}-{outcomes.matrix.key}-{span}.csv", header, rows)


def _decimal(value):
    # Already rounded by the selector; Dutch Excel reads a decimal comma.
    return "" if value is None else str(value).replace(".", ",")


def _share(value):
    return "" if value is None else f"{value:.0%}"
