from datetime import date

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from figures.access import manager_required
from figures.definitions import definitions
from figures.forms import FiguresPeriodForm
from figures.report import report_csv_rows, report_pdf
from figures.selectors import SMALL_LABEL, organisation_figures
from figures.table import csv_rows, figure_rows, sections
from outreach import clock
from outreach.access import Action, log_access
from outreach.csvexport import csv_response

# The yearly report goes back this many years from the current one.
REPORT_YEARS = 5


def _report_year(year):
    this_year = clock.today().year
    if not this_year - REPORT_YEARS < year <= this_year:
        raise Http404
    return year


@manager_required
def organisation(request):
    """For managers: the figures of every team and in total over a period; no client data at
    all. CSV of the same table on request."""
    today = clock.today()
    # Without a chosen period: this calendar year so far.
    form = FiguresPeriodForm(request.GET or {"start": date(today.year, 1, 1), "end": today})
    figures = rows = csv_url = None
    if form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        figures = organisation_figures(start, end)
        rows = figure_rows(figures)
        if request.GET.get("formaat") == "csv":
            log_access(request, action=Action.EXPORT, record_type="figures.organisation")
            header, body = csv_rows(figures, rows)
            return csv_response(f"cijfers-{start}-{end}.csv", header, body)
        log_access(request, action=Action.READ, record_type="figures.organisation")
        csv_url = (
            f"{reverse('organisation_figures')}?"
            f"{urlencode({'start': start, 'end': end, 'formaat': 'csv'})}"
        )
    return render(
        request,
        "figures/organisation.html",
        {
            "form": form,
            "figures": figures,
            "sections": sections(rows) if rows else [],
            "csv_url": csv_url,
            "definitions": definitions(),
            "small": SMALL_LABEL,
            "report_years": range(today.year, today.year - REPORT_YEARS, -1),
        },
    )


@manager_required
def yearly_report_pdf(request, year):
    year = _report_year(year)
    log_access(request, action=Action.PRINT, record_type="figures.yearly_report", record_id=year)
    response = HttpResponse(report_pdf(year), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="jaarverslag-{year}.pdf"'
    return response


@manager_required
def yearly_report_csv(request, year):
    year = _report_year(year)
    log_access(request, action=Action.EXPORT, record_type="figures.yearly_report", record_id=year)
    header, body = report_csv_rows(year)
    return csv_response(f"jaarverslag-{year}.csv", header, body)
