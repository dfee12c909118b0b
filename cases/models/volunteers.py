"""The team's catalogue of volunteer services (the study's *vrijwillige hulpdienst*, `002`
l.1353-1375), the log of its changes, and the requests for a service on a case. The catalogue
holds no client data; a request does (it is part of the case)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import Case, CaseScoped, TeamScoped
from outreach.models import Team


class VolunteerService(TeamScoped):
    """A service the volunteers offer, in the team's catalogue (per team, like the directory of
    partner organisations). Marked no longer offered rather than deleted: requests keep it."""

    access_client_id = None

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="volunteer_services")
    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("what it offers"), max_length=300, blank=True)
    active = models.BooleanField(_("still offered"), default=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "name"], name="volunteer_service_unique_team_name"
            )
        ]
        verbose_name = _("volunteer service")
        verbose_name_plural = _("volunteer services")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("volunteer_service_detail", args=[self.pk])


class VolunteerServiceChange(models.Model):
    """Who changed what in the catalogue, and when."""

    class Action(models.TextChoices):
        CREATED = "created", _("added")
        CHANGED = "changed", _("changed")

    service = models.ForeignKey(VolunteerService, on_delete=models.CASCADE, related_name="changes")
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=10, choices=Action.choices)
    fields = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def field_labels(self):
        return [str(VolunteerService._meta.get_field(name).verbose_name) for name in self.fields]


class VolunteerRequest(CaseScoped):
    """A volunteer service asked for a client. Its status moves forward only
    (cases.services.volunteers.MOVES); matching happens in the network app, which puts the
    volunteer on the map."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        WAITING = "waiting", _("on the waiting list")
        MATCHED = "matched", _("matched")
        STOPPED = "stopped", _("stopped")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="volunteer_requests")
    service = models.ForeignKey(VolunteerService, on_delete=models.PROTECT, related_name="requests")
    requested_on = models.DateField(_("requested on"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    status_on = models.DateField(_("status since"))
    volunteer_name = models.CharField(_("volunteer's name or alias"), max_length=80, blank=True)
    matched_on = models.DateField(_("matched on"), null=True, blank=True)
    stop_reason = models.CharField(_("reason"), max_length=300, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-requested_on", "-id"]
        indexes = [
            models.Index(fields=["service", "status"]),
            models.Index(fields=["case", "status"]),
        ]
        verbose_name = _("volunteer request")

    def __str__(self):
        return f"{self.service} ({self.get_status_display()})"

    @property
    def is_waiting(self):
        return self.status in (self.Status.REQUESTED, self.Status.WAITING)
