"""The team's year page: cases closed against the lead's target, how they ended and where the
referred ones went (cases/team_year.py), as a page and as CSV. Only the team's leads
(outreach.access.team_for_lead). Counts only: no client is named. The lead sets each year's
target on a page of its own."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from cases import services
from cases.forms.team_year import TeamYearForm, TeamYearTargetForm
from cases.team_year import team_year_figures, team_years, year_target
from outreach import clock
from outreach.access import Action, log_access, team_for_lead
from outreach.csvexport import csv_response
from outreach.form_flow import handle_form


def _year_form(request, team, today):
    """The year asked for (?jaar=), this year without one, from the years the team has."""
    return TeamYearForm(request.GET or {"jaar": today.year}, years=team_years(team, today))


def team_year(request, team_id):
    team = team_for_lead(request, team_id)
    today = clock.today()
    form = _year_form(request, team, today)
    # A year not in the list keeps its message by the field; the page shows this year.
    year = form.cleaned_data["jaar"] if form.is_valid() else today.year
    log_access(request, action=Action.READ, record_type="cases.team_year", team=team)
    template = "cases/team_year.html#figures" if request.htmx else "cases/team_year.html"
    return render(
        request,
        template,
        {
            "team": team,
            "form": form,
            "figures": team_year_figures(team, year, today=today),
            "back": reverse("team_detail", args=[team.pk]),
        },
    )


def team_year_target(request, team_id, year):
    team = team_for_lead(request, team_id)
    # A year the year page does not offer has no target to set.
    if year not in team_years(team, clock.today()):
        raise Http404
    figures = f"{reverse('team_year', args=[team.pk])}?jaar={year}"
    return handle_form(
        request,
        TeamYearTargetForm,
        title=_("Target for %(year)s") % {"year": year},
        form_kwargs={"initial": {"target": year_target(team, year)}},
        save=lambda data: services.team_year_target_set(
            acting_user=request.user, team=team, year=year, target=data["target"]
        ),
        done=_("Target saved."),
        once=False,
        success=figures,
        back=figures,
    )


def team_year_export(request, team_id):
    team = team_for_lead(request, team_id)
    today = clock.today()
    # Without a year this year's; a year not in the list is not found.
    form = _year_form(request, team, today)
    if not form.is_valid():
        raise Http404
    figures = team_year_figures(team, form.cleaned_data["jaar"], today=today)
    header = [_("part"), _("what"), _("cases")]
    rows = [
        [_("year"), str(figures.year), ""],
        [_("target"), _("cases to close"), figures.target or ""],
        [_("closed"), _("all exits"), figures.closed],
        *[[_("ended as"), phase.label, n] for phase, n in figures.exits],
        [_("referred"), _("all organisations"), figures.referred],
        *[[_("referred to"), name, n] for name, n in figures.organisations],
    ]
    log_access(request, action=Action.EXPORT, record_type="cases.team_year", team=team)
    return csv_response(f"jaarcijfers-{team.code}-{figures.year}.csv", header, rows)
