"""Case meetings (Baken 6, integraal werken): the team's intake meeting, case consultations with
partners, the LZN and LTHG, and round tables with the client and their network. A meeting has an
agenda of cases; what the meeting concluded about a case, and what the client consented to share,
is recorded per case (AgendaItem). Rules in cases/services/meetings.py."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import Case, CaseScoped, TeamScoped
from cases.models.partners import PartnerContact
from outreach import clock
from outreach.models import Team


class CaseMeetingQuerySet(models.QuerySet):
    def coming(self, team):
        """The team's planned meetings of today or later, the first first."""
        return self.filter(
            team=team, status=CaseMeeting.Status.PLANNED, planned_on__gte=clock.today()
        ).order_by("planned_on", "id")


class CaseMeeting(TeamScoped):
    """A meeting of the team, planned and then held. It names its participants; the cases it
    discusses are its agenda items. Its notes are about the meeting, not about a client."""

    # A meeting is about several clients; what it says about one is in that case's agenda item.
    access_client_id = None

    class Kind(models.TextChoices):
        INTAKE = "intake", _("integral intake meeting")
        CONSULTATION = "consultation", _("case consultation with partners")
        LZN = "lzn", _("Lokaal Zorgnetwerk (LZN)")
        LTHG = "lthg", _("Lokaal Team Huiselijk Geweld (LTHG)")
        ROUND_TABLE = "round_table", _("round table with the client and network")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="case_meetings")
    kind = models.CharField(_("kind of meeting"), max_length=20, choices=Kind.choices)
    planned_on = models.DateField(_("date"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    held_on = models.DateField(_("held on"), null=True, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("team members")
    )
    partner_contacts = models.ManyToManyField(
        PartnerContact, blank=True, related_name="meetings", verbose_name=_("partner contacts")
    )
    client_present = models.BooleanField(_("the client took part"), default=False)
    others = models.CharField(_("others present"), max_length=300, blank=True)
    notes = models.TextField(_("notes on the meeting"), max_length=4000, blank=True)
    planned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = CaseMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-planned_on", "-id"]
        indexes = [models.Index(fields=["team", "status", "planned_on"])]
        verbose_name = _("case meeting")
        verbose_name_plural = _("case meetings")

    def __str__(self):
        return f"{self.get_kind_display()}, {self.day:%d-%m-%Y}"

    def get_absolute_url(self):
        return reverse("meeting_detail", args=[self.pk])

    @property
    def day(self):
        return self.held_on or self.planned_on

    @property
    def is_held(self):
        return self.status == self.Status.HELD


class AgendaItem(CaseScoped):
    """A case on the agenda of a meeting, with the worker's question; `meeting` is empty while
    the team has no meeting planned (the next meeting planned takes it). Once discussed, it holds
    what the client consented to share, the conclusions, and (through the agreements it made) the
    decisions. Without consent the case was discussed anonymised, and the record says so."""

    class Consent(models.TextChoices):
        YES = "yes", _("yes")
        PARTLY = "partly", _("partly")
        NO = "no", _("no: discussed anonymised")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="agenda_items")
    meeting = models.ForeignKey(
        CaseMeeting, on_delete=models.PROTECT, null=True, blank=True, related_name="items"
    )
    question = models.CharField(_("question or reason"), max_length=500)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)
    consent = models.CharField(
        _("the client consented to share"), max_length=10, choices=Consent.choices, blank=True
    )
    consent_detail = models.CharField(
        _("what may be shared, with whom"), max_length=500, blank=True
    )
    conclusions = models.TextField(_("conclusions"), max_length=4000, blank=True)
    discussed_at = models.DateTimeField(null=True, blank=True, editable=False)
    discussed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["added_at", "id"]
        indexes = [
            models.Index(fields=["case", "meeting"]),
            models.Index(fields=["meeting", "added_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "case"], name="agenda_item_unique_meeting_case"
            ),
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(meeting__isnull=True),
                name="agenda_item_one_waiting_per_case",
            ),
        ]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return f"{self.case_id}: {self.question[:60]}"

    @property
    def is_discussed(self):
        return self.discussed_at is not None

    @property
    def anonymised(self):
        return self.consent == self.Consent.NO

    @property
    def may_show_name(self):
        """The meeting page (perhaps on a screen before partners) names the client only once
        they consented to share, in full or in part; before the discussion it shows the
        reference alone."""
        return self.consent in (self.Consent.YES, self.Consent.PARTLY)
