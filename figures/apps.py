from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    """Organisation-wide figures for managers and the yearly report: above zrm, because it pools
    the figures of cases, network and zrm, and none of them should know about the others'."""

    name = "figures"
    verbose_name = _("Organisation figures")
