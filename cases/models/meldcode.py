"""The meldcode's records on a case (docs/meldcode.md): the team's terms, the trajectories and
their steps."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import POLICY_DAYS, Case, CaseScoped
from outreach.models import Team


class MeldcodeTerms(models.Model):
    """The team's own terms for the meldcode: within how many days of step 1 each later step
    should be reached. The organisation sets them in its meldcode; a team without a row uses
    the defaults (docs/meldcode.md)."""

    team = models.OneToOneField(
        Team, on_delete=models.CASCADE, primary_key=True, related_name="meldcode_terms"
    )
    step2_days = models.PositiveSmallIntegerField(
        _("step 2 (consultation) within … days"), default=5, validators=POLICY_DAYS
    )
    step3_days = models.PositiveSmallIntegerField(
        _("step 3 (conversation) within … days"), default=10, validators=POLICY_DAYS
    )
    step4_days = models.PositiveSmallIntegerField(
        _("step 4 (weighing) within … days"), default=15, validators=POLICY_DAYS
    )
    step5_days = models.PositiveSmallIntegerField(
        _("step 5 (decision) within … days"), default=20, validators=POLICY_DAYS
    )

    def __str__(self):
        return str(self.team)

    def days_for(self, number):
        return getattr(self, f"step{number}_days", None)


class MeldcodeTrajectory(CaseScoped):
    """One walk through the meldcode on a case (cases/meldcode). Shielded: only those who may
    see it (outreach.access.may_see_meldcode) read its steps; the rest of the team sees that it
    exists. The step reached, the status and the dates are kept up to date by
    cases.services.meldcode, so the overview and the attention list need no scan of the steps."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        HELP = "help", _("help offered, question 5 to check")
        REPORTED = "reported", _("reported to Veilig Thuis")
        CLOSED = "closed", _("closed")

    OPEN_STATUSES = frozenset({Status.OPEN, Status.HELP})

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="meldcode_trajectories")
    # The version of cases/meldcode's data the trajectory follows.
    framework_version = models.CharField(_("meldcode version"), max_length=10)
    started_at = models.DateTimeField(_("step 1 on"), default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    step_reached = models.PositiveSmallIntegerField(_("step reached"), default=1)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    reported_on = models.DateField(_("reported on"), null=True, blank=True)
    check_on = models.DateField(_("check question 5 on"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    class Meta:
        ordering = ["started_at", "id"]
        indexes = [
            models.Index(fields=["case", "status"]),
            models.Index(fields=["status", "check_on"]),
        ]
        verbose_name = _("meldcode trajectory")
        verbose_name_plural = _("meldcode trajectories")

    def __str__(self):
        return f"{self.case_id} {self.started_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("meldcode_detail", args=[self.pk])

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES


class MeldcodeStep(models.Model):
    """One recording of a step (or of the later check of question 5), with who and when. A step
    can be recorded again as things change; nothing is edited. `data` holds the fields the
    framework's version defines for it (cases/meldcode), dates as ISO text."""

    trajectory = models.ForeignKey(
        MeldcodeTrajectory, on_delete=models.CASCADE, related_name="steps"
    )
    key = models.CharField(_("step"), max_length=20)
    number = models.PositiveSmallIntegerField(_("step number"))
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    data = models.JSONField(_("what was recorded"), default=dict)
    # Where the weighing's answers led (close, report, help), for a weighing or a check.
    outcome = models.CharField(_("outcome"), max_length=10, blank=True)

    access_team_lookup = "trajectory__case__team"
    access_live_lookup = "trajectory__case__deleted_at"

    class Meta:
        ordering = ["recorded_at", "id"]
        verbose_name = _("meldcode step")
        verbose_name_plural = _("meldcode steps")

    def __str__(self):
        return f"{self.trajectory_id} {self.key}"

    @property
    def access_team_id(self):
        return self.trajectory.case.team_id

    @property
    def access_client_id(self):
        return self.trajectory.case.client_id
