"""The wijkecogram: the people and organisations around a client, the interview answers, and
frozen snapshots of the map. Rules live in network/services.py and network/measures.py."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import Agreement, Case, CaseScoped, VolunteerRequest
from cases.phases import ZRM_BEGIN, ZRM_END

SUPPORT_KINDS = ["practical", "material", "emotional", "company", "decisions"]


class NetworkMember(CaseScoped):
    class Relation(models.TextChoices):
        PARTNER = "partner", _("partner")
        PARENT = "parent", _("parent")
        CHILD = "child", _("child")
        SIBLING = "sibling", _("brother or sister")
        OTHER_FAMILY = "other_family", _("other family")
        FRIEND = "friend", _("friend")
        NEIGHBOUR = "neighbour", _("neighbour")
        ACQUAINTANCE = "acquaintance", _("acquaintance")
        COLLEAGUE = "colleague", _("colleague or school")
        VOLUNTEER = "volunteer", _("volunteer (buddy, network or budget coach)")
        PROFESSIONAL = "professional", _("professional")
        ORGANISATION = "organisation", _("organisation (club, church, association)")

    class Distance(models.TextChoices):
        SAME_WIJK = "same_wijk", _("same neighbourhood")
        NEARBY = "nearby", _("nearby")
        FAR = "far", _("far away")

    class Frequency(models.TextChoices):
        DAILY = "daily", _("daily")
        WEEKLY = "weekly", _("weekly")
        MONTHLY = "monthly", _("monthly")
        LESS = "less", _("less often")
        NONE = "none", _("no contact now")

    class Involvement(models.TextChoices):
        HIGH = "high", _("very involved")
        SOME = "some", _("somewhat involved")
        LOW = "low", _("hardly involved")

    class Direction(models.TextChoices):
        NONE = "", _("none")
        RECEIVES = "receives", _("client receives")
        GIVES = "gives", _("client gives")
        BOTH = "both", _("both ways")

    class Status(models.TextChoices):
        ACTIVE = "active", _("in contact")
        SLEEPING = "sleeping", _("sleeping contact")
        REACTIVATED = "reactivated", _("reactivated")

    class WantsBack(models.TextChoices):
        UNKNOWN = "", _("not asked")
        YES = "yes", _("yes")
        NO = "no", _("no")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="network_members")
    name = models.CharField(_("name or alias"), max_length=80)
    relation = models.CharField(_("relation"), max_length=14, choices=Relation.choices)
    # A professional: the organisation and contact person from the team's directory
    # (cases.models.partners); the name stays as typed, and is all a one-off needs.
    partner_organisation = models.ForeignKey(
        "cases.PartnerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation (from the directory)"),
    )
    partner_contact = models.ForeignKey(
        "cases.PartnerContact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("contact person"),
    )
    ring = models.PositiveSmallIntegerField(
        _("ring"), choices=[(1, _("1 closest")), (2, _("2")), (3, _("3 outer"))], default=2
    )
    distance = models.CharField(
        _("lives"), max_length=10, choices=Distance.choices, default=Distance.SAME_WIJK
    )
    frequency = models.CharField(
        _("contact"), max_length=8, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    involvement = models.CharField(
        _("involvement"), max_length=5, choices=Involvement.choices, default=Involvement.SOME
    )
    support_practical = models.CharField(
        _("practical support"), max_length=8, choices=Direction.choices, blank=True
    )
    support_material = models.CharField(
        _("material support"), max_length=8, choices=Direction.choices, blank=True
    )
    support_emotional = models.CharField(
        _("emotional support"), max_length=8, choices=Direction.choices, blank=True
    )
    support_company = models.CharField(
        _("company and leisure"), max_length=8, choices=Direction.choices, blank=True
    )
    support_decisions = models.CharField(
        _("help with decisions"), max_length=8, choices=Direction.choices, blank=True
    )
    overloaded = models.BooleanField(_("overloaded"), default=False)
    too_far = models.BooleanField(_("lives too far away"), default=False)
    own_problems = models.BooleanField(_("has problems of their own"), default=False)
    negative_influence = models.BooleanField(_("negative influence"), default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE
    )
    known_before = models.BooleanField(_("known before the problems began"), default=False)
    wants_back = models.CharField(
        _("client wants them back"), max_length=3, choices=WantsBack.choices, blank=True
    )
    agreements = models.ManyToManyField(
        Agreement,
        blank=True,
        related_name="network_members",
        verbose_name=_("agreements they take part in"),
    )
    note = models.TextField(_("note"), blank=True, max_length=2000)
    # The volunteer service request this volunteer was matched through
    # (network.services.volunteer_match).
    volunteer_request = models.OneToOneField(
        VolunteerRequest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_member",
    )
    # The worker's own place on the map (network.services.worker_place): drawn, but left out of
    # every count and share (docs/network-measures.md).
    outreach_worker = models.BooleanField(_("the outreach worker"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["ring", "name", "id"]
        indexes = [models.Index(fields=["case", "status"])]

    def __str__(self):
        return self.name

    def support_labels(self):
        """(kind, direction) labels of the support between this member and the client."""
        return [
            (
                self._meta.get_field(f"support_{kind}").verbose_name,
                getattr(self, f"get_support_{kind}_display")(),
            )
            for kind in SUPPORT_KINDS
            if getattr(self, f"support_{kind}")
        ]


class InterviewAnswer(CaseScoped):
    """An answer to one question of the wijkecogram interview guide (network/interview/), kept
    with the guide version it was asked in: a new guide asks anew, the old answers stay. The
    begin and end snapshots freeze the answers of their moment."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="interview_answers")
    guide_version = models.CharField(_("guide version"), max_length=20)
    question = models.CharField(max_length=60)
    answer = models.TextField(blank=True, max_length=4000)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case", "guide_version", "question"], name="interview_answer_unique"
            )
        ]

    def __str__(self):
        return self.question


class NetworkSnapshot(CaseScoped):
    """The map frozen at a moment: with each ZRM begin and end assessment, or by hand. Never
    changed: `members` holds the members as they were, `measures` what was computed then."""

    class Kind(models.TextChoices):
        # Frozen with the ZRM's begin and end measurement (zrm.services.assessment_finalise).
        BEGIN = ZRM_BEGIN, _("begin")
        END = ZRM_END, _("end")
        MANUAL = "manual", _("by hand")

    class EmptyMap(models.TextChoices):
        # An empty map at the begin means one of two things, and only the worker knows which.
        NO_NETWORK = "no_network", _("no network: the client has nobody")
        NOT_MAPPED = "not_mapped", _("not mapped yet")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="network_snapshots")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    label = models.CharField(_("label"), max_length=100, blank=True)
    taken_at = models.DateTimeField(default=timezone.now)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    members = models.JSONField(default=list)
    measures = models.JSONField(default=dict)
    # The interview answers as they were: [{guide_version, question, answer, updated_at}].
    interview = models.JSONField(_("interview answers"), default=list, blank=True)
    empty_map = models.CharField(
        _("empty map at the begin"), max_length=10, choices=EmptyMap.choices, blank=True
    )
    # A begin network recorded afterwards points at the begin snapshot it replaces; that one
    # stays as it was, and is marked replaced through this link (by which, when and who).
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
        verbose_name=_("replaces"),
    )

    class Meta:
        ordering = ["-taken_at", "-id"]
        indexes = [models.Index(fields=["case", "kind", "-taken_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} {timezone.localtime(self.taken_at):%d-%m-%Y}"

    @property
    def begin_not_mapped(self):
        """A begin snapshot of an empty map that does not record "no network": it says nothing
        about the network at the begin, so nothing is compared with it. A recorded "no network"
        is a mapped network of nobody."""
        return (
            self.kind == self.Kind.BEGIN
            and not self.members
            and self.empty_map != self.EmptyMap.NO_NETWORK
        )

    @property
    def is_replaced(self):
        """Whether a begin network recorded afterwards replaced this snapshot (one query unless
        read with select_related("replaced_by"))."""
        try:
            return self.replaced_by is not None
        except NetworkSnapshot.DoesNotExist:
            return False

    @property
    def state_label(self):
        """What an empty snapshot records, or "" when the snapshot has members."""
        if self.members:
            return ""
        if self.kind == self.Kind.BEGIN and not self.empty_map:
            return self.EmptyMap.NOT_MAPPED.label
        return self.get_empty_map_display()

    def save(self, *args, **kwargs):
        # A snapshot is evidence of how the network was: it is written once.
        if not self._state.adding:
            raise ValueError("A network snapshot is never changed.")
        super().save(*args, **kwargs)
