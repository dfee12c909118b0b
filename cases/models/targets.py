"""A team's yearly closing target (the practice study: about 700 cases a year, later 1,200).
One row per team and year, so a past year stays measured against the target it had
(cases/team_year.py); a year without a row has no target."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outreach.models import Team

YEARLY_TARGET_MAX = 100_000
YEARLY_TARGET_MESSAGE = _("Give a number of cases from 1 to 100000, or leave it empty.")


class TeamYearTarget(models.Model):
    """The number of cases the team's lead means to close in one calendar year. Who set it,
    and when, is kept on the row."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="year_targets")
    year = models.PositiveSmallIntegerField(_("year"))
    target = models.PositiveIntegerField(
        _("cases to close in the year (target)"),
        validators=[
            MinValueValidator(1, message=YEARLY_TARGET_MESSAGE),
            MaxValueValidator(YEARLY_TARGET_MAX, message=YEARLY_TARGET_MESSAGE),
        ],
    )
    set_at = models.DateTimeField(default=timezone.now)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "year"], name="team_year_target_unique")
        ]
        verbose_name = _("yearly target")
        verbose_name_plural = _("yearly targets")

    def __str__(self):
        return f"{self.team} {self.year}: {self.target}"
