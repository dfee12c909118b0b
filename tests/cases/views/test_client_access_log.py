"""A team lead reads who read, searched, changed, printed or exported a client's data: a sentence
per row (who by name, role and team; what in words; which record), repeats folded into one row
with a count while the stored rows stay one per access; filtered by period, person and action;
paged with a flat number of queries."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.access_log import ACCESS_LOG_PAGE_SIZE
from outreach.models import AccessLogEntry
from tests.cases.factories import open_case


def log_page(client, lead, case, **filters):
    client.force_login(lead)
    return client.get(reverse("client_access_log", args=[case.client_id]), filters)


def test_it_reads_like_a_sentence_per_row_newest_first(client, owner, lead, outsider, team):
    case = open_case(acting_user=owner, team=team, first_name="Ria", last_name="Bos")
    other = open_case(acting_user=owner, team=team, first_name="Piet", last_name="Bos")
    client.force_login(owner)
    client.get(reverse("client_edit", args=[case.client_id]))
    client.get(reverse("case_detail", args=[case.pk]))
    client.get(reverse("client_detail", args=[other.client_id]))
    client.force_login(outsider)
    client.get(reverse("client_detail", args=[case.client_id]))
    response = log_page(client, lead, case)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'Olga Tester</strong> <span class="muted">(outreachwerker, Outreach Noord)' in html
    assert "bekeek de cliëntgegevens" in html
    assert f"bekeek de casus — casus {case.reference}" in html
    assert 'Otto Tester</strong> <span class="muted">(Outreach Zuid)' in html
    assert "geweigerd" in html
    assert html.index("Otto Tester</strong>") < html.index("Olga Tester</strong>")  # newest first
    # No ids, paths or model names.
    assert f"cliënt {case.client_id}" not in html and "GET /" not in html
    assert "cases.client" not in html
    assert other.reference not in html
    assert timezone.localtime().strftime("%d-%m-%Y") in html


def test_it_folds_repeats_into_one_row_with_a_count(client, owner, lead, team):
    case = open_case(acting_user=owner, team=team)
    client.force_login(owner)
    for _n in range(3):
        client.get(reverse("case_detail", args=[case.pk]))
    before = AccessLogEntry.objects.filter(user=owner).count()
    html = log_page(client, lead, case).content.decode()
    assert html.count(f"casus {case.reference}") == 1
    assert "(3 keer)" in html
    assert before == 3, "the stored rows stay one per access"


def test_it_folds_a_zrm_forms_autosaves(client, owner, lead, team):
    from tests.zrm.factories import DOMAIN_KEYS, domain
    from zrm.services import assessment_start

    case = open_case(acting_user=owner, team=team)
    assessment = assessment_start(
        acting_user=owner, case=case, kind="begin", assessed_on=timezone.localdate()
    )
    client.force_login(owner)
    url = reverse("zrm_assessment", args=[assessment.pk])
    for n in range(4):
        assessment.refresh_from_db()
        data = {"expected_version": assessment.version}
        for key in DOMAIN_KEYS[: n + 1]:
            data[f"level_{domain(key).pk}"] = "3"
        client.post(url, data, headers={"HX-Request": "true"})
    html = log_page(client, lead, case).content.decode()
    assert html.count("vulde een ZRM-meting in") == 1
    assert "(4 keer)" in html


def test_it_filters_by_period_person_and_action(client, owner, lead, outsider, team):
    case = open_case(acting_user=owner, team=team)
    client.force_login(owner)
    client.get(reverse("case_detail", args=[case.pk]))
    client.force_login(outsider)
    client.get(reverse("client_detail", args=[case.client_id]))
    html = log_page(client, lead, case, person=outsider.pk).content.decode()
    assert "Otto Tester</strong>" in html and "Olga Tester</strong>" not in html
    html = log_page(client, lead, case, action="denied").content.decode()
    assert "Otto Tester</strong>" in html and "Olga Tester</strong>" not in html
    html = log_page(client, lead, case, action="read", person=owner.pk).content.decode()
    assert "Olga Tester</strong>" in html and "Otto Tester</strong>" not in html
    tomorrow = (timezone.localdate() + timedelta(days=1)).strftime("%d-%m-%Y")
    html = log_page(client, lead, case, start=tomorrow).content.decode()
    assert "Er is nog niets gelogd." in html


def test_it_says_what_is_wrong_with_a_bad_period_and_shows_everything(client, owner, lead, team):
    case = open_case(acting_user=owner, team=team)
    client.force_login(owner)
    client.get(reverse("case_detail", args=[case.pk]))
    response = log_page(client, lead, case, start="02-01-2026", end="01-01-2026")
    html = response.content.decode()
    assert "Het begin van de periode ligt na het einde." in html
    assert 'value="02-01-2026"' in html  # nothing typed is lost
    assert "Olga Tester</strong>" in html


def test_it_is_a_logged_403_in_dutch_for_a_worker_of_the_team(client, owner, team):
    case = open_case(acting_user=owner, team=team)
    client.force_login(owner)
    response = client.get(reverse("client_access_log", args=[case.client_id]))
    assert response.status_code == 403
    assert "Alleen de teamleiders van Outreach Noord" in response.content.decode()
    entry = AccessLogEntry.objects.filter(user=owner).get()
    assert (entry.result, entry.client_id) == ("denied", case.client_id)


def test_it_pages_the_log_with_a_flat_query_count(client, owner, colleague, lead, team):
    case = open_case(acting_user=owner, team=team)
    url = reverse("client_access_log", args=[case.client_id])
    client.force_login(lead)
    client.get(url)

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, {"pagina": "1"})
        return len(queries), response

    small, _ = count()
    for _n in range(ACCESS_LOG_PAGE_SIZE // 2 + 1):
        for user in (owner, colleague):  # alternating: nothing folds
            client.force_login(user)
            client.get(reverse("client_detail", args=[case.client_id]))
    client.force_login(lead)
    client.get(url)
    big, response = count()
    assert big == small
    assert response.context["page"].paginator.num_pages == 2
    assert "pagina=2" in response.content.decode()


def test_it_links_the_log_and_inspection_file_for_leads_only(client, owner, lead, team):
    case = open_case(acting_user=owner, team=team)
    links = [
        reverse(name, args=[case.client_id])
        for name in ("client_access_log", "client_inspection_request")
    ]
    client.force_login(lead)
    html = client.get(reverse("client_detail", args=[case.client_id])).content.decode()
    assert all(link in html for link in links)
    client.force_login(owner)
    html = client.get(reverse("client_detail", args=[case.client_id])).content.decode()
    assert not any(link in html for link in links)
