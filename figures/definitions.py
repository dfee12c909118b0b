"""What each figure means, from the source data: the report's appendix and the page's notes."""

from django.utils.translation import gettext_lazy as _

from figures.selectors import SMALL_COUNT


def definitions():
    """(term, definition) pairs, translated now."""
    return [
        (
            _("Period"),
            _(
                "All dates are calendar days in Dutch time, the first and last day of the period "
                "included."
            ),
        ),
        (
            _("Signals received"),
            _(
                "Signals with their date of receipt in the period, by the source the worker "
                "recorded. A signal taken into a deleted case is not counted."
            ),
        ),
        (
            _("Days from signal to first contact"),
            _(
                "For the cases opened in the period: the days from the earliest signal of the "
                "case to the first contact attempt recorded as 'contact made'. The median; cases "
                "without contact yet are not counted."
            ),
        ),
        (
            _("Attempts until contact"),
            _(
                "For the same cases: the number of recorded contact attempts up to and including "
                "the first that made contact. The median."
            ),
        ),
        (
            _("Cases opened and closed"),
            _(
                "Cases with their opening date, or their closing date, in the period. How a "
                "case ended is the phase it was closed in: closed, referred, not suitable, "
                "client refuses."
            ),
        ),
        (
            _("Share referred, and to whom"),
            _(
                "Of the cases closed in the period, the share closed as referred; the organisation "
                "as the worker typed it, spaces and capitals evened out."
            ),
        ),
        (
            _("Caseload"),
            _(
                "Open cases per worker on the day the figures are made, over the workers who have "
                "open cases; not for a past period."
            ),
        ),
        (
            _("ZRM outcomes"),
            _(
                "For the cases closed in the period with a final begin and end assessment on the "
                "current matrix: per domain the mean score at begin and end and the share whose "
                "score went up."
            ),
        ),
        (
            _("Network activation"),
            _(
                "For the cases closed in the period with a begin and an end snapshot of the "
                "network: the mean change in informal supporters and in kinds of support covered. "
                "A case whose begin network was not mapped is left out of the means."
            ),
        ),
        (
            _("Small numbers"),
            _(
                "A figure that counts, or is computed from, fewer than %(n)d clients is shown as "
                "'< %(n)d': small numbers can identify people. Zero is shown as 0."
            )
            % {"n": SMALL_COUNT},
        ),
    ]
