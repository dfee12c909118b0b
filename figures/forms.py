from django.utils.translation import gettext_lazy as _

from outreach.forms import PeriodForm


class FiguresPeriodForm(PeriodForm):
    """The period of the organisation's figures: signals received, cases opened and closed in it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start"].label = _("from")
