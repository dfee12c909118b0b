"""The one clock of the services: every write that stamps a time or checks a date against today
asks `now()` or `today()` here.

Development data (devdata) writes years of case history through the same services by setting
the moment they record (`set_moment`), so seeding needs no patching; nothing in the product sets
it. Tests that fake the time use time-machine, which moves timezone.now() and so this clock."""

from contextvars import ContextVar

from django.utils import timezone

_moment = ContextVar("outreach_clock_moment", default=None)


def now():
    return _moment.get() or timezone.now()


def today():
    return timezone.localdate(now())


def set_moment(moment):
    """From here on the services record at `moment` (an aware datetime); None: the real time."""
    _moment.set(moment)
