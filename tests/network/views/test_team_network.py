"""Network activation over a team's closed cases, for team leads (network.views.team_network)."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.models import Case
from network.selectors import team_network_interim, team_network_summary
from network.services import begin_network_record, member_add, member_update, snapshot_take
from outreach.models import AccessLogEntry
from tests.zrm.factories import close, finalised_assessment, trajectory_case

HTMX = {"HX-Request": "true"}


def period():
    today = timezone.localdate()
    return today - timedelta(days=30), today


def url(team, start=None, end=None):
    first, last = period()
    start, end = (start or first).isoformat(), (end or last).isoformat()
    return f"{reverse('network_team', args=[team.pk])}?start={start}&end={end}"


def move_closed_on(case, day):
    """Cases close today through the services; this moves the day, as a clock would."""
    Case.objects.filter(pk=case.pk).update(closed_on=day)


def add(owner, case, name, relation="friend", **fields):
    return member_add(acting_user=owner, case=case, name=name, relation=relation, **fields)


def network_case(owner, team, before, after, *, end=True, close_it=True, empty_map="no_network"):
    """A trajectory with `before` informal supporters at the begin assessment (one kind each,
    practical), then `after` callables that change the map before the end assessment. An empty
    begin map records `empty_map`: by default "no network", a mapped network of nobody."""
    case = trajectory_case(owner, team)
    for i in range(before):
        add(owner, case, f"Begin {i}", support_practical="receives")
    finalised_assessment(case, owner, "begin", empty_map=empty_map)
    for change in after:
        change(case)
    if end:
        finalised_assessment(case, owner, "end")
    if close_it:
        case = close(case, owner, **({} if end else {"no_zrm_reason": "Cliënt onbereikbaar."}))
    return case


def summary(html):
    dl = re.search(r'<dl class="case-facts">(.*?)</dl>', html, re.S).group(1)
    return re.findall(r"<dd>(.*?)</dd>", dl)


@pytest.fixture
def activation(owner, team, other_team, outsider):
    """Two cases count: +2 supporters and +3 kinds; +0 supporters and +2 kinds, ending with an
    overloaded supporter. Means: +1.0 supporters, +2.5 kinds. Around them, cases that must not
    change the means."""
    start, _end = period()

    def two_friends(case):
        add(
            case.assigned_worker,
            case,
            "Anna",
            support_practical="receives",
            support_material="receives",
        )
        add(case.assigned_worker, case, "Bram", support_emotional="receives")

    network_case(owner, team, 0, [two_friends])

    def overload(case):
        (begin,) = case.network_members.all()
        member_update(
            acting_user=owner,
            member=begin,
            support_emotional="receives",
            support_decisions="receives",
        )

    on_the_boundary = network_case(owner, team, 1, [overload])
    move_closed_on(on_the_boundary, start)  # the period includes its first day

    def five_friends(case):
        for i in range(5):
            add(owner, case, f"Vriend {i}", support_company="receives")

    # Closed the day before the period: left out, though it would change every mean.
    move_closed_on(network_case(owner, team, 0, [five_friends]), start - timedelta(days=1))
    # Closed in the period without an end assessment: counted, but not in the means.
    network_case(owner, team, 0, [five_friends], end=False)
    # Still open, and another team's closed case: left out.
    network_case(owner, team, 0, [five_friends], close_it=False)
    network_case(outsider, other_team, 0, [five_friends])


def test_it_shows_the_mean_changes_over_the_cases_closed_in_the_period(
    client, lead, team, activation
):
    client.force_login(lead)
    response = client.get(url(team))
    assert response.status_code == 200
    # Cases closed, with both snapshots, mean change in supporters and in kinds, overloaded.
    cells = summary(response.content.decode())
    assert cells[:2] == ["3", "2"] and cells[3:] == ["2,5", "1"]
    assert cells[2] in ("1", "1,0")  # a whole mean may print without its decimal


def test_it_computes_the_means_over_the_period(team, activation):
    found = team_network_summary(team, *period())
    assert (found.cases, found.with_both, found.ending_overloaded) == (3, 2, 1)
    assert (found.mean_change_supporters, found.mean_change_kinds) == (1.0, 2.5)
    start, _end = period()
    # One day later the case on the boundary drops out: only +2 and +3 are left.
    later = team_network_summary(team, start + timedelta(days=1), period()[1])
    assert (later.cases, later.mean_change_supporters, later.mean_change_kinds) == (2, 2, 3)


def test_it_answers_htmx_with_the_summary_only(client, lead, team, activation):
    client.force_login(lead)
    html = client.get(url(team), headers=HTMX).content.decode()
    assert "<html" not in html and "<form" not in html
    assert summary(html)[3] == "2,5"


def test_it_shows_dashes_when_no_case_has_both_snapshots(client, lead, team):
    client.force_login(lead)
    html = client.get(url(team)).content.decode()
    assert summary(html) == ["0", "0", "—", "—", "0"]


def test_it_refuses_a_period_that_ends_before_it_starts(client, lead, team):
    start, end = period()
    client.force_login(lead)
    html = client.get(url(team, start=end, end=start)).content.decode()
    assert '<div class="form-errors" role="alert">' in html
    assert '<dl class="case-facts">' not in html


def test_it_is_for_the_team_leads_only(client, lead, owner, outsider_lead, outsider, team):
    client.force_login(lead)
    assert client.get(url(team)).status_code == 200
    entry = AccessLogEntry.objects.filter(user=lead).latest("id")
    assert (entry.record_type, entry.result) == ("network.team_summary", "allowed")
    client.force_login(owner)
    assert client.get(url(team)).status_code == 403
    client.force_login(outsider_lead)
    assert client.get(url(team)).status_code == 404
    client.force_login(outsider)
    assert client.get(url(team)).status_code == 404


def drawn_later(case):
    """The worker draws the map only after the begin ZRM was scored and finalised."""
    for name in ("Anna", "Bram", "Cor"):
        add(case.assigned_worker, case, name, support_practical="receives")


def test_it_leaves_out_a_case_whose_begin_network_was_not_mapped(owner, team, activation):
    # Begin finalised on an empty map "not mapped yet", three people drawn later, end finalised:
    # +3 supporters that nobody activated. The means stay those of the two mapped cases.
    network_case(owner, team, 0, [drawn_later], empty_map="not_mapped")
    found = team_network_summary(team, *period())
    assert (found.cases, found.with_both, found.begin_not_mapped) == (4, 3, 1)
    assert (found.mean_change_supporters, found.mean_change_kinds) == (1.0, 2.5)


def test_it_says_how_many_cases_were_left_out(client, lead, owner, team, activation):
    network_case(owner, team, 0, [drawn_later], empty_map="not_mapped")
    network_case(owner, team, 0, [drawn_later], empty_map="not_mapped")
    client.force_login(lead)
    html = client.get(url(team)).content.decode()
    assert summary(html)[3] == "2,5"
    left_out = re.search(r'<p class="notice" id="left-out">(.*?)</p>', html, re.S).group(1)
    assert left_out == "2 casussen niet meegeteld: beginnetwerk niet in kaart gebracht."


def test_it_says_nothing_was_left_out_when_every_begin_was_mapped(client, lead, team, activation):
    client.force_login(lead)
    assert 'id="left-out"' not in client.get(url(team)).content.decode()


def test_it_counts_a_begin_network_recorded_afterwards_instead_of_the_empty_one(owner, team):
    case = network_case(owner, team, 0, [], end=False, close_it=False, empty_map="not_mapped")
    # The worker draws the begin network (one supporter) and records it as the begin.
    add(owner, case, "Zus", support_practical="receives")
    begin_network_record(acting_user=owner, case=case)
    add(owner, case, "Buur", support_emotional="receives")
    finalised_assessment(case, owner, "end")
    close(case, owner)
    found = team_network_summary(team, *period())
    assert (found.with_both, found.begin_not_mapped) == (1, 0)
    assert (found.mean_change_supporters, found.mean_change_kinds) == (1, 1)


def test_it_runs_the_same_queries_for_more_closed_cases(
    client, lead, owner, team, django_assert_num_queries
):
    client.force_login(lead)
    network_case(owner, team, 1, [drawn_later])
    network_case(owner, team, 0, [drawn_later], empty_map="not_mapped")
    network_case(owner, team, 1, [drawn_later], end=False, close_it=False)
    client.get(url(team))  # the session's first request does more

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(team)).status_code == 200
        return len(queries)

    small = count()
    for _ in range(3):
        network_case(owner, team, 2, [drawn_later])
        network_case(owner, team, 0, [drawn_later], empty_map="not_mapped")
        network_case(owner, team, 0, [drawn_later])
        network_case(owner, team, 1, [drawn_later], end=False, close_it=False)
    with django_assert_num_queries(small):
        assert client.get(url(team)).status_code == 200


# Open trajectories, from the first day ----------------------------------------------------------


def interim_cells(html):
    dl = re.search(r'<dl class="case-facts interim-facts">(.*?)</dl>', html, re.S).group(1)
    return re.findall(r"<dd>(.*?)</dd>", dl)


@pytest.fixture
def open_trajectories(owner, team, outsider, other_team):
    """Two open trajectories compared with a later map: +2 supporters and +2 kinds (a map taken
    by hand at an evaluation); +0 and +1 (an end assessment, not closed yet). One open with only
    its begin; a closed case and another team's open one are left out."""

    def two_friends(case):
        add(owner, case, "Anna", support_emotional="receives")
        add(owner, case, "Bram", support_company="receives")
        snapshot_take(acting_user=owner, case=case, kind="manual", label="Tussenevaluatie")

    network_case(owner, team, 0, [two_friends], end=False, close_it=False)

    def one_more_kind(case):
        (begin,) = case.network_members.all()
        member_update(acting_user=owner, member=begin, support_material="receives")

    network_case(owner, team, 1, [one_more_kind], close_it=False)
    network_case(owner, team, 1, [], end=False, close_it=False)
    network_case(owner, team, 0, [two_friends])
    network_case(outsider, other_team, 0, [two_friends], end=False, close_it=False)


def test_it_measures_open_trajectories_against_their_latest_map(team, open_trajectories):
    found = team_network_interim(team)
    assert found.interim
    assert (found.cases, found.with_both, found.ending_overloaded) == (3, 2, 0)
    assert (found.mean_change_supporters, found.mean_change_kinds) == (1.0, 1.5)


def test_it_shows_them_beside_the_closed_cases_marked_interim(
    client, lead, team, open_trajectories
):
    client.force_login(lead)
    html = client.get(url(team)).content.decode()
    assert summary(html)[:2] == ["1", "1"]  # the closed case, in its own block
    assert interim_cells(html)[:2] == ["3", "2"]
    assert interim_cells(html)[3] == "1,5"
    assert "Lopende trajecten" in html and "tussenstand" in html


def test_it_shows_the_open_trajectories_before_any_case_closed(client, lead, owner, team):
    network_case(owner, team, 1, [drawn_later], end=False, close_it=False)
    client.force_login(lead)
    html = client.get(url(team)).content.decode()
    assert summary(html)[0] == "0"
    assert interim_cells(html)[:2] == ["1", "0"]  # a begin, no later map yet
