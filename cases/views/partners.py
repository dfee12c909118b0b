"""The team's directory of partner organisations: everyone in the team reads it, leads and
administrators change it (cases.services.partners). Another team's entry is a 404."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases import services
from cases.forms import PartnerContactEditForm, PartnerContactForm, PartnerEditForm, PartnerForm
from cases.models import PartnerContact, PartnerOrganisation
from cases.services.partners import may_edit_directory
from outreach.access import Action, current_membership_or_404, get_for_user
from outreach.form_flow import handle_form
from outreach.paging import LIST_PAGE_SIZE
from outreach.submissions import saves_once

# The directory's changes shown on an organisation's page, newest first.
CHANGES_SHOWN = 20
EDIT_REFUSED = gettext_lazy("Only a team lead or an administrator can change the directory.")


def _partner(request, partner_id, *, edit=False):
    partner = get_for_user(
        request,
        PartnerOrganisation.objects.select_related("team"),
        partner_id,
        action=Action.CHANGE if edit and request.method == "POST" else Action.READ,
    )
    if edit and not may_edit_directory(request.user, partner.team_id):
        raise PermissionDenied(EDIT_REFUSED)
    return partner


def partner_list(request):
    team = current_membership_or_404(request).team
    query = request.GET.get("zoek", "").strip()
    partners = PartnerOrganisation.objects.filter(team=team).annotate(
        contact_count=Count("contacts", filter=Q(contacts__active=True))
    )
    if query:
        partners = partners.filter(name__icontains=query)
    page = Paginator(partners.order_by("-active", "name", "id"), LIST_PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "cases/partner_list.html",
        {
            "team": team,
            "page": page,
            "zoek": query,
            "query": f"zoek={query}" if query else "",
            "can_edit": may_edit_directory(request.user, team),
        },
    )


@saves_once
def partner_create(request):
    team = current_membership_or_404(request).team
    if not may_edit_directory(request.user, team):
        raise PermissionDenied(EDIT_REFUSED)
    return handle_form(
        request,
        PartnerForm,
        title=_("Add a partner organisation"),
        save=lambda data: services.partner_create(acting_user=request.user, team=team, **data),
        done=_("Organisation added to the directory."),
        success=lambda partner: partner.get_absolute_url(),
        back=reverse("partner_list"),
    )


def partner_detail(request, partner_id):
    partner = _partner(request, partner_id)
    return render(
        request,
        "cases/partner_detail.html",
        {
            "partner": partner,
            "contacts": partner.contacts.order_by("-active", "name", "id"),
            "changes": partner.changes.select_related("by")[:CHANGES_SHOWN],
            "can_edit": may_edit_directory(request.user, partner.team_id),
        },
    )


def partner_edit(request, partner_id):
    partner = _partner(request, partner_id, edit=True)
    return handle_form(
        request,
        PartnerEditForm,
        title=_("Change %(name)s") % {"name": partner.name},
        form_kwargs={"instance": PartnerOrganisation.objects.get(pk=partner.pk)},
        stored_form=lambda current: PartnerEditForm(instance=current),
        save=lambda data: services.partner_update(
            acting_user=request.user, partner=partner, **data
        ),
        done=_("Saved."),
        once=False,
        success=partner.get_absolute_url(),
        back=partner.get_absolute_url(),
    )


@saves_once
def partner_contact_add(request, partner_id):
    partner = _partner(request, partner_id, edit=True)
    return handle_form(
        request,
        PartnerContactForm,
        title=_("Add a contact person at %(name)s") % {"name": partner.name},
        save=lambda data: services.partner_contact_add(
            acting_user=request.user, partner=partner, **data
        ),
        done=_("Contact person added."),
        success=partner.get_absolute_url(),
        back=partner.get_absolute_url(),
    )


def partner_contact_edit(request, contact_id):
    contact = get_for_user(
        request,
        PartnerContact.objects.select_related("partner"),
        contact_id,
        action=Action.CHANGE if request.method == "POST" else Action.READ,
    )
    partner = contact.partner
    if not may_edit_directory(request.user, partner.team_id):
        raise PermissionDenied(EDIT_REFUSED)
    return handle_form(
        request,
        PartnerContactEditForm,
        title=_("Change contact person %(name)s") % {"name": contact.name},
        form_kwargs={"instance": PartnerContact.objects.get(pk=contact.pk)},
        save=lambda data: services.partner_contact_update(
            acting_user=request.user, contact=contact, **data
        ),
        done=_("Saved."),
        once=False,
        success=partner.get_absolute_url(),
        back=partner.get_absolute_url(),
    )
