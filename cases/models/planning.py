"""Planned visits and the worker's calendar feed of them (cases.week, cases.calendar)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import Case, CaseScoped, ContactMoment


class PlannedVisit(CaseScoped):
    """A visit planned with the client: a day, perhaps a time and a place. *Mijn week* lists it
    until a contact is logged on or after that day (cases.services.contact_log); the worker's
    calendar feed shows it without anything that names the client."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="planned_visits")
    kind = models.CharField(
        _("type"),
        max_length=12,
        choices=[c for c in ContactMoment.Kind.choices if c[0] != ContactMoment.Kind.FAILED],
        default=ContactMoment.Kind.HOME_VISIT,
    )
    planned_on = models.DateField(_("date"))
    at = models.TimeField(_("time"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    done_at = models.DateTimeField(null=True, blank=True, editable=False)
    planned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["planned_on", "at", "id"]
        indexes = [models.Index(fields=["case", "done_at", "planned_on"])]
        verbose_name = _("planned visit")
        verbose_name_plural = _("planned visits")

    def __str__(self):
        return f"{self.case_id} {self.planned_on:%Y-%m-%d}"


class CalendarFeed(models.Model):
    """The secret address of a worker's calendar feed of planned visits. Renewing replaces the
    token, so the old address stops working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return str(self.user)
