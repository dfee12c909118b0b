"""Clients, signals, cases and everything logged on a case.

Every model that holds client data is scoped to a team for the access layer (outreach.access):
`access_team_lookup`, `access_team_id`, `access_client_id`. Rules live in cases/services.py and the
phase table in cases/phases.py, not here.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.phases import CLOSED_PHASES, Phase
from outreach.choices import ChoiceLabels
from outreach.models import Team


def age_on(born, today):
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


class TeamScoped(ChoiceLabels, models.Model):
    """A record that belongs to a team directly."""

    access_team_lookup = "team"

    class Meta:
        abstract = True

    @property
    def access_team_id(self):
        return self.team_id


class Live(models.Manager):
    """Records that are not soft-deleted. The default manager of Client and Case, so every page,
    list, search, count and related list leaves deleted records out; `all_objects` (the admin,
    restore, retention) sees them too."""

    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


class SoftDeleted(models.Model):
    """Deleting is a soft delete with a reason (cases.services.client_delete / case_delete): the
    record stays, hidden, restorable by an admin until the retention purge removes it."""

    version = models.PositiveIntegerField(default=1, editable=False)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("deleted by"),
        editable=False,
    )
    deletion_reason = models.TextField(
        _("reason for deleting"), blank=True, max_length=2000, editable=False
    )

    objects = Live()
    all_objects = models.Manager()  # noqa: DJ012 (ruff reads a second manager as a field)

    class Meta:
        abstract = True

    @property
    def is_deleted(self):
        return self.deleted_at is not None


class CaseScoped(ChoiceLabels, models.Model):
    """A record that belongs to a case, and through it to a team and a client."""

    access_team_lookup = "case__team"
    # The access layer hides the records of a soft-deleted case.
    access_live_lookup = "case__deleted_at"

    class Meta:
        abstract = True

    @property
    def access_team_id(self):
        return self.case.team_id

    @property
    def access_client_id(self):
        return self.case.client_id


class Client(SoftDeleted, TeamScoped):
    """A person a team works with. Clients are per team: a person known to two teams has two
    records, so no team sees another team's file."""

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="clients")
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    street_address = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    neighbourhood = models.CharField(_("neighbourhood (wijk)"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    language = models.CharField(_("language"), max_length=60, blank=True)
    interpreter_needed = models.BooleanField(_("interpreter needed"), default=False)
    household_notes = models.TextField(_("household notes"), blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["last_name", "first_name"]
        indexes = [
            models.Index(fields=["team", "last_name"]),
            models.Index(fields=["team", "postcode"]),
            models.Index(fields=["team", "date_of_birth"]),
        ]
        verbose_name = _("client")
        verbose_name_plural = _("clients")

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    def get_absolute_url(self):
        return reverse("client_detail", args=[self.pk])

    @property
    def access_client_id(self):
        return self.pk

    def age(self, today=None):
        if self.date_of_birth is None:
            return None
        return age_on(self.date_of_birth, today or timezone.localdate())


class HouseholdMember(models.Model):
    class Relation(models.TextChoices):
        PARTNER = "partner", _("partner")
        CHILD = "child", _("child")
        PARENT = "parent", _("parent")
        OTHER = "other", _("other")

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="household")
    name = models.CharField(_("name"), max_length=100)
    relation = models.CharField(_("relation"), max_length=10, choices=Relation.choices)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)

    class Meta:
        ordering = ["date_of_birth", "name"]

    def __str__(self):
        return self.name

    def age(self):
        if self.date_of_birth is None:
            return None
        return age_on(self.date_of_birth, timezone.localdate())


class Case(SoftDeleted, TeamScoped):
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="cases")
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="cases")
    reference = models.CharField(_("reference"), max_length=20, unique=True)
    assigned_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="assigned_cases",
        verbose_name=_("worker"),
    )
    phase = models.CharField(
        _("phase"), max_length=20, choices=Phase.choices, default=Phase.SIGNAAL
    )
    phase_since = models.DateTimeField(default=timezone.now)
    opened_on = models.DateField(_("opened on"), default=timezone.localdate)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    close_reason = models.TextField(_("reason for closing"), blank=True, max_length=4000)
    referred_to = models.CharField(_("referred to"), max_length=200, blank=True)
    # The overdracht (cases.phases): to whom, why, what the client agreed to, the warm handover
    # and whether the client arrived; the check after the referral closed the case.
    referral_partner = models.ForeignKey(
        "PartnerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referred_cases",
        verbose_name=_("referred to (directory)"),
    )
    referral_contact = models.ForeignKey(
        "PartnerContact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("contact person"),
    )
    referral_reason = models.TextField(_("why referred"), blank=True, max_length=4000)
    referral_consent = models.TextField(_("what the client agreed to"), blank=True, max_length=4000)
    handover_on = models.DateField(_("warm handover on"), null=True, blank=True)
    arrival_confirmed_on = models.DateField(_("arrival confirmed on"), null=True, blank=True)
    referral_check_on = models.DateField(_("check after referral on"), null=True, blank=True)
    nazorg_until = models.DateField(_("aftercare until"), null=True, blank=True)
    # Kept up to date by the services so lists can sort and flag without scanning contacts.
    last_contact_at = models.DateTimeField(_("last contact"), null=True, blank=True)
    follow_up_on = models.DateField(_("next follow-up"), null=True, blank=True)

    # Voorfase.
    prior_info_decision = models.CharField(
        _("gather prior information?"),
        max_length=10,
        choices=[("", _("not decided")), ("yes", _("yes")), ("no", _("no"))],
        blank=True,
    )
    prior_info_reason = models.TextField(_("why"), blank=True, max_length=4000)
    prior_info_basis = models.TextField(_("on what basis"), blank=True, max_length=4000)
    suitability_analysis = models.TextField(_("suitability analysis"), blank=True, max_length=8000)
    approach_plan = models.TextField(_("strategic plan of approach"), blank=True, max_length=8000)

    # Contract and trajectory.
    contract_agreed_on = models.DateField(_("contract agreed on"), null=True, blank=True)
    trajectory_plan = models.TextField(_("trajectory plan"), blank=True, max_length=8000)
    evaluation_due_on = models.DateField(_("evaluation planned on"), null=True, blank=True)
    # Set through case_record_zrm, which the zrm app calls when it finalises an assessment.
    zrm_begin_at = models.DateTimeField(null=True, blank=True)
    zrm_end_at = models.DateTimeField(null=True, blank=True)
    no_zrm_begin_reason = models.TextField(_("why no begin ZRM"), blank=True, max_length=2000)
    no_zrm_end_reason = models.TextField(_("why no end ZRM"), blank=True, max_length=2000)

    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-opened_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["client"],
                # A deleted case does not count: restoring it checks again.
                condition=~Q(phase__in=sorted(CLOSED_PHASES)) & Q(deleted_at__isnull=True),
                name="case_one_open_case_per_client",
            )
        ]
        indexes = [
            models.Index(fields=["assigned_worker", "phase"]),
            models.Index(fields=["team", "phase"]),
            models.Index(fields=["team", "closed_on"]),
            # The few soft-deleted cases, which the team's figures leave out (cases/team.py).
            models.Index(
                fields=["team"],
                condition=models.Q(deleted_at__isnull=False),
                name="case_deleted_by_team",
            ),
        ]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self):
        return self.reference

    def get_absolute_url(self):
        return reverse("case_detail", args=[self.pk])

    @property
    def access_client_id(self):
        return self.client_id

    @property
    def is_open(self):
        return self.phase not in CLOSED_PHASES

    def days_since_last_contact(self, today=None):
        if self.last_contact_at is None:
            return None
        today = today or timezone.localdate()
        return (today - timezone.localtime(self.last_contact_at).date()).days

    def follow_up_overdue(self, today=None):
        return self.follow_up_on is not None and self.follow_up_on < (today or timezone.localdate())


class PhaseSpan(models.Model):
    """A stretch of time a case spent in one open phase, written by the phase service. The team
    page's time-in-phase figures read these instead of replaying the timeline."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="phase_spans")
    # The case's team, kept here so the team's figures need no join.
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")
    phase = models.CharField(max_length=20, choices=Phase.choices)
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["team", "ended_at"]),
            models.Index(fields=["case", "ended_at"]),
        ]

    def __str__(self):
        return f"{self.case_id} {self.phase}"


# Every threshold of a TeamPolicy is a number of days in this range.
POLICY_DAYS_MIN, POLICY_DAYS_MAX = 1, 365
POLICY_DAYS_MESSAGE = _("Give a number of days from 1 to 365.")
POLICY_DAYS = [
    MinValueValidator(POLICY_DAYS_MIN, message=POLICY_DAYS_MESSAGE),
    MaxValueValidator(POLICY_DAYS_MAX, message=POLICY_DAYS_MESSAGE),
]


class TeamPolicy(models.Model):
    """A team's thresholds for the attention list. A team without a row uses the defaults."""

    team = models.OneToOneField(
        Team, on_delete=models.CASCADE, primary_key=True, related_name="case_policy"
    )
    quiet_days_early = models.PositiveSmallIntegerField(
        _("no contact for more than … days (first contact and contract)"),
        default=14,
        validators=POLICY_DAYS,
    )
    quiet_days_trajectory = models.PositiveSmallIntegerField(
        _("no contact for more than … days (trajectory)"), default=30, validators=POLICY_DAYS
    )
    nazorg_check_days = models.PositiveSmallIntegerField(
        _("aftercare check every … days"), default=30, validators=POLICY_DAYS
    )
    voorfase_max_days = models.PositiveSmallIntegerField(
        _("pre-phase longer than … days"), default=14, validators=POLICY_DAYS
    )
    handover_confirm_days = models.PositiveSmallIntegerField(
        _("handover not confirmed … days after the warm handover"),
        default=14,
        validators=POLICY_DAYS,
    )
    referral_check_days = models.PositiveSmallIntegerField(
        _("check … days after a referral"), default=90, validators=POLICY_DAYS
    )

    def __str__(self):
        return str(self.team)


class CaseReferenceCounter(models.Model):
    """The last case number a team gave out in a year; locked while the next one is taken."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "year"], name="case_reference_counter_unique")
        ]


class Signal(TeamScoped):
    """A report of concern about someone, before anyone is registered."""

    # A signal taken into a case goes out of sight with that case when it is deleted; a waiting
    # signal has no case and stays.
    access_live_lookup = "case__deleted_at"

    class Source(models.TextChoices):
        POLICE = "police", _("police")
        LZN = "lzn", _("Lokaal Zorgnetwerk")
        LTHG = "lthg", _("Lokaal Team Huiselijk Geweld")
        GP = "gp", _("GP")
        HOUSING = "housing", _("housing corporation")
        NEIGHBOUR = "neighbour", _("neighbour")
        CARETAKER = "caretaker", _("caretaker (huismeester)")
        PASTORAL = "pastoral", _("pastoral worker")
        COMMUNITY = "community", _("community worker")
        EVEN_BUURTEN = "even_buurten", _("Even Buurten")
        CLIENT = "client", _("(former) client")
        SELF = "self", _("self-referral")
        OTHER = "other", _("other")

    class Concern(models.TextChoices):
        FINANCES = "finances", _("finances")
        HOUSING = "housing", _("housing")
        SAFETY = "safety", _("safety / domestic violence")
        MENTAL = "mental", _("mental health")
        PHYSICAL = "physical", _("physical health")
        ADDICTION = "addiction", _("addiction")
        ISOLATION = "isolation", _("isolation")
        CHILDREN = "children", _("children involved")
        OTHER = "other", _("other")

    class Urgency(models.TextChoices):
        LOW = "low", _("low")
        NORMAL = "normal", _("normal")
        HIGH = "high", _("high")
        ACUTE = "acute", _("acute")

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting for a decision")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    class DeclineReason(models.TextChoices):
        NO_CONCERN = "no_concern", _("no concern")
        OTHER_ORGANISATION = "other_org", _("another organisation is already involved")
        OUTSIDE_AREA = "outside_area", _("outside our area")
        NOT_FOUND = "not_found", _("person cannot be found")
        OTHER = "other", _("other")

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="signals")
    received_on = models.DateField(_("date received"), default=timezone.localdate)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    reporter_name = models.CharField(_("reporter's name"), max_length=100, blank=True)
    reporter_organisation = models.CharField(
        _("reporter's organisation"), max_length=100, blank=True
    )
    reporter_contact = models.CharField(_("how to reach the reporter"), max_length=200, blank=True)
    # From the team's directory; reporter_organisation is typed for a one-off.
    reporter_partner = models.ForeignKey(
        "PartnerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reporter's organisation (directory)"),
    )
    subject_name = models.CharField(_("name of the person concerned"), max_length=200, blank=True)
    subject_address = models.CharField(_("address"), max_length=200, blank=True)
    subject_postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    subject_date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    observed = models.TextField(_("what was observed"), max_length=8000)
    concerns = models.JSONField(_("concerns"), default=list, blank=True)
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WAITING
    )
    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, null=True, blank=True, related_name="signals"
    )
    decline_reason = models.CharField(
        _("reason"), max_length=20, choices=DeclineReason.choices, blank=True
    )
    decline_note = models.TextField(_("explanation"), blank=True, max_length=4000)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["received_on", "id"]
        indexes = [models.Index(fields=["team", "status", "received_on"])]
        verbose_name = _("signal")
        verbose_name_plural = _("signals")

    def __str__(self):
        return f"{self.get_source_display()} {self.received_on:%d-%m-%Y}"

    def get_absolute_url(self):
        return reverse("signal_detail", args=[self.pk])

    @property
    def access_client_id(self):
        return self.case.client_id if self.case_id else None

    def age_in_days(self, today=None):
        return ((today or timezone.localdate()) - self.received_on).days

    def concern_labels(self):
        labels = dict(self.Concern.choices)
        return [labels.get(c, c) for c in self.concerns]


class SignalFeedback(models.Model):
    """What was told back to the reporter of a signal."""

    class Consent(models.TextChoices):
        YES = "yes", _("yes")
        NO = "no", _("no")
        NOT_NEEDED = "not_needed", _("not needed (nothing about the client was shared)")

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="feedback")
    given_on = models.DateField(_("date"), default=timezone.localdate)
    shared = models.TextField(_("what was shared"), max_length=4000)
    client_consented = models.CharField(
        _("client consented to sharing"), max_length=12, choices=Consent.choices
    )
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["given_on", "id"]


class PriorInformation(CaseScoped):
    """Information gathered in the voorfase, usually without the client's knowledge."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="prior_information")
    gathered_on = models.DateField(_("date"), default=timezone.localdate)
    source = models.CharField(_("source"), max_length=200)
    content = models.TextField(_("information"), max_length=8000)
    without_client_knowledge = models.BooleanField(
        _("gathered without the client's knowledge"), default=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["gathered_on", "id"]


class SensitiveDetail(CaseScoped):
    """Justice details and domestic-violence / safety details about a case. Shielded like the
    voorfase's prior information: only the case's worker and the team's leads see the content
    (outreach.access.may_see_sensitive); the rest of the team sees that it exists."""

    class Kind(models.TextChoices):
        JUSTICE = "justice", _("justice details")
        DOMESTIC_VIOLENCE = "domestic_violence", _("domestic violence / safety")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="sensitive_details")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    recorded_on = models.DateField(_("date"), default=timezone.localdate)
    content = models.TextField(_("details"), max_length=8000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["recorded_on", "id"]
        verbose_name = _("shielded detail")
        verbose_name_plural = _("shielded details")


class ContactAttempt(CaseScoped):
    """One try at first contact. Every attempt counts ("lange adem")."""

    class Method(models.TextChoices):
        DOOR = "door", _("at the door")
        PHONE = "phone", _("phone")
        LETTER = "letter", _("letter through the door")
        VIA_NEIGHBOUR = "neighbour", _("via a neighbour")
        VIA_PARTNER = "partner", _("via a partner organisation")

    class Result(models.TextChoices):
        NOT_HOME = "not_home", _("not home")
        DOOR_NOT_OPENED = "not_opened", _("door not opened")
        REFUSED = "refused", _("refused")
        BRIEF = "brief", _("brief contact")
        CONTACT = "contact", _("contact made")

    # What counts as contact with the client, said once. The door opened to a conversation: this
    # is contact for the contract's guard (cases.phases.contact_made) and the attention list.
    CONTACT_RESULTS = frozenset({Result.CONTACT})
    # The client was seen, however briefly: this moves the case's last contact.
    SEEN_RESULTS = CONTACT_RESULTS | {Result.BRIEF}

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attempts")
    attempted_at = models.DateTimeField(_("date and time"), default=timezone.now)
    method = models.CharField(_("how"), max_length=12, choices=Method.choices)
    result = models.CharField(_("result"), max_length=12, choices=Result.choices)
    note = models.TextField(_("note"), blank=True, max_length=4000)
    observations = models.TextField(_("observations"), blank=True, max_length=8000)
    urgent_needs = models.TextField(_("most urgent needs"), blank=True, max_length=4000)
    client_problem = models.TextField(
        _("the client's own description of the problem"), blank=True, max_length=8000
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["attempted_at", "id"]
        indexes = [models.Index(fields=["case", "result"])]


class ContactMoment(CaseScoped):
    """A home visit or any other contact, logged in half a minute on a phone."""

    class Kind(models.TextChoices):
        HOME_VISIT = "home_visit", _("home visit")
        OFFICE = "office", _("at the office")
        PHONE = "phone", _("phone")
        MESSAGE = "message", _("text / e-mail")
        NETWORK = "network", _("with the network")
        PARTNER = "partner", _("with a partner organisation")
        FAILED = "failed", _("failed attempt")

    # A logged moment of any other kind is contact with the client.
    NOT_CONTACT_KINDS = frozenset({Kind.FAILED})

    class Activity(models.TextChoices):
        POST = "post", _("sorting post together")
        CALL_AGENCY = "call_agency", _("calling an agency together")
        ACCOMPANY = "accompany", _("going along to an appointment")
        LISTENING = "listening", _("listening conversation")
        FORMS = "forms", _("filling in forms")
        NETWORK = "network", _("talking with the network")
        PRACTICAL = "practical", _("practical help")

    class AgreementOutcome(models.TextChoices):
        """What became of an open agreement by this contact (checked at the next visit)."""

        DONE = "done", _("done")
        ONGOING = "ongoing", _("still going")
        FAILED = "failed", _("did not work out")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices)
    # A contact with a partner: the directory's entry (`present` names a one-off).
    partner_organisation = models.ForeignKey(
        "PartnerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partner organisation"),
    )
    occurred_at = models.DateTimeField(_("date and time"), default=timezone.now)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), null=True, blank=True
    )
    present = models.CharField(_("who was there"), max_length=300, blank=True)
    activities = models.JSONField(_("what was done"), default=list, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=10000)
    next_step = models.CharField(_("next step"), max_length=300, blank=True)
    follow_up_on = models.DateField(_("follow-up date"), null=True, blank=True)
    # [{"agreement_id", "description", "outcome"}]: the agreements checked at this contact, with
    # their text as it was, so the record stays faithful when an agreement changes later.
    agreement_outcomes = models.JSONField(_("agreements checked"), default=list, blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["occurred_at", "id"]
        indexes = [models.Index(fields=["case", "occurred_at"])]

    def activity_labels(self):
        labels = dict(self.Activity.choices)
        return [labels.get(a, a) for a in self.activities]


class Agreement(CaseScoped):
    """An agreement in the contract: what, who does it, by when, and whether it is done."""

    class Responsible(models.TextChoices):
        CLIENT = "client", _("client")
        NETWORK = "network", _("network")
        WORKER = "worker", _("worker")
        VOLUNTEER = "volunteer", _("volunteer")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="agreements")
    description = models.TextField(_("what"), max_length=2000)
    responsible = models.CharField(_("who does it"), max_length=10, choices=Responsible.choices)
    due_on = models.DateField(_("by when"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="open")
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.description[:80]


class TimelineEvent(CaseScoped):
    """One thing that happened on a case. Never edited: a correction is a new event that refers
    to the old one. `data` holds what was shown when it happened, so the timeline stays a faithful
    record even when the thing it describes changes later (an agreement's status, say)."""

    class Kind(models.TextChoices):
        SIGNAL = "signal", _("signal")
        PHASE = "phase", _("phase")
        PRIOR_INFO = "prior_info", _("prior information")
        SENSITIVE = "sensitive", _("shielded details")
        ATTEMPT = "attempt", _("contact attempt")
        CONTACT = "contact", _("contact")
        AGREEMENT = "agreement", _("agreement")
        FEEDBACK = "feedback", _("feedback to reporter")
        PLAN = "plan", _("plan")
        CLIENT = "client", _("client details")
        ASSIGNMENT = "assignment", _("assignment")
        ZRM = "zrm", _("ZRM")
        NETWORK = "network", _("network")
        PLANNED = "planned", _("planned visit")
        CORRECTION = "correction", _("correction")
        DELETION = "deletion", _("deleted or restored")
        MELDCODE = "meldcode", _("meldcode")
        MEETING = "meeting", _("case meeting")
        COWORKER = "coworker", _("people on the case")
        VOLUNTEER = "volunteer", _("volunteer service")

    # Shielded like their records (outreach.access.may_see_sensitive), corrections to them too;
    # a meldcode event by outreach.access.may_see_meldcode.
    SHIELDED_KINDS = frozenset({Kind.PRIOR_INFO, Kind.SENSITIVE, Kind.MELDCODE})

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    occurred_at = models.DateTimeField(default=timezone.now)
    recorded_at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    # Codes and the text entered, never display strings: cases/timeline.py renders them in the
    # reader's language.
    data = models.JSONField(default=dict, blank=True)
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections"
    )

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["case", "-occurred_at", "-id"]),
            models.Index(fields=["case", "kind", "-occurred_at", "-id"]),
        ]

    def __str__(self):
        return f"{self.kind} {self.occurred_at:%Y-%m-%d}"


# The models of the meldcode, planning, the partner directory, case meetings, co-workers,
# snelteksten, yearly targets and volunteer services live in modules of their own (this file
# would pass 800 lines); imported last, since they build on the models above.
from cases.models.coworkers import CaseCoworker as CaseCoworker  # noqa: E402
from cases.models.meetings import AgendaItem as AgendaItem  # noqa: E402
from cases.models.meetings import CaseMeeting as CaseMeeting  # noqa: E402
from cases.models.meldcode import MeldcodeStep as MeldcodeStep  # noqa: E402
from cases.models.meldcode import MeldcodeTerms as MeldcodeTerms  # noqa: E402
from cases.models.meldcode import MeldcodeTrajectory as MeldcodeTrajectory  # noqa: E402
from cases.models.partners import PartnerChange as PartnerChange  # noqa: E402
from cases.models.partners import PartnerContact as PartnerContact  # noqa: E402
from cases.models.partners import PartnerOrganisation as PartnerOrganisation  # noqa: E402
from cases.models.phrases import NotePhrase as NotePhrase  # noqa: E402
from cases.models.planning import CalendarFeed as CalendarFeed  # noqa: E402
from cases.models.planning import PlannedVisit as PlannedVisit  # noqa: E402
from cases.models.targets import TeamYearTarget as TeamYearTarget  # noqa: E402
from cases.models.volunteers import VolunteerRequest as VolunteerRequest  # noqa: E402
from cases.models.volunteers import VolunteerService as VolunteerService  # noqa: E402
from cases.models.volunteers import (  # noqa: E402
    VolunteerServiceChange as VolunteerServiceChange,
)
