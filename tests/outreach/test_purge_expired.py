"""manage.py purge_expired: retention per record class, tested with frozen time."""

from datetime import date, datetime, timedelta
from io import StringIO

import time_machine
from django.core.management import call_command
from django.utils import timezone

from cases import services
from cases.models import (
    Agreement,
    Case,
    Client,
    ContactMoment,
    Signal,
    TimelineEvent,
)
from network.models import NetworkMember, NetworkSnapshot
from network.services import begin_network_record, member_add
from outreach.models import AccessLogEntry
from outreach.retention import years_before
from tests.zrm.factories import finalised_assessment, trajectory_case
from zrm.models import ZrmAssessment, ZrmScore
from zrm.services import assessment_correct

CLOSED_AT = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.get_default_timezone())
SENTINEL = "Zwartboek-7391"


def at(moment):
    return time_machine.travel(moment, tick=False)


def purge(*args):
    out = StringIO()
    call_command("purge_expired", *args, stdout=out)
    return out.getvalue()


def closed_case_file(owner, team):
    """A closed case with something of every kind on it, closed at CLOSED_AT."""
    with at(CLOSED_AT - timedelta(days=200)):
        case = trajectory_case(owner, team, first_name="Kees", last_name=SENTINEL)
        begin = finalised_assessment(case, owner, "begin", notes={"finances": SENTINEL})
        assessment_correct(acting_user=owner, assessment=begin, reason=SENTINEL)
        services.contact_log(
            acting_user=owner,
            case=case,
            kind="home_visit",
            occurred_at=timezone.now(),
            notes=SENTINEL,
        )
        event = TimelineEvent.objects.filter(case=case).first()
        services.timeline_correct(acting_user=owner, event=event, text=SENTINEL)
        services.timeline_correct(acting_user=owner, event=event, text=SENTINEL)
        member_add(acting_user=owner, case=case, name=SENTINEL, relation="neighbour")
        # The begin network recorded afterwards: a begin snapshot that replaces another.
        begin_network_record(acting_user=owner, case=case)
    with at(CLOSED_AT):
        return services.case_transition(
            acting_user=owner, case=case, move="client-wil-niet", reason=SENTINEL
        )


def another_case(owner, team, client):
    signal = services.signal_register(
        acting_user=owner, team=team, source="gp", observed="Opnieuw zorgen"
    )
    return services.signal_accept(
        acting_user=owner, signal=signal, assigned_worker=owner, client=client
    )


def test_it_keeps_a_closed_case_file_until_fifteen_years_after_closing(owner, team):
    case = closed_case_file(owner, team)
    with at(CLOSED_AT + timedelta(days=15 * 365 + 2)):  # 01-03-2041: one day short
        assert "Nothing has expired." in purge()
    assert Case.objects.filter(pk=case.pk).exists()


def test_it_deletes_the_whole_case_file_and_its_client_once_due(owner, team):
    case = closed_case_file(owner, team)
    client_id = case.client_id
    with at(datetime(2041, 3, 2, 3, 0, tzinfo=timezone.get_default_timezone())):
        output = purge()
    assert "Deleted 1 closed case files" in output
    assert case.reference in output
    assert not Case.objects.filter(pk=case.pk).exists()
    assert not Client.objects.filter(pk=client_id).exists()
    assert not Signal.objects.filter(case_id=case.pk).exists()
    for model in (TimelineEvent, ContactMoment, Agreement, NetworkMember, NetworkSnapshot):
        assert not model.objects.filter(case_id=case.pk).exists(), model
    assert not ZrmAssessment.objects.filter(case_id=case.pk).exists()
    assert not ZrmScore.objects.filter(assessment__case_id=case.pk).exists()


def test_it_logs_each_removal_by_id_and_never_by_content(owner, team):
    case = closed_case_file(owner, team)
    with at(datetime(2041, 6, 1, tzinfo=timezone.get_default_timezone())):
        purge()
    removals = AccessLogEntry.objects.filter(action=AccessLogEntry.Action.DELETE)
    assert {(e.record_type, e.record_id) for e in removals} >= {
        ("cases.case", str(case.pk)),
        ("cases.client", str(case.client_id)),
    }
    case_row = removals.get(record_type="cases.case")
    assert (case_row.user, case_row.team_id, case_row.client_id) == (None, team.pk, case.client_id)
    assert case_row.request == "purge_expired"
    for entry in AccessLogEntry.objects.all():
        assert SENTINEL not in " ".join(str(v) for v in entry.__dict__.values())


def test_it_lists_in_a_dry_run_and_changes_nothing(owner, team):
    case = closed_case_file(owner, team)
    before = AccessLogEntry.objects.count()
    with at(datetime(2041, 6, 1, tzinfo=timezone.get_default_timezone())):
        output = purge("--dry-run")
    assert "Would delete 1 closed case files" in output
    assert f"cases.case {case.pk} {case.reference}" in output
    assert SENTINEL not in output
    assert Case.objects.filter(pk=case.pk).exists()
    assert AccessLogEntry.objects.count() == before


def test_it_keeps_a_client_whose_later_case_is_still_in_retention(owner, team):
    case = closed_case_file(owner, team)
    with at(CLOSED_AT + timedelta(days=400)):
        later = another_case(owner, team, case.client)
    with at(datetime(2041, 6, 1, tzinfo=timezone.get_default_timezone())):
        purge()
    assert not Case.objects.filter(pk=case.pk).exists()
    assert Case.objects.filter(pk=later.pk).exists()
    assert Client.objects.filter(pk=case.client_id).exists()


def test_it_never_purges_an_open_case(owner, team):
    with at(CLOSED_AT):
        case = trajectory_case(owner, team)
    with at(datetime(2060, 1, 1, tzinfo=timezone.get_default_timezone())):
        purge()
    assert Case.objects.filter(pk=case.pk).exists()


def test_it_deletes_declined_signals_two_years_after_the_decision(owner, team):
    with at(CLOSED_AT):
        signal = services.signal_register(
            acting_user=owner, team=team, source="neighbour", observed=SENTINEL
        )
        services.signal_decline(acting_user=owner, signal=signal, reason="no_concern")
        waiting = services.signal_register(
            acting_user=owner, team=team, source="neighbour", observed="Wacht op besluit"
        )
    with at(CLOSED_AT + timedelta(days=2 * 365 - 1)):
        purge()
    assert Signal.objects.filter(pk=signal.pk).exists()
    with at(CLOSED_AT + timedelta(days=2 * 365 + 1)):
        output = purge()
    assert "Deleted 1 declined signals" in output
    assert not Signal.objects.filter(pk=signal.pk).exists()
    assert Signal.objects.filter(pk=waiting.pk).exists()


def test_it_purges_access_log_rows_older_than_five_years(owner, team):
    # In the past: on PostgreSQL the purge function checks the cutoff against the database's own
    # clock, which the test cannot freeze.
    logged_at = CLOSED_AT.replace(year=2016)
    with at(logged_at):
        old = AccessLogEntry.objects.create(
            user=owner, team=team, record_type="cases.case", action="read", result="allowed"
        )
    with at(logged_at + timedelta(days=4 * 365)):
        recent = AccessLogEntry.objects.create(
            user=owner, team=team, record_type="cases.case", action="read", result="allowed"
        )
    with at(logged_at + timedelta(days=5 * 365 + 2)):
        output = purge()
    assert "Deleted 1 access log entries" in output
    assert not AccessLogEntry.objects.filter(pk=old.pk).exists()
    assert AccessLogEntry.objects.filter(pk=recent.pk).exists()
    summary = AccessLogEntry.objects.get(action="delete", record_type="outreach.accesslogentry")
    assert summary.record_id == "1 < 2016-03-03"


def test_it_follows_the_configured_periods(owner, team, settings):
    settings.RETENTION_CLOSED_CASE_YEARS = 1
    case = closed_case_file(owner, team)
    with at(CLOSED_AT + timedelta(days=366)):
        purge()
    assert not Case.objects.filter(pk=case.pk).exists()


def test_it_counts_years_from_a_leap_day():
    assert years_before(date(2028, 2, 29), 1) == date(2027, 2, 28)


def deleted_case(owner, lead, team, **client_values):
    with at(CLOSED_AT):
        case = trajectory_case(owner, team, **client_values)
        finalised_assessment(case, owner, "begin")
        services.case_delete(acting_user=lead, case=case, reason="Dubbel geregistreerd.")
    return case


def test_it_keeps_a_deleted_case_restorable_for_thirty_days(owner, lead, team):
    case = deleted_case(owner, lead, team)
    with at(CLOSED_AT + timedelta(days=29, hours=13)):  # 31-03, the end of the thirtieth day
        assert "Nothing has expired." in purge()
    assert Case.all_objects.filter(pk=case.pk).exists()


def test_it_deletes_a_deleted_case_for_good_after_thirty_days(owner, lead, team):
    case = deleted_case(owner, lead, team)
    with at(CLOSED_AT + timedelta(days=30)):  # 01-04
        output = purge()
    assert "Deleted 1 deleted case files" in output
    assert "Deleted 1 clients without a file left" in output
    assert not Case.all_objects.filter(pk=case.pk).exists()
    assert not ZrmAssessment.objects.filter(case_id=case.pk).exists()
    # It was the client's only file.
    assert not Client.all_objects.filter(pk=case.client_id).exists()


def test_it_deletes_a_deleted_client_with_every_case(owner, lead, team):
    case = closed_case_file(owner, team)
    with at(CLOSED_AT + timedelta(days=400)):
        later = another_case(owner, team, case.client)
        services.client_delete(acting_user=lead, client=case.client, reason="Op verzoek (AVG).")
    with at(CLOSED_AT + timedelta(days=431)):
        output = purge("--dry-run")
        assert "Would delete 2 deleted case files" in output
        assert "Would delete 1 deleted clients" in output
        purge()
    assert not Case.all_objects.filter(pk__in=[case.pk, later.pk]).exists()
    assert not Client.all_objects.filter(pk=case.client_id).exists()


def test_it_never_purges_a_file_an_admin_restored(owner, lead, team, admin_user):
    case = deleted_case(owner, lead, team)
    with at(CLOSED_AT + timedelta(days=10)):
        services.case_restore(acting_user=admin_user, case=case)
    with at(CLOSED_AT + timedelta(days=60)):
        purge()
    assert Case.objects.filter(pk=case.pk).exists()
