"""The case's ZRM tab (zrm.views.case_zrm)."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase
from tests.zrm.factories import (
    close,
    domain,
    draft_assessment,
    example_matrix,
    finalised_assessment,
    levels_list,
)
from zrm import services

#        fin  day  hou  dom  men  phy  add  adl  soc  com  jus
BEGIN = [1, 2, 3, 4, 5, 1, 2, 3, None, 2, None]
END = [2, 2, 1, 5, 5, 2, 4, None, 3, 2, 4]


pytestmark = pytest.mark.case_phase(Phase.TRAJECT_BEGIN)


def page(client, user, case, language=None):
    client.force_login(user)
    if language:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(reverse("zrm_case", args=[case.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_it_compares_begin_and_end_with_chart_table_and_summary(client, owner, colleague, case):
    finalised_assessment(case, owner, "begin", levels_list(BEGIN))
    finalised_assessment(case, owner, "end", levels_list(END))

    html = page(client, colleague, case)

    directions = re.findall(r'<tr class="direction-(\w+)">', html)
    assert directions == [
        *["improved", "same", "worse", "improved", "same", "improved", "improved"],
        *["not_assessed", "not_assessed", "same", "not_assessed"],
    ]
    assert '<svg class="zrm-radar"' in html
    assert reverse("zrm_report", args=[case.pk]) in html
    # Mean 23/9 → 30/10, in Dutch with a decimal comma; 4 improved, 3 the same, 1 worse.
    summary = re.search(r'<dl class="case-facts zrm-summary">(.*?)</dl>', html, re.S).group(1)
    mean, *counts = re.findall(r"<dd>(.*?)</dd>", summary)
    assert re.fullmatch(r"2,6 → 3(,0)?", mean), mean  # 30/10 is the int 3 from statistics.mean
    assert counts == ["4", "3", "1", "2 → 1"]
    entry = AccessLogEntry.objects.filter(user=colleague).latest("id")
    assert (entry.action, entry.record_type, entry.record_id) == (
        "read",
        "cases.case",
        str(case.pk),
    )


def test_it_shows_the_latest_evaluation_when_there_is_no_end(client, owner, case):
    today = timezone.localdate()
    finalised_assessment(case, owner, "begin", default=2, assessed_on=today - timedelta(days=90))
    finalised_assessment(
        case, owner, "evaluation", default=3, assessed_on=today - timedelta(days=30)
    )
    html = page(client, owner, case)
    assert re.findall(r'<tr class="direction-(\w+)">', html) == ["improved"] * 11


def test_it_offers_to_start_before_anything_is_finalised(client, owner, case):
    draft = draft_assessment(case, owner, "begin")

    html = page(client, owner, case)

    assert "<svg" not in html and "<table" not in html
    assert reverse("zrm_report", args=[case.pk]) not in html
    assert f'hx-get="{reverse("zrm_case", args=[case.pk])}?formulier=meting"' in html
    assert reverse("zrm_targets", args=[case.pk]) in html
    assert f'href="{reverse("zrm_assessment", args=[draft.pk])}"' in html
    assert '<span class="flag">' in html  # marked as a draft


def test_it_renders_the_start_form_only_when_it_is_opened(client, owner, case):
    """htmx loads the form when its section opens; the link in the section shows it without
    JavaScript."""
    start = reverse("zrm_start", args=[case.pk])
    html = page(client, owner, case)
    assert start not in html and 'name="assessed_on"' not in html
    tab = reverse("zrm_case", args=[case.pk])
    opened = client.get(f"{tab}?formulier=meting").content.decode()
    assert '<details class="case-section" open>' in opened
    assert f'action="{start}"' in opened and 'name="submission"' in opened
    today = timezone.localdate().isoformat()
    assert f'name="assessed_on" value="{today}"' in opened
    loaded = client.get(f"{tab}?formulier=meting", headers={"HX-Request": "true"})
    form = loaded.content.decode()
    assert "<html" not in form and "All assessments" not in form
    assert form.strip().startswith("<form") and 'name="kind"' in form


def test_it_offers_no_new_assessment_on_a_closed_case(client, owner, team):
    case = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    html = page(client, owner, case)
    asked = client.get(f"{reverse('zrm_case', args=[case.pk])}?formulier=meting").content.decode()
    assert "formulier=meting" not in html
    assert reverse("zrm_start", args=[case.pk]) not in html + asked
    assert reverse("zrm_targets", args=[case.pk]) not in html


def test_it_lists_a_correction_beside_the_assessment_it_replaces(client, owner, case):
    begin = finalised_assessment(case, owner, "begin", default=2)
    correction = services.assessment_correct(
        acting_user=owner, assessment=begin, reason="Verkeerde cliënt ingevuld."
    )
    services.assessment_finalise(acting_user=owner, assessment=correction)

    html = page(client, owner, case, language="en")

    for a in (begin, correction):
        assert f'href="{reverse("zrm_assessment", args=[a.pk])}"' in html
    assert html.count("replaced by a correction") == 1
    assert "Verkeerde cliënt ingevuld." in html


def test_it_does_not_call_an_earlier_evaluation_replaced_by_a_correction(client, owner, case):
    # Two evaluations on different dates, none corrected: the earlier one was not replaced by a
    # correction, it is simply the earlier one (templates/zrm/case_zrm.html marks every final
    # assessment that is not "current" as replaced by a correction).
    today = timezone.localdate()
    finalised_assessment(case, owner, "evaluation", assessed_on=today - timedelta(days=60))
    finalised_assessment(case, owner, "evaluation", assessed_on=today - timedelta(days=5))

    html = page(client, owner, case, language="en")

    assert "replaced by a correction" not in html


def test_it_compares_a_trajectory_in_its_version_after_another_became_current(client, owner, case):
    finalised_assessment(case, owner, "begin", levels_list(BEGIN))
    example_matrix(owner, current=True)
    finalised_assessment(case, owner, "end", {"finances": 4})

    html = page(client, owner, case)

    assert 'class="zrm-radar"' in html and 'class="zrm-comparison stack"' in html
    assert "+3 verbeterd" in html and "Voorbeeld" not in html


def test_it_shows_the_targets_in_the_table(client, owner, case):
    finalised_assessment(case, owner, "begin", default=2)
    services.targets_set(acting_user=owner, case=case, levels={domain("finances"): 4})
    html = page(client, owner, case)
    first_row = re.search(r'<tr class="direction-\w+">(.*?)</tr>', html, re.S).group(1)
    assert re.findall(r"<td[^>]*>(.*?)</td>", first_row) == ["2", "4"]


def test_it_makes_the_same_number_of_queries_with_more_assessments(
    client, owner, case, django_assert_num_queries
):
    today = timezone.localdate()
    begin = finalised_assessment(case, owner, "begin", assessed_on=today - timedelta(days=100))
    finalised_assessment(case, owner, "end")
    client.force_login(owner)
    url = reverse("zrm_case", args=[case.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for days in (80, 60, 40):
        finalised_assessment(case, owner, "evaluation", assessed_on=today - timedelta(days=days))
    correction = services.assessment_correct(acting_user=owner, assessment=begin, reason="Fout.")
    services.assessment_finalise(acting_user=owner, assessment=correction)
    draft_assessment(case, owner, "evaluation")
    services.targets_set(
        acting_user=owner, case=case, levels={domain("finances"): 4, domain("adl"): 5}
    )
    with django_assert_num_queries(len(few.captured_queries)):
        html = client.get(url).content.decode()
    assert html.count('class="case-card"') == 7


def test_it_still_shows_the_finalised_assessments_after_closing(client, owner, case):
    finalised_assessment(case, owner, "begin", default=2)
    finalised_assessment(case, owner, "end", default=4)
    close(case, owner)
    html = page(client, owner, case)
    assert '<svg class="zrm-radar"' in html
    assert re.findall(r'<tr class="direction-(\w+)">', html) == ["improved"] * 11
