"""Client files, the search, and the worker's own cases."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cases import services
from cases.access_log import log_page, log_people
from cases.forms import (
    AccessLogFilterForm,
    ClientEditForm,
    ClientSearchForm,
    DeleteForm,
    HouseholdFormSet,
    InspectionRequestForm,
    household_from,
)
from cases.models import Client
from cases.selectors import (
    MY_CASES_SORTS,
    client_search,
    my_open_cases,
    with_open_case,
)
from outreach import clock
from outreach.access import (
    Action,
    current_membership,
    get_for_user,
    is_lead,
    log_access,
    log_records,
    memberships_of,
)
from outreach.form_flow import conflict_page, handle_form
from outreach.forms import apply_service_errors
from outreach.inspection import Wanted, inspection_json, inspection_pdf, sections
from outreach.models import AccessLogEntry
from outreach.paging import LIST_PAGE_SIZE
from outreach.submissions import saves_once
from outreach.versioning import EditConflict


def home(request):
    """Mijn casussen: the worker's open cases, what needs doing first on top, overdue follow-ups
    and quiet cases (by the attention list's rule) marked."""
    sort = request.GET.get("sorteer", "urgent")
    if sort not in MY_CASES_SORTS:
        sort = "urgent"
    page = Paginator(my_open_cases(request.user, sort=sort), LIST_PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    if page.object_list:
        log_records(
            request, action=Action.READ, records=page.object_list, record_type="cases.case_list"
        )
    return render(
        request,
        "cases/home.html",
        {"page": page, "sort": sort, "query": f"sorteer={sort}", "today": clock.today()},
    )


def _client(request, client_id, *, write=False, action=Action.CHANGE):
    return get_for_user(
        request,
        Client.objects.select_related("team"),
        client_id,
        action=action if write and request.method == "POST" else Action.READ,
    )


def _client_for_lead(request, client_id, action):
    """A client's log and inspection file are for the leads of the client's team: a worker of
    that team gets a 403 with an explanation (logged as denied, before anything is read), anyone
    else the usual logged 404."""
    client = Client.objects.select_related("team").filter(pk=client_id).first()
    membership = next(
        (m for m in memberships_of(request.user) if client and m.team_id == client.team_id), None
    )
    if membership is not None and not membership.is_lead:
        log_access(request, action=action, record=client, result=AccessLogEntry.Result.DENIED)
        raise PermissionDenied(
            _("Only the team leads of %(team)s can open this page.") % {"team": client.team.name}
        )
    return get_for_user(request, Client.objects.select_related("team"), client_id, action=action)


def client_access_log(request, client_id):
    """Who read, searched, changed, printed or exported this client's data, newest first, a
    sentence per row, repeats folded (cases/access_log.py); filtered by period, person, action."""
    client = _client_for_lead(request, client_id, Action.READ)
    form = AccessLogFilterForm(request.GET or None, people=log_people(client))
    filters = form.cleaned_data if form.is_valid() else {}
    page, rows = log_page(client, request.GET.get("pagina"), **filters)
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "cases/client_access_log.html",
        {"client": client, "form": form, "page": page, "rows": rows, "query": query.urlencode()},
    )


def client_inspection_request(request, client_id):
    """The lead chooses how other people appear in the file, and its language, then makes it."""
    client = _client_for_lead(request, client_id, Action.READ)
    return render(
        request,
        "cases/client_inspection.html",
        {"client": client, "form": InspectionRequestForm()},
    )


def client_inspection(request, client_id, fmt):
    """The complete file on one client for an inspection or a request for access: every record
    about them and who saw it (outreach/inspection.py), as asked on the request page. Producing it
    is logged as a print (PDF) or an export (JSON)."""
    # Without a choice (an old link): the defaults of the request page. A bad choice makes
    # nothing, so it is logged as the read of the page it shows again.
    form = InspectionRequestForm(request.GET) if request.GET else None
    if form is not None and not form.is_valid():
        client = _client_for_lead(request, client_id, Action.READ)
        return render(
            request, "cases/client_inspection.html", {"client": client, "form": form}, status=400
        )
    client = _client_for_lead(request, client_id, Action.PRINT if fmt == "pdf" else Action.EXPORT)
    wanted = form.wanted() if form is not None else Wanted()
    with translation.override(wanted.language):
        found = sections(client, wanted)
        if fmt == "pdf":
            response = HttpResponse(
                inspection_pdf(client, found, wanted), content_type="application/pdf"
            )
        else:
            response = HttpResponse(
                inspection_json(client, found, wanted),
                content_type="application/json; charset=utf-8",
            )
    response["Content-Disposition"] = f'attachment; filename="inspectie-client-{client.pk}.{fmt}"'
    return response


def client_detail(request, client_id):
    client = _client(request, client_id)
    lead = is_lead(request.user, client.team_id)
    return render(
        request,
        "cases/client_detail.html",
        {
            "client": client,
            "is_lead": lead,
            "household": client.household.all(),
            "cases": client.cases.select_related("assigned_worker").order_by("-opened_on", "-id"),
        },
    )


@saves_once
def client_delete(request, client_id):
    """A team lead deletes a client file, with a reason: a soft delete (cases.services)."""
    client = _client(request, client_id, write=True, action=Action.DELETE)
    if not is_lead(request.user, client.team_id):
        raise PermissionDenied(_("Only a team lead can delete a client."))
    count = client.cases.count()
    return handle_form(
        request,
        DeleteForm,
        title=_("Delete %(client)s") % {"client": client},
        intro=ngettext(
            "The client and their %(n)s case disappear from every list and page. An "
            "administrator can restore them until the retention period ends; then they are "
            "removed for good.",
            "The client and their %(n)s cases disappear from every list and page. An "
            "administrator can restore them until the retention period ends; then they are "
            "removed for good.",
            count,
        )
        % {"n": count},
        save=lambda data: services.client_delete(
            acting_user=request.user, client=client, reason=data["reason"]
        ),
        done=_("The client has been deleted."),
        success=reverse("home"),
        back=client.get_absolute_url(),
    )


def client_edit(request, client_id):
    client = _client(request, client_id, write=True)
    household_initial = list(client.household.values("name", "relation", "date_of_birth"))
    if request.method == "POST":
        form = ClientEditForm(request.POST, instance=Client.objects.get(pk=client.pk))
        household = HouseholdFormSet(request.POST, prefix="household", initial=household_initial)
        if form.is_valid() and household.is_valid():
            try:
                with transaction.atomic():
                    services.client_update(
                        acting_user=request.user,
                        client=client,
                        household=household_from(household),
                        **form.cleaned_data,
                    )
            except ValidationError as error:
                apply_service_errors(form, error)
            except EditConflict as conflict:
                return conflict_page(
                    request,
                    form=form,
                    stored=ClientEditForm(instance=conflict.current),
                    version=conflict.current.version,
                    title=_("Edit client details"),
                    back=client.get_absolute_url(),
                    extra=[household],
                )
            else:
                return redirect(client.get_absolute_url())
    else:
        form = ClientEditForm(instance=client)
        household = HouseholdFormSet(prefix="household", initial=household_initial)
    return render(
        request, "cases/client_edit.html", {"client": client, "form": form, "household": household}
    )


def search(request):
    """Find a client by name, date of birth or address; by POST, so no name is in a URL."""
    form = ClientSearchForm(request.POST or None)
    results = None
    if request.method == "POST" and form.is_valid():
        results = with_open_case(client_search(request.user, **form.cleaned_data)[:50])
        log_records(
            request,
            action=Action.SEARCH,
            records=results,
            record_type="cases.client",
            team=getattr(current_membership(request), "team", None),
        )
    return render(
        request,
        "cases/search.html",
        {
            "form": form,
            "results": results,
        },
    )
