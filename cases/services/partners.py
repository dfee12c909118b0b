"""The team's directory of partner organisations and their contact persons. Leads of the team and
administrators edit it; every change is kept in PartnerChange. Same rules as cases.services.core:
keyword-only, atomic, with acting_user; refused input raises ValidationError by field."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cases.models import PartnerChange, PartnerContact, PartnerOrganisation
from outreach import clock
from outreach.models import Membership
from outreach.versioning import bump, check_version

PARTNER_FIELDS = ("name", "kind", "phone", "email", "notes", "active")
CONTACT_FIELDS = ("name", "role", "phone", "email", "active")


def may_edit_directory(user, team):
    """Leads of the team and administrators who work in it edit its directory."""
    if not user.is_active:
        return False
    membership = Membership.objects.filter(team=team, user=user).first()
    return membership is not None and (membership.is_lead or user.is_staff)


def _check_editor(user, team):
    if not may_edit_directory(user, team):
        raise ValidationError(
            {None: _("Only a team lead or an administrator can change the directory.")}
        )


def _clean(record, fields):
    for name in fields:
        value = getattr(record, name)
        if isinstance(value, str):
            setattr(record, name, value.strip())
    # The name's uniqueness is checked by _unique_name, ignoring case, with a message by field.
    record.full_clean(validate_constraints=False)


def _log(acting_user, partner, action, fields=(), contact_name=""):
    PartnerChange.objects.create(
        partner=partner,
        at=clock.now(),
        by=acting_user,
        action=action,
        fields=list(fields),
        contact_name=contact_name,
    )


def _unique_name(partner):
    taken = PartnerOrganisation.objects.filter(team=partner.team_id, name__iexact=partner.name)
    if taken.exclude(pk=partner.pk).exists():
        raise ValidationError(
            {"name": _("The directory already has an organisation by this name.")}
        )


@transaction.atomic
def partner_create(*, acting_user, team, **fields):
    _check_editor(acting_user, team)
    partner = PartnerOrganisation(team=team, created_at=clock.now(), **fields)
    _clean(partner, fields)
    _unique_name(partner)
    partner.save()
    _log(acting_user, partner, PartnerChange.Action.CREATED)
    return partner


@transaction.atomic
def partner_update(*, acting_user, partner, expected_version=None, **fields):
    """Change an organisation's details; with `expected_version` (the form's), raises
    EditConflict if someone saved in between."""
    partner = PartnerOrganisation.objects.select_for_update().get(pk=partner.pk)
    _check_editor(acting_user, partner.team_id)
    check_version(partner, expected_version)
    stored = {name: getattr(partner, name) for name in fields}
    for name, value in fields.items():
        setattr(partner, name, value)
    _clean(partner, fields)
    _unique_name(partner)
    changed = [name for name in fields if stored[name] != getattr(partner, name)]
    if changed:
        _log(acting_user, partner, PartnerChange.Action.CHANGED, changed)
        partner.save(update_fields=bump(partner, changed))
    return partner


@transaction.atomic
def partner_contact_add(*, acting_user, partner, **fields):
    partner = PartnerOrganisation.objects.select_for_update().get(pk=partner.pk)
    _check_editor(acting_user, partner.team_id)
    contact = PartnerContact(partner=partner, created_at=clock.now(), **fields)
    _clean(contact, fields)
    contact.save()
    _log(acting_user, partner, PartnerChange.Action.CONTACT_ADDED, contact_name=contact.name)
    return contact


@transaction.atomic
def partner_contact_update(*, acting_user, contact, **fields):
    partner = PartnerOrganisation.objects.select_for_update().get(pk=contact.partner_id)
    _check_editor(acting_user, partner.team_id)
    contact = PartnerContact.objects.get(pk=contact.pk)
    stored = {name: getattr(contact, name) for name in fields}
    for name, value in fields.items():
        setattr(contact, name, value)
    _clean(contact, fields)
    changed = [name for name in fields if stored[name] != getattr(contact, name)]
    if changed:
        contact.save(update_fields=changed)
        _log(
            acting_user,
            partner,
            PartnerChange.Action.CONTACT_CHANGED,
            changed,
            contact_name=contact.name,
        )
    return contact


def check_directory_choice(team_id, *, partner=None, contact=None, field, contact_field=None):
    """A record that names an entry of the directory (a signal's reporter, a contact with a
    partner, a professional on the network map) names one of its own team's, and a contact
    person of that organisation. Refused by the field, as a post with another team's id."""
    if partner is not None and partner.team_id != team_id:
        raise ValidationError({field: _("Choose an organisation from your team's directory.")})
    if contact is not None and (partner is None or contact.partner_id != partner.pk):
        raise ValidationError({contact_field: _("Choose a contact person of this organisation.")})
