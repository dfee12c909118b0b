"""The ZRM (Zelfredzaamheidsmatrix) as versioned data, and the assessments made with it.

A matrix version is loaded from a JSON file (zrm/matrices/zrm_2013.json by a data migration, any
other through zrm.services.matrix_load: `manage.py zrm_matrix_load` or the admin); nothing edits
its texts afterwards. One version is marked current: new trajectories use it. A trajectory keeps
the version its first assessment was made with, so a later version (ZRM 2017, 13 domains) stands
beside 2013.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cases.models import Case, CaseScoped
from cases.phases import ZRM_BEGIN, ZRM_END

LEVELS = (1, 2, 3, 4, 5)


class Bilingual:
    """Texts stored in Dutch and English; the reader's language picks one."""

    def _text(self, field):
        english = (get_language() or "nl").startswith("en")
        return getattr(self, f"{field}_en" if english else f"{field}_nl")


class ZrmMatrix(Bilingual, models.Model):
    key = models.CharField(_("version"), max_length=10, unique=True)
    title_nl = models.CharField(max_length=100)
    title_en = models.CharField(max_length=100)
    authors = models.CharField(max_length=300)
    copyright = models.CharField(max_length=100)
    # The version new trajectories use; exactly one is (zrm.services.matrix_make_current).
    is_current = models.BooleanField(_("used for new trajectories"), default=False)
    loaded_at = models.DateTimeField(null=True, blank=True)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("ZRM version")
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=models.Q(is_current=True),
                name="zrm_one_current_matrix",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def title(self):
        return self._text("title")


class ZrmLevel(Bilingual, models.Model):
    matrix = models.ForeignKey(ZrmMatrix, on_delete=models.CASCADE, related_name="levels")
    level = models.PositiveSmallIntegerField()
    name_nl = models.CharField(max_length=60)
    name_en = models.CharField(max_length=60)

    class Meta:
        ordering = ["level"]
        constraints = [models.UniqueConstraint(fields=["matrix", "level"], name="zrm_level_unique")]

    def __str__(self):
        return f"{self.level} {self.name}"

    @property
    def name(self):
        return self._text("name")


class ZrmDomain(Bilingual, models.Model):
    matrix = models.ForeignKey(ZrmMatrix, on_delete=models.CASCADE, related_name="domains")
    key = models.CharField(max_length=40)
    order = models.PositiveSmallIntegerField()
    name_nl = models.CharField(max_length=60)
    name_en = models.CharField(max_length=60)

    class Meta:
        ordering = ["matrix", "order"]
        constraints = [models.UniqueConstraint(fields=["matrix", "key"], name="zrm_domain_unique")]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self._text("name")


class ZrmDescriptor(Bilingual, models.Model):
    domain = models.ForeignKey(ZrmDomain, on_delete=models.CASCADE, related_name="descriptors")
    level = models.PositiveSmallIntegerField()
    text_nl = models.TextField()
    text_en = models.TextField()

    class Meta:
        ordering = ["domain", "level"]
        constraints = [
            models.UniqueConstraint(fields=["domain", "level"], name="zrm_descriptor_unique")
        ]

    def __str__(self):
        return f"{self.domain} {self.level}"

    @property
    def text(self):
        return self._text("text")


class ZrmAssessment(CaseScoped):
    class Kind(models.TextChoices):
        BEGIN = ZRM_BEGIN, _("begin")
        EVALUATION = "evaluation", _("evaluation")
        END = ZRM_END, _("end")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        FINAL = "final", _("final")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="zrm_assessments")
    matrix = models.ForeignKey(ZrmMatrix, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    assessed_on = models.DateField(_("date"), default=timezone.localdate)
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("assessed by"),
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.DRAFT)
    finalised_at = models.DateTimeField(null=True, blank=True)
    # A finalised assessment is never edited: a correction is a new assessment that refers to it.
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections"
    )
    correction_reason = models.TextField(
        _("reason for the correction"), blank=True, max_length=2000
    )
    # Bumped by every saved draft, so two workers filling in the same draft do not overwrite
    # each other (outreach.versioning).
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-assessed_on", "-id"]
        indexes = [models.Index(fields=["case", "kind", "status"])]
        verbose_name = _("ZRM assessment")

    def __str__(self):
        return f"ZRM {self.get_kind_display()} {self.assessed_on:%d-%m-%Y}"

    @property
    def is_final(self):
        return self.status == self.Status.FINAL


class ZrmScore(models.Model):
    class Source(models.TextChoices):
        # What the ZRM training asks an assessor to base a score on.
        CLIENT = "client", _("the client")
        NETWORK = "network", _("the network")
        PARTNERS = "partners", _("colleagues or partners")
        RECORDS = "records", _("records")

    assessment = models.ForeignKey(ZrmAssessment, on_delete=models.CASCADE, related_name="scores")
    domain = models.ForeignKey(ZrmDomain, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(_("level"), null=True, blank=True)
    not_assessed_reason = models.CharField(_("why not assessed"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    sources = models.JSONField(_("sources"), default=list, blank=True)  # Source values
    rationale = models.CharField(_("why this level"), max_length=300, blank=True)
    # What carries the current level, in percent (the ZRM-Krachtenwijzer's idea). A draft may
    # hold a split being typed; a finalised assessment has all three empty, or three that add up
    # to 100 (zrm.services.assessment_finalise).
    own_share = models.PositiveSmallIntegerField(_("own strength %"), null=True, blank=True)
    network_share = models.PositiveSmallIntegerField(_("network %"), null=True, blank=True)
    help_share = models.PositiveSmallIntegerField(_("professional help %"), null=True, blank=True)

    class Meta:
        ordering = ["domain__order"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "domain"], name="zrm_score_unique"),
            models.CheckConstraint(
                condition=models.Q(level__isnull=True) | models.Q(level__gte=1, level__lte=5),
                name="zrm_score_level_1_to_5",
            ),
            models.CheckConstraint(
                condition=(
                    (models.Q(own_share__isnull=True) | models.Q(own_share__lte=100))
                    & (models.Q(network_share__isnull=True) | models.Q(network_share__lte=100))
                    & (models.Q(help_share__isnull=True) | models.Q(help_share__lte=100))
                ),
                name="zrm_score_shares_in_percent",
            ),
        ]

    def __str__(self):
        return f"{self.domain}: {self.level}"

    @property
    def is_complete(self):
        return self.level is not None or bool(self.not_assessed_reason)

    @property
    def shares(self):
        """(own, network, help) as stored, each a percentage or None."""
        return self.own_share, self.network_share, self.help_share

    @property
    def split(self):
        """(own, network, help) in percent when all three are given, else None."""
        return None if None in self.shares else self.shares

    @property
    def split_is_valid(self):
        """No split, or a complete one of 100%: what finalising accepts."""
        return self.shares == (None, None, None) or sum(self.split or ()) == 100

    def source_labels(self):
        labels = dict(self.Source.choices)
        return [labels[s] for s in self.sources if s in labels]


class ZrmTarget(models.Model):
    """The level the client and worker aim for in a domain, set with the contract's agreements."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="zrm_targets")
    domain = models.ForeignKey(ZrmDomain, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(_("target"))
    set_on = models.DateField(default=timezone.localdate)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "domain"], name="zrm_target_unique"),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=5), name="zrm_target_level_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.domain}: {self.level}"
