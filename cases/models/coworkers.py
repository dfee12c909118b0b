"""The people on a case besides its assigned worker: a second worker, an intern, or cover during
an absence, each for a period (cases.services.coworkers). A co-worker sees the case on their
home page and in their week while they are on it; the case's shielded parts stay closed to them
unless a lead of the team grants access (outreach.access.may_see_sensitive)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import Case, CaseScoped


class CoworkerQuerySet(models.QuerySet):
    def current(self, today):
        """On the case now: started, not past its end date, and not ended by hand."""
        return self.filter(ended_at__isnull=True, starts_on__lte=today).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=today)
        )

    def current_or_planned(self, today):
        """What the case page lists: on the case now, or starting later."""
        return self.filter(ended_at__isnull=True).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=today)
        )


class CaseCoworker(CaseScoped):
    """A worker of the case's team on the case for a period, with a role."""

    class Role(models.TextChoices):
        SECOND = "second", _("second worker")
        INTERN = "intern", _("intern")
        COVER = "cover", _("cover during absence")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="coworkers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="coworking",
        verbose_name=_("worker"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    # A lead of the case's team may open the shielded parts to the co-worker
    # (cases.services.coworker_grant_access); it holds while they are on the case.
    access_granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    access_granted_at = models.DateTimeField(null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = CoworkerQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "id"]
        indexes = [
            models.Index(fields=["user", "ended_at", "starts_on"]),
            models.Index(fields=["case", "ended_at"]),
        ]
        verbose_name = _("co-worker")
        verbose_name_plural = _("co-workers")

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"

    @property
    def has_access(self):
        return self.access_granted_at is not None
