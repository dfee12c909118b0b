from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A worker or team lead (teams and roles come from Membership), or a manager."""

    # Raised when the user logs out: every session started before then ends at its next request.
    session_epoch = models.PositiveIntegerField(default=0, editable=False)
    # Organisation-wide: figures across all teams, never client data (outreach.manager). Changed
    # only through outreach.services.user_manager_set, which logs it.
    is_manager = models.BooleanField(
        _("manager"),
        default=False,
        help_text=_("Sees figures across all teams, never client data."),
    )

    def __str__(self):
        return self.get_full_name() or self.username


class Team(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    # Prefix of the team's case references, e.g. PA in PA-2026-0042.
    code = models.CharField(
        _("code"),
        max_length=6,
        unique=True,
        help_text=_("Short prefix for case references, e.g. PA."),
    )
    members = models.ManyToManyField(User, through="Membership", related_name="teams")

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    # Access-layer protocol (outreach.access): a team page is scoped to the team itself.
    access_team_lookup = "pk"
    access_client_id = None

    def __str__(self):
        return self.name

    @property
    def access_team_id(self):
        return self.pk


class Membership(models.Model):
    class Role(models.TextChoices):
        WORKER = "worker", _("outreach worker")
        LEAD = "lead", _("team lead")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.WORKER)
    # The team's designated officer for domestic violence and child abuse (meldcode): a task
    # next to the role, not a role of its own, so a worker or a lead can carry it and what
    # leads and workers may do stays as it is. Sees the team's meldcode trajectories.
    is_aandachtsfunctionaris = models.BooleanField(
        _("aandachtsfunctionaris (meldcode)"), default=False
    )
    # When the current role was granted, for the yearly access review.
    granted_at = models.DateTimeField(_("granted"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "team"], name="membership_unique_user_team")
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} – {self.team} ({self.get_role_display()})"

    @property
    def is_lead(self):
        return self.role == self.Role.LEAD


class AppendOnlyQuerySet(models.QuerySet):
    # The logs are evidence (NEN 7513): bulk changes are refused at the ORM level too.
    def update(self, **kwargs):
        raise ValidationError("The access log is append-only.")

    def delete(self):
        raise ValidationError("The access log is append-only.")


class AppendOnly(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("The access log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("The access log is append-only.")


class AccessLogEntry(AppendOnly):
    """One read, search, create, change, print, export or denied attempt on client data.

    Never holds content. client_id and record_id are plain values, not foreign keys: a log row
    must outlive the record it is about (retention keeps logs longer than some records).
    """

    class Action(models.TextChoices):
        READ = "read", _("read")
        SEARCH = "search", _("search")
        CREATE = "create", _("create")
        CHANGE = "change", _("change")
        PRINT = "print", _("print")
        EXPORT = "export", _("export")
        DELETE = "delete", _("delete")
        RESTORE = "restore", _("restore")

    class Result(models.TextChoices):
        ALLOWED = "allowed", _("allowed")
        DENIED = "denied", _("denied")

    at = models.DateTimeField(_("time (UTC)"), default=timezone.now, db_index=True)
    # None: the system itself, e.g. the retention purge.
    user = models.ForeignKey(User, on_delete=models.PROTECT, null=True, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, related_name="+")
    client_id = models.BigIntegerField(_("client"), null=True, db_index=True)
    record_type = models.CharField(_("record type"), max_length=50)
    record_id = models.CharField(_("record"), max_length=40, blank=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    result = models.CharField(_("result"), max_length=10, choices=Result.choices)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True)
    # Method and path only: paths carry ids, never names (no client names in URLs).
    request = models.CharField(_("request"), max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.user_id} {self.action} {self.record_type}"


class RoleChange(AppendOnly):
    """Who gave or took whose access to which team, and when: evidence for the access review.
    Written by outreach.services only, in the same transaction as the change itself."""

    class Kind(models.TextChoices):
        GRANTED = "granted", _("membership granted")
        ROLE = "role", _("role changed")
        REMOVED = "removed", _("membership removed")
        AANDACHTSFUNCTIONARIS_GRANTED = "af_granted", _("made aandachtsfunctionaris")
        AANDACHTSFUNCTIONARIS_REMOVED = "af_removed", _("no longer aandachtsfunctionaris")
        ACTIVATED = "activated", _("account activated")
        DEACTIVATED = "deactivated", _("account deactivated")
        MANAGER_ON = "manager_on", _("manager role granted")
        MANAGER_OFF = "manager_off", _("manager role removed")

    at = models.DateTimeField(_("time (UTC)"), default=timezone.now, db_index=True)
    # Null when the system made the change (seed, migration, command without a user).
    changed_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("changed by")
    )
    user = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("user")
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("team")
    )
    kind = models.CharField(_("change"), max_length=12, choices=Kind.choices)
    old_role = models.CharField(
        _("old role"), max_length=10, choices=Membership.Role.choices, blank=True
    )
    new_role = models.CharField(
        _("new role"), max_length=10, choices=Membership.Role.choices, blank=True
    )

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("role change")
        verbose_name_plural = _("role changes")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.user_id} {self.kind}"


class FormSubmission(models.Model):
    """A create form's one-time token, claimed in the transaction that saved what the form
    posted (outreach/submissions.py): a second post of the same form finds it and is answered
    with what was saved, never a second row. Holds a path with ids, never content."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    token = models.UUIDField(_("form token"))
    saved_url = models.CharField(_("page of what was saved"), max_length=500)
    created_at = models.DateTimeField(_("time (UTC)"), default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "token"], name="form_submission_once")
        ]
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self):
        return f"{self.user_id} {self.token}"


class ExternalIdentity(models.Model):
    """Who a user is at the organisation's identity provider: its issuer and the `sub` it gives
    them, which never changes and is never reused. Signing in with OpenID Connect finds the user
    by this pair only, never by e-mail address (outreach/oidc.py)."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="external_identities", verbose_name=_("user")
    )
    issuer = models.CharField(_("issuer"), max_length=300)
    subject = models.CharField(_("subject (sub)"), max_length=255)
    created_at = models.DateTimeField(_("first login"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="external_identity_unique")
        ]
        verbose_name = _("external identity")
        verbose_name_plural = _("external identities")

    def __str__(self):
        return f"{self.user} @ {self.issuer}"


class GroupClaimMapping(models.Model):
    """A group the identity provider names in its `groups` claim, mapped by an admin to a role
    in a team, or to the organisation-wide manager role (no team). At every OpenID Connect login
    the user's memberships are made to follow their groups (outreach.services.oidc_roles_sync)."""

    class Role(models.TextChoices):
        WORKER = Membership.Role.WORKER.value, Membership.Role.WORKER.label
        LEAD = Membership.Role.LEAD.value, Membership.Role.LEAD.label
        MANAGER = "manager", _("manager (all teams, figures only)")

    group = models.CharField(
        _("group"),
        max_length=255,
        help_text=_("The value in the provider's groups claim, e.g. an Entra ID group's ID."),
    )
    team = models.ForeignKey(
        Team,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("team"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)

    class Meta:
        ordering = ["group"]
        constraints = [
            models.UniqueConstraint(fields=["group", "team"], name="group_claim_unique"),
            models.CheckConstraint(
                condition=models.Q(role="manager", team__isnull=True)
                | (~models.Q(role="manager") & models.Q(team__isnull=False)),
                name="group_claim_team_unless_manager",
            ),
        ]
        verbose_name = _("group claim mapping")
        verbose_name_plural = _("group claim mappings")

    def __str__(self):
        return f"{self.group} → {self.team or '*'} ({self.get_role_display()})"
