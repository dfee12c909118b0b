"""Reassigning cases from the worker page (team_reassign, POST only)."""

import pytest
from django.urls import reverse

from cases.models import Case, TimelineEvent
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase, events, open_case, snapshot

REASON = "Olga gaat met verlof."


def url(team):
    return reverse("team_reassign", args=[team.pk])


def worker_page(team, worker):
    return reverse("team_worker", args=[team.pk, worker.pk])


def post(client, team, cases, to_worker, reason=REASON, next_url=None):
    data = {"cases": [case.pk for case in cases], "to_worker": to_worker.pk, "reason": reason}
    if next_url is not None:
        data["next"] = next_url
    return client.post(url(team), data)


def shown_messages(client, path):
    html = client.get(path).content.decode()
    start = html.find('<div class="messages"')
    return html[start : html.find("</div>", start)] if start >= 0 else ""


@pytest.fixture
def owners_cases(owner, team):
    return [
        open_case(acting_user=owner, team=team, last_name="Een"),
        case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name="Twee"),
        open_case(acting_user=owner, team=team, last_name="Drie"),
    ]


def test_it_moves_the_ticked_cases_and_says_so(client, lead, owner, colleague, team, owners_cases):
    client.force_login(lead)
    back = worker_page(team, owner)
    response = post(client, team, owners_cases[:2], colleague, next_url=back)
    assert response.status_code == 302 and response["Location"] == back
    workers = dict(Case.objects.values_list("pk", "assigned_worker"))
    assert workers == {
        owners_cases[0].pk: colleague.pk,
        owners_cases[1].pk: colleague.pk,
        owners_cases[2].pk: owner.pk,
    }
    for case in owners_cases[:2]:
        (event,) = events(case, TimelineEvent.Kind.ASSIGNMENT)
        assert event.data == {"from": "Olga Tester", "to": "Cor Tester", "reason": REASON}
    assert "2 casussen overgedragen aan Cor Tester." in shown_messages(client, back)
    changes = AccessLogEntry.objects.filter(user=lead, action="change")
    assert sorted(changes.values_list("record_id", flat=True)) == sorted(
        str(case.pk) for case in owners_cases[:2]
    )


def test_it_goes_back_to_the_team_page_without_a_next(client, lead, colleague, team, owners_cases):
    client.force_login(lead)
    response = post(client, team, owners_cases[:1], colleague)
    assert response["Location"] == reverse("team_detail", args=[team.pk])


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/"])
def test_it_never_sends_the_lead_off_the_site(
    next_url, client, lead, colleague, team, owners_cases
):
    client.force_login(lead)
    response = post(client, team, owners_cases[:1], colleague, next_url=next_url)
    assert response.status_code == 302
    assert response["Location"] == reverse("team_detail", args=[team.pk])


def test_it_changes_nothing_for_another_teams_case_id(
    client, lead, owner, colleague, team, other_team, outsider, owners_cases
):
    theirs = open_case(acting_user=outsider, team=other_team, last_name="Hun")
    before = [snapshot(case) for case in [*owners_cases, theirs]]
    client.force_login(lead)
    back = worker_page(team, owner)
    response = post(client, team, [owners_cases[0], theirs], colleague, next_url=back)
    assert response.status_code == 200
    assert [snapshot(case) for case in [*owners_cases, theirs]] == before
    assert 'class="field-error"' in response.content.decode()
    assert not AccessLogEntry.objects.filter(user=lead, action="change").exists()


def test_it_changes_nothing_when_a_ticked_case_was_closed_meanwhile(
    client, lead, owner, colleague, team, owners_cases
):
    closed = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, last_name="Dicht")
    before = [snapshot(case) for case in [*owners_cases, closed]]
    client.force_login(lead)
    back = worker_page(team, owner)
    response = post(client, team, [owners_cases[0], closed], colleague, next_url=back)
    assert [snapshot(case) for case in [*owners_cases, closed]] == before
    assert (
        '<small class="field-error">Alleen open casussen van dit team kunnen worden '
        "overgedragen.</small>"
    ) in response.content.decode()


def test_it_changes_nothing_without_a_reason(client, lead, owner, colleague, team, owners_cases):
    before = [snapshot(case) for case in owners_cases]
    client.force_login(lead)
    back = worker_page(team, owner)
    response = post(client, team, owners_cases, colleague, reason="  ", next_url=back)
    assert [snapshot(case) for case in owners_cases] == before
    assert 'id="id_reason_error"' in response.content.decode()


def test_it_refuses_the_worker_who_already_has_the_cases_next_to_the_field(
    client, lead, owner, team, owners_cases
):
    before = [snapshot(case) for case in owners_cases]
    client.force_login(lead)
    back = worker_page(team, owner)
    response = post(client, team, owners_cases[:2], owner, next_url=back)
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        '<small class="field-error" id="id_to_worker_error">Olga Tester heeft deze casussen al: '
        "kies een andere medewerker.</small>"
    ) in html
    assert "overgedragen aan" not in html and "overgedragen aan" not in shown_messages(client, back)
    assert [snapshot(case) for case in owners_cases] == before
    assert not AccessLogEntry.objects.filter(user=lead, action="change").exists()
    # The worker page again, with what was ticked still ticked and the way back kept.
    assert f'name="cases" value="{owners_cases[0].pk}" checked' in html
    assert f'name="cases" value="{owners_cases[2].pk}">' in html
    assert f'name="next" value="{back}"' in html


def test_it_says_the_errors_in_a_message_without_a_worker_page_to_go_back_to(
    client, lead, owner, team, owners_cases
):
    client.force_login(lead)
    response = post(client, team, owners_cases[:1], owner)
    assert response["Location"] == reverse("team_detail", args=[team.pk])
    assert "heeft deze casussen al" in shown_messages(client, response["Location"])


def test_it_changes_nothing_for_a_worker_of_another_team(
    client, lead, owner, team, outsider, owners_cases
):
    before = [snapshot(case) for case in owners_cases]
    client.force_login(lead)
    post(client, team, owners_cases, outsider, next_url=worker_page(team, owner))
    assert [snapshot(case) for case in owners_cases] == before


def test_it_explains_in_dutch_that_a_worker_may_not_reassign(
    client, owner, colleague, team, owners_cases
):
    before = [snapshot(case) for case in owners_cases]
    client.force_login(owner)
    response = post(client, team, owners_cases, colleague)
    assert response.status_code == 403
    assert "Alleen de teamleiders van Outreach Noord" in response.content.decode()
    assert [snapshot(case) for case in owners_cases] == before


def test_it_is_a_404_for_a_lead_of_another_team(
    client, outsider_lead, colleague, team, owners_cases
):
    before = [snapshot(case) for case in owners_cases]
    client.force_login(outsider_lead)
    assert post(client, team, owners_cases, colleague).status_code == 404
    assert [snapshot(case) for case in owners_cases] == before


def test_it_takes_only_a_post(client, lead, team):
    client.force_login(lead)
    assert client.get(url(team)).status_code == 405


def test_it_says_beside_the_cases_that_none_was_ticked_and_keeps_the_reason_and_the_worker(
    client, lead, owner, colleague, team, owners_cases
):
    before = [snapshot(case) for case in owners_cases]
    client.force_login(lead)
    back = worker_page(team, owner)
    response = post(client, team, [], colleague, next_url=back)
    html = response.content.decode()
    assert response.status_code == 200
    # The error inside the cases' fieldset, under its legend, and nowhere at the top.
    fieldset = html[html.index('<fieldset class="has-error">') : html.index("</fieldset>")]
    assert (
        "<legend>Kies de casussen om over te dragen</legend>\n"
        '    <small class="field-error">Dit veld is verplicht.</small>'
    ) in fieldset
    assert html.count('class="field-error"') == 1
    assert 'class="form-errors"' not in html and shown_messages(client, back) == ""
    # What was typed and chosen is still there; nothing was ticked, so nothing is.
    assert f'id="id_reason">\n{REASON}</textarea>' in html
    assert f'<option value="{colleague.pk}" selected>Cor Tester</option>' in html
    assert "checked" not in fieldset
    assert [snapshot(case) for case in owners_cases] == before
    assert not events(owners_cases[0], TimelineEvent.Kind.ASSIGNMENT)
    assert not AccessLogEntry.objects.filter(user=lead, action="change").exists()
