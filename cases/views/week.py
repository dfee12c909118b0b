"""Mijn week, the team's week for a lead, planning a visit and the calendar feed."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cases import services
from cases.access import case_for_form
from cases.calendar import FEED_PAST_DAYS, feed_ics
from cases.forms import PlannedVisitForm
from cases.models import CalendarFeed, Case, PlannedVisit
from cases.phases import CLOSED_PHASES
from cases.selectors import worked_on
from cases.week import week_end, week_items
from outreach import clock
from outreach.access import Action, log_access, log_records, team_for_lead, visible_to
from outreach.drafts import keeps_draft
from outreach.form_flow import handle_form
from outreach.models import AccessLogEntry
from outreach.submissions import saves_once


def _shown(request, items, team=None):
    cases = list({item.case.pk: item.case for item in items}.values())
    log_records(
        request, action=Action.READ, records=cases, record_type="cases.case_list", team=team
    )


def _context(items, today):
    return {
        "items": [(item.group(today), item) for item in items],
        "today": today,
        "week_end": week_end(today),
    }


def my_week(request):
    """The worker's planned visits and follow-ups up to Sunday, overdue first: of their own cases
    and of those they are a co-worker on now."""
    today = clock.today()
    items = week_items(worked_on(request.user, today), today)
    _shown(request, items)
    feed = CalendarFeed.objects.filter(user=request.user).first()
    context = _context(items, today)
    context["feed_url"] = (
        request.build_absolute_uri(reverse("calendar_feed", args=[feed.token])) if feed else ""
    )
    return render(request, "cases/week.html", context)


def team_week(request, team_id):
    """The same for a team lead, for the whole team, per worker."""
    team = team_for_lead(request, team_id)
    today = clock.today()
    items = week_items(Case.objects.filter(team=team), today)
    items.sort(key=lambda item: (str(item.case.assigned_worker), item.sort_key()))
    _shown(request, items, team)
    context = _context(items, today)
    context["team"] = team
    return render(request, "cases/week.html", context)


@keeps_draft
@saves_once
def visit_plan(request, case_id):
    case = case_for_form(request, case_id)
    if not case.is_open:
        raise Http404
    return handle_form(
        request,
        PlannedVisitForm,
        case=case,
        title=_("Plan a visit"),
        drafts=True,
        save=lambda data: services.visit_plan(acting_user=request.user, case=case, **data),
        done=_("Visit planned."),
        success=case.get_absolute_url(),
    )


@require_POST
def calendar_feed_renew(request):
    renewing = CalendarFeed.objects.filter(user=request.user).exists()
    feed = services.calendar_feed_renew(acting_user=request.user, user=request.user)
    log_access(request, action=Action.CHANGE, record_type="cases.calendarfeed", record_id=feed.pk)
    messages.success(
        request,
        _("Your calendar has a new address; the old one no longer works.")
        if renewing
        else _("Your calendar's address is ready: add it to your phone's calendar."),
    )
    return redirect("my_week")


@login_not_required
@require_GET
def calendar_feed(request, token):
    """The feed a phone's calendar fetches without a session: the token in its address is the
    key. Every fetch is logged, one row per visit shown, as the worker whose feed it is; an
    unknown token as a denied read by nobody."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        # Logged as nobody's: the token names no one.
        anonymous, request.user = request.user, None
        log_access(
            request,
            action=Action.READ,
            record_type="cases.calendarfeed",
            result=AccessLogEntry.Result.DENIED,
        )
        request.user = anonymous
        raise Http404
    request.user = feed.user
    visits = list(
        visible_to(
            feed.user,
            PlannedVisit.objects.filter(
                case__assigned_worker=feed.user,
                done_at__isnull=True,
                planned_on__gte=clock.today() - timedelta(days=FEED_PAST_DAYS),
            ),
        )
        .exclude(case__phase__in=CLOSED_PHASES)
        .select_related("case")
    )
    log_records(request, action=Action.READ, records=visits, record_type="cases.calendarfeed")
    body = feed_ics(visits, now=clock.now(), host=request.get_host().split(":")[0])
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
