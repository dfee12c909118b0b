"""The yearly report for the funder: the organisation's figures over a calendar year as a PDF
(through outreach.pdf.render_pdf) and as CSV, from the same rows (figures.table), with the
definitions as an appendix. bench/yearly_report.py times it at scale."""

from datetime import date

from django.conf import settings
from django.template.loader import render_to_string

from figures.definitions import definitions
from figures.selectors import SMALL_LABEL, organisation_figures
from figures.table import csv_rows, figure_rows, sections
from outreach import clock
from outreach.pdf import render_pdf


def year_figures(year):
    return organisation_figures(date(year, 1, 1), date(year, 12, 31))


def report_pdf(year, figures=None):
    figures = figures or year_figures(year)
    html = render_to_string(
        "figures/report.html",
        {
            "year": year,
            "figures": figures,
            "sections": sections(figure_rows(figures)),
            "definitions": definitions(),
            "organisation": settings.ORGANISATION_NAME,
            "made_on": clock.today(),
            "small": SMALL_LABEL,
        },
    )
    return render_pdf(html)


def report_csv_rows(year, figures=None):
    figures = figures or year_figures(year)
    return csv_rows(figures, figure_rows(figures))
