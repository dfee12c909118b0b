"""The team's ZRM outcomes for team leads (zrm.views.team_zrm, zrm.selectors.team_outcomes)."""

import csv
import io
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.models import Case
from outreach.models import AccessLogEntry
from tests.zrm.factories import (
    EXAMPLE,
    close,
    domains,
    example_matrix,
    finalised_assessment,
    trajectory_case,
)
from zrm.selectors import team_outcomes


def period():
    today = timezone.localdate()
    return today - timedelta(days=30), today


def move_closed_on(case, day):
    """Cases close today through the services; this moves the day, as a clock would."""
    Case.objects.filter(pk=case.pk).update(closed_on=day)


def scored_case(owner, team, begin=None, end=None, *, close_it=True):
    """begin/end: (default level, {domain key: level}); end None: no end assessment."""
    case = trajectory_case(owner, team)
    today = timezone.localdate()
    default, levels = begin
    finalised_assessment(
        case, owner, "begin", levels, default=default, assessed_on=today - timedelta(days=90)
    )
    if end is not None:
        default, levels = end
        finalised_assessment(case, owner, "end", levels, default=default, assessed_on=today)
    if close_it:
        extra = {} if end is not None else {"no_zrm_reason": "Cliënt onbereikbaar."}
        case = close(case, owner, **extra)
    return case


@pytest.fixture
def outcomes(owner, team, other_team, outsider):
    """Per domain: finances 2→3, 3→3, 4→2; justice 2→3, 3→3 and one not assessed at the end;
    every other domain 2→3, 3→3, 3→3. Around them, cases that must not count."""
    start, _end = period()
    scored_case(owner, team, (2, {}), (3, {}))
    scored_case(owner, team, (3, {}), (3, {}))
    on_the_boundary = scored_case(
        owner, team, (3, {"finances": 4}), (3, {"finances": 2, "justice": None})
    )
    move_closed_on(on_the_boundary, start)  # the period includes its first day
    # Closed the day before the period: left out, though it would change every mean.
    move_closed_on(scored_case(owner, team, (1, {}), (5, {})), start - timedelta(days=1))
    # Closed in the period without an end assessment: counted as such.
    scored_case(owner, team, (1, {}), None)
    # Still open, and another team's case: left out.
    scored_case(owner, team, (1, {}), (5, {}), close_it=False)
    scored_case(outsider, other_team, (1, {}), (5, {}))


def url(team, start=None, end=None, **extra):
    first, last = period()
    params = {"start": (start or first).isoformat(), "end": (end or last).isoformat(), **extra}
    return f"{reverse('zrm_team', args=[team.pk])}?" + "&".join(
        f"{k}={v}" for k, v in params.items()
    )


def row_cells(html, name):
    row = re.search(rf'<th scope="row">{name}</th>(.*?)</tr>', html, re.S).group(1)
    return re.findall(r"<td[^>]*>(.*?)</td>", row)


def read_csv(response):
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_it_is_for_the_team_leads_only(client, team, lead, owner, outsider_lead):
    client.force_login(lead)
    assert client.get(url(team)).status_code == 200
    client.force_login(owner)
    assert client.get(url(team)).status_code == 403
    assert client.get(url(team, formaat="csv")).status_code == 403
    client.force_login(outsider_lead)
    assert client.get(url(team)).status_code == 404
    assert client.get(url(team, formaat="csv")).status_code == 404
    denied = AccessLogEntry.objects.filter(user=outsider_lead)
    assert {(e.result, e.team_id, e.record_id) for e in denied} == {
        ("denied", team.pk, str(team.pk))
    }


def test_it_counts_the_outcomes_per_domain(outcomes, team):
    start, end = period()
    result = team_outcomes(team, start, end)

    assert (result.closed, result.without_end) == (4, 1)
    rows = {r.domain.key: r for r in result.rows}
    assert [r.domain.key for r in result.rows] == [d.key for d in domains()]
    finances = rows["finances"]
    assert sorted(finances.pairs) == [(2, 3), (3, 3), (4, 2)]
    assert (finances.cases, finances.mean_begin) == (3, 3)
    assert finances.mean_end == Decimal("2.7")  # 8/3, rounded half up
    assert (finances.improved, finances.same, finances.worse) == pytest.approx((1 / 3,) * 3)
    justice = rows["justice"]
    assert (justice.cases, justice.mean_begin, justice.mean_end) == (2, Decimal("2.5"), 3)
    assert (justice.improved, justice.same, justice.worse) == (0.5, 0.5, 0)
    housing = rows["housing"]
    assert housing.cases == 3
    assert (housing.mean_begin, housing.mean_end) == (Decimal("2.7"), 3)
    assert (housing.improved, housing.same, housing.worse) == pytest.approx((1 / 3, 2 / 3, 0))


def test_it_shows_the_table_in_dutch(client, outcomes, team, lead):
    client.force_login(lead)

    html = client.get(url(team)).content.decode()

    assert row_cells(html, "Financiën") == ["3", "3,0", "2,7", "33%", "33%", "33%", "—"]
    assert row_cells(html, "Justitie") == ["2", "2,5", "3,0", "50%", "50%", "0%", "—"]
    assert row_cells(html, "Huisvesting") == ["3", "2,7", "3,0", "33%", "67%", "0%", "—"]
    entry = AccessLogEntry.objects.filter(user=lead).latest("id")
    assert (entry.action, entry.record_type, entry.team_id) == (
        "read",
        "zrm.team_outcomes",
        team.pk,
    )


def test_it_says_how_many_closed_cases_have_no_end_assessment(client, outcomes, team, lead):
    client.force_login(lead)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(url(team)).content.decode()
    assert "4 cases closed in this period" in html
    assert "1 without an end assessment." in html


def test_it_leaves_out_a_period_without_closed_cases(client, outcomes, team, lead):
    start, _end = period()
    result = team_outcomes(team, start - timedelta(days=400), start - timedelta(days=2))
    assert (result.closed, result.without_end) == (0, 0)
    assert {r.cases for r in result.rows} == {0}
    assert {r.mean_begin for r in result.rows} == {None}
    client.force_login(lead)
    html = client.get(url(team, start - timedelta(days=400), start - timedelta(days=2))).content
    assert row_cells(html.decode(), "Financiën") == ["0", "—", "—", "—", "—", "—", "—"]


def test_it_exports_the_table_as_csv_for_dutch_excel(client, outcomes, team, lead):
    client.force_login(lead)
    start, end = period()

    response = client.get(url(team, formaat="csv"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="zrm-{team.code}-2013-{start:%Y%m%d}-{end:%Y%m%d}.csv"'
    )
    rows = read_csv(response)
    assert len(rows[0]) == 9  # the header
    by_domain = {row[0]: row[1:] for row in rows[1:12]}
    assert list(by_domain) == [d.name for d in domains()]
    assert by_domain["Financiën"] == ["3", "3,0", "2,7", "33%", "33%", "33%", "", ""]
    assert by_domain["Justitie"] == ["2", "2,5", "3,0", "50%", "50%", "0%", "", ""]
    assert by_domain["Huisvesting"] == ["3", "2,7", "3,0", "33%", "67%", "0%", "", ""]
    assert rows[12] == []
    assert [row[1] for row in rows[13:16]] == ["4", "1", "2013"]
    entry = AccessLogEntry.objects.filter(user=lead).latest("id")
    assert (entry.action, entry.record_type, entry.team_id) == (
        "export",
        "zrm.team_outcomes",
        team.pk,
    )


def test_it_rounds_a_mean_the_same_on_the_page_and_in_the_csv(client, owner, team, lead):
    # Finances 2, 2, 2, 3 at the begin: a mean of 2.25 exactly.
    for begin in (2, 2, 2, 3):
        scored_case(owner, team, (3, {"finances": begin}), (3, {}))
    client.force_login(lead)

    html = client.get(url(team)).content.decode()
    exported = {row[0]: row[1:] for row in read_csv(client.get(url(team, formaat="csv")))[1:12]}

    assert row_cells(html, "Financiën")[1] == exported["Financiën"][1]


def test_it_refuses_a_period_that_ends_before_it_starts(client, team, lead):
    client.force_login(lead)
    start, end = period()
    response = client.get(url(team, start=end, end=start))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="form-errors"' in html and "<tbody>" not in html


def test_it_shows_this_year_so_far_without_a_chosen_period(client, owner, team, lead):
    scored_case(owner, team, (2, {}), (4, {}))
    client.force_login(lead)
    html = client.get(reverse("zrm_team", args=[team.pk])).content.decode()
    assert 'name="start"' in html and 'name="end"' in html
    assert row_cells(html, "Financiën") == ["1", "2,0", "4,0", "100%", "0%", "0%", "—"]


def test_it_answers_htmx_with_the_outcomes_only(client, outcomes, team, lead):
    client.force_login(lead)
    html = client.get(url(team), HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in html and 'name="start"' not in html
    assert row_cells(html, "Financiën") == ["3", "3,0", "2,7", "33%", "33%", "33%", "—"]


def test_it_makes_the_same_number_of_queries_for_more_closed_cases(
    client, owner, team, lead, django_assert_num_queries
):
    for _ in range(2):
        scored_case(owner, team, (2, {}), (3, {}))
    client.force_login(lead)
    client.get(url(team))
    with CaptureQueriesContext(connection) as few:
        small = client.get(url(team)).content.decode()
    for _ in range(4):
        scored_case(owner, team, (2, {}), (4, {}))
    with django_assert_num_queries(len(few.captured_queries)):
        large = client.get(url(team)).content.decode()
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url(team, formaat="csv"))
    assert row_cells(small, "Financiën")[0] == "2" and row_cells(large, "Financiën")[0] == "6"


def test_it_shows_the_open_trajectories_as_an_interim_result(client, owner, team, lead):
    case = scored_case(owner, team, (2, {}), None, close_it=False)
    finalised_assessment(case, owner, "evaluation", {"finances": 4}, default=2)
    scored_case(owner, team, (3, {}), (4, {}))
    start, end = period()

    result = team_outcomes(team, start, end)

    assert (result.closed_table.cases, result.interim_table.cases) == (1, 1)
    interim = {r.domain.key: r for r in result.interim_table.rows}
    assert interim["finances"].pairs == [(2, 4)] and interim["housing"].pairs == [(2, 2)]
    assert {r.domain.key: r.pairs for r in result.rows}["finances"] == [(3, 4)]
    client.force_login(lead)
    html = client.get(url(team)).content.decode()
    assert "Lopende trajecten (tussenstand)" in html
    interim_html = html[html.index("Lopende trajecten") :]
    assert row_cells(interim_html, "Financiën") == ["1", "2,0", "4,0", "100%", "0%", "0%", "—"]


def test_it_gives_a_choice_of_version_and_leaves_no_case_out_silently(client, owner, team, lead):
    scored_case(owner, team, (2, {}), (3, {}))
    scored_case(owner, team, (2, {}), (4, {}))
    example_matrix(owner, current=True)
    scored_case(owner, team, (1, {}), (5, {}))
    start, end = period()

    shown = team_outcomes(team, start, end)
    example = team_outcomes(team, start, end, matrix_key=EXAMPLE)

    # Without a choice: the version most closed cases use; the other is named with its cases.
    assert shown.matrix.key == "2013" and shown.closed_table.cases == 2
    assert [(v.matrix.key, v.closed, v.open) for v in shown.other_versions] == [(EXAMPLE, 1, 0)]
    assert example.matrix.key == EXAMPLE and example.closed_table.cases == 1
    assert [r.domain.key for r in example.rows] == [
        "finances",
        "housing",
        "social_network",
        "garden",
    ]
    client.force_login(lead)
    html = client.get(url(team)).content.decode()
    assert '<select name="versie"' in html and "Voorbeeldmatrix" in html
    assert "1 afgesloten casus" in html
    html = client.get(url(team, versie=EXAMPLE)).content.decode()
    assert row_cells(html, "Geldzaken \\(voorbeeld\\)") == [
        "1",
        "1,0",
        "5,0",
        "100%",
        "0%",
        "0%",
        "—",
    ]
    exported = read_csv(client.get(url(team, versie=EXAMPLE, formaat="csv")))
    assert exported[1][0] == "Geldzaken (voorbeeld)"


def test_it_makes_the_same_number_of_queries_with_two_versions_and_open_cases(
    client, owner, team, lead, django_assert_num_queries
):
    scored_case(owner, team, (2, {}), (3, {}))
    example_matrix(owner, current=True)
    scored_case(owner, team, (2, {}), (3, {}))
    client.force_login(lead)
    client.get(url(team))
    with CaptureQueriesContext(connection) as few:
        client.get(url(team))
    for _ in range(3):
        scored_case(owner, team, (2, {}), (4, {}))
        open_case = scored_case(owner, team, (2, {}), None, close_it=False)
        finalised_assessment(open_case, owner, "evaluation", default=3)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url(team))


def test_it_shows_how_the_share_of_professional_help_changes(client, owner, team, lead):
    today = timezone.localdate()
    for begin_help, end_help in ((80, 40), (60, 20)):
        case = trajectory_case(owner, team)
        finalised_assessment(
            case,
            owner,
            "begin",
            assessed_on=today - timedelta(days=90),
            extras={"finances": {"split": (10, 100 - 10 - begin_help, begin_help)}},
        )
        finalised_assessment(
            case, owner, "end", extras={"finances": {"split": (40, 60 - end_help, end_help)}}
        )
        close(case, owner)
    # A split at the begin only: not in the figure.
    scored_case(owner, team, (3, {}), (3, {}))
    start, end = period()

    result = team_outcomes(team, start, end)

    finances = {r.domain.key: r for r in result.rows}["finances"]
    assert sorted(finances.help_pairs) == [(60, 20), (80, 40)]
    assert (finances.help_begin, finances.help_end) == (70, 30)
    assert (result.closed_table.help_begin, result.closed_table.help_end) == (70, 30)
    client.force_login(lead)
    html = client.get(url(team)).content.decode()
    assert row_cells(html, "Financiën")[-1] == "70% → 30%"
    assert "over de domeinen met een verdeling op beide momenten: 70% → 30%." in html
