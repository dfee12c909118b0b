"""The team's snelteksten: phrases a worker inserts into a contact's note with one tap
(docs/cases.md#phrases). The team's leads edit the list; not client data."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import TeamScoped
from outreach.models import Team

PHRASE_MAX_LENGTH = 80


class NotePhrase(TeamScoped):
    """One phrase in the team's list, shown as a chip above the contact's note while active.
    Who last changed it, and when, is kept on the row."""

    # The phrases hold no client data.
    access_client_id = None

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="note_phrases")
    text = models.CharField(_("phrase"), max_length=PHRASE_MAX_LENGTH)
    position = models.PositiveIntegerField(default=0)
    active = models.BooleanField(
        _("shown in the contact form"),
        default=True,
        help_text=_("Switch it off to hide the phrase without losing it."),
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["team", "active", "position"])]
        verbose_name = _("phrase")
        verbose_name_plural = _("phrases")

    def __str__(self):
        return self.text
