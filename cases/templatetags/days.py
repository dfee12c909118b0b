"""Days in the words a worker uses: "vandaag", "gisteren", "3 dagen geleden"; never "0 dagen
geleden"."""

from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def days_ago(days):
    """A number of whole days ago (None: never) in words."""
    if days is None:
        return _("none yet")
    if days == 0:
        return _("today")
    if days == 1:
        return _("yesterday")
    return ngettext("%(days)s day ago", "%(days)s days ago", days) % {"days": days}


@register.simple_tag
def day_name(day, today):
    """A day near today as a worker says it: vandaag, gisteren, morgen, else weekday and date."""
    offset = (day - today).days
    words = {0: _("today"), -1: _("yesterday"), 1: _("tomorrow")}
    if offset in words:
        return words[offset]
    return date_format(day, "l j F") if abs(offset) < 7 else date_format(day, "SHORT_DATE_FORMAT")
