"""The team's directory of partner organisations, their contact persons and the log of changes
to both. Not client data."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import TeamScoped
from outreach.models import Team


class PartnerOrganisation(TeamScoped):
    """An organisation the team works with, in the team's directory. Its contact details are
    not client data; every change is kept in PartnerChange."""

    # Its entries hold no client data.
    access_client_id = None

    class Kind(models.TextChoices):
        GGZ = "ggz", _("mental health care (GGZ)")
        DEBT = "debt", _("debt counselling")
        HOUSING = "housing", _("housing corporation")
        POLICE = "police", _("police")
        GP = "gp", _("GP")
        VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis")
        MEE = "mee", _("MEE")
        DISTRICT_TEAM = "district_team", _("district team (wijkteam)")
        ADDICTION = "addiction", _("addiction care")
        MUNICIPALITY = "municipality", _("municipality")
        VOLUNTEERS = "volunteers", _("volunteer organisation")
        OTHER = "other", _("other")

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="partners")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=2000)
    active = models.BooleanField(_("still in use"), default=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["team", "name"], name="partner_unique_team_name")
        ]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partner_detail", args=[self.pk])


class PartnerContact(models.Model):
    """A contact person at a partner organisation."""

    access_team_lookup = "partner__team"
    access_client_id = None

    partner = models.ForeignKey(
        PartnerOrganisation, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    active = models.BooleanField(_("still in use"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name

    @property
    def access_team_id(self):
        return self.partner.team_id


class PartnerChange(models.Model):
    """Who changed what in the directory, and when: the log of its changes."""

    class Action(models.TextChoices):
        CREATED = "created", _("added")
        CHANGED = "changed", _("changed")
        CONTACT_ADDED = "contact_added", _("contact person added")
        CONTACT_CHANGED = "contact_changed", _("contact person changed")

    partner = models.ForeignKey(
        PartnerOrganisation, on_delete=models.CASCADE, related_name="changes"
    )
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=20, choices=Action.choices)
    # Field names, and the contact person's name for a contact change.
    fields = models.JSONField(default=list, blank=True)
    contact_name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def field_labels(self):
        """The changed fields as the reader calls them."""
        model = PartnerContact if self.contact_name else PartnerOrganisation
        return [str(model._meta.get_field(name).verbose_name) for name in self.fields]
