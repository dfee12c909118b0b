"""The one table of the organisation's figures: the page, the CSV and the yearly report all
print these rows, so they cannot tell different stories."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from figures.selectors import Figure


@dataclass
class Row:
    section: str
    label: str
    figures: list  # one Figure per column: the teams, then the total
    heading: bool = False
    names: list = field(default_factory=list)  # the columns' names: a cell's label on a phone

    @property
    def cells(self):
        """(column name, figure) per column."""
        return list(zip(self.names, self.figures, strict=True))


def _row(section, label, figures, of):
    columns = figures.columns
    return Row(section, label, [of(c) for c in columns], names=[c.name for c in columns])


def figure_rows(figures):
    rows = []
    signals = _("Signals")
    rows.append(_row(signals, _("Signals received"), figures, lambda c: c.signals))
    for source, label in figures.sources:
        rows.append(
            _row(
                signals,
                _("from: %(source)s") % {"source": label},
                figures,
                lambda c, s=source: c.signals_by_source.get(s, Figure.count(0)),
            )
        )
    contact = _("First contact")
    rows.append(
        _row(
            contact,
            _("Days from signal to first contact (median)"),
            figures,
            lambda c: c.days_to_contact,
        )
    )
    rows.append(
        _row(
            contact,
            _("Attempts until contact (median)"),
            figures,
            lambda c: c.attempts_to_contact,
        )
    )
    cases = _("Cases")
    rows.append(_row(cases, _("Cases opened"), figures, lambda c: c.opened))
    rows.append(_row(cases, _("Cases closed"), figures, lambda c: c.closed))
    for phase, label in figures.endings:
        rows.append(
            _row(
                cases,
                _("ended as: %(ending)s") % {"ending": label},
                figures,
                lambda c, p=phase: c.endings[p],
            )
        )
    rows.append(_row(cases, _("Share referred"), figures, lambda c: c.referred_share))
    names = sorted({name for column in figures.columns for name, _f in column.referred_to})
    for name in names:
        rows.append(
            _row(
                cases,
                _("referred to: %(organisation)s") % {"organisation": name},
                figures,
                lambda c, n=name: dict(c.referred_to).get(n, Figure.count(0)),
            )
        )
    load = _("Caseload (now)")
    rows.append(_row(load, _("Workers with open cases"), figures, lambda c: Figure(c.workers, 0)))
    rows.append(_row(load, _("Open cases"), figures, lambda c: c.open_cases))
    rows.append(_row(load, _("Open cases per worker (mean)"), figures, lambda c: c.caseload_mean))
    rows.append(_row(load, _("Open cases per worker (highest)"), figures, lambda c: c.caseload_max))
    zrm = _("ZRM outcomes (cases closed)")
    for index, domain in enumerate(figures.total.zrm):
        of = lambda c, i=index: c.zrm[i]  # noqa: E731
        rows.append(
            _row(
                zrm,
                _("%(domain)s: cases with begin and end") % {"domain": domain.domain},
                figures,
                lambda c, of=of: of(c).cases,
            )
        )
        rows.append(_row(zrm, _("mean at begin"), figures, lambda c, of=of: of(c).mean_begin))
        rows.append(_row(zrm, _("mean at end"), figures, lambda c, of=of: of(c).mean_end))
        rows.append(_row(zrm, _("share improved"), figures, lambda c, of=of: of(c).improved))
    network = _("Network activation (cases closed)")
    rows.append(
        _row(
            network,
            _("Cases with a begin and end network"),
            figures,
            lambda c: c.network_cases,
        )
    )
    rows.append(
        _row(
            network,
            _("Change in informal supporters (mean)"),
            figures,
            lambda c: c.network_supporters,
        )
    )
    rows.append(
        _row(
            network,
            _("Change in kinds of support covered (mean)"),
            figures,
            lambda c: c.network_kinds,
        )
    )
    rows.append(
        _row(
            network,
            _("Ending with an overloaded supporter"),
            figures,
            lambda c: c.network_overloaded,
        )
    )
    return rows


def sections(rows):
    """The rows grouped by section, in order: [(section, [rows])]."""
    grouped = []
    for row in rows:
        if not grouped or grouped[-1][0] != row.section:
            grouped.append((row.section, []))
        grouped[-1][1].append(row)
    return grouped


def csv_rows(figures, rows):
    header = [_("Section"), _("Figure"), *[str(c.name) for c in figures.columns]]
    body = [[str(r.section), str(r.label), *[f.display for f in r.figures]] for r in rows]
    return header, body
