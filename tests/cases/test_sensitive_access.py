"""Point 7: the shielded parts of a case (prior information from the voorfase, the voorfase's own
text, justice and domestic-violence details) are for the case's worker and the team's leads only.
Others in the team see that they exist, not what they say; their posts change nothing."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import Case, PriorInformation, SensitiveDetail
from cases.phases import Phase
from outreach.access import may_see_sensitive
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase, snapshot

INFO = "SENTINEL-VOORINFO Huurachterstand en politiecontact"
SOURCE = "SENTINEL-BRON wijkagent"
REASON = "SENTINEL-REDEN zorgen van de buren"
JUSTICE = "SENTINEL-JUSTITIE taakstraf lopend"
SAFETY = "SENTINEL-VEILIGHEID tijdelijk huisverbod partner"
SENTINELS = ("SENTINEL-VOORINFO", "SENTINEL-BRON", "SENTINEL-REDEN", "SENTINEL-JUSTITIE")


@pytest.fixture
def case(owner, team):
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    services.case_update_prephase(
        acting_user=owner,
        case=case,
        prior_info_decision="yes",
        prior_info_reason=REASON,
        prior_info_basis=REASON,
        suitability_analysis=REASON,
        approach_plan=REASON,
    )
    info = services.prior_information_add(
        acting_user=owner,
        case=case,
        gathered_on=timezone.localdate() - timedelta(days=2),
        source=SOURCE,
        content=INFO,
        without_client_knowledge=True,
    )
    services.timeline_correct(
        acting_user=owner, event=case.events.get(kind="prior_info"), text=f"{SOURCE} (bijgesteld)"
    )
    services.sensitive_detail_add(acting_user=owner, case=case, kind="justice", content=JUSTICE)
    assert info.pk
    return Case.objects.get(pk=case.pk)


def page(client, user, case):
    client.force_login(user)
    response = client.get(reverse("case_detail", args=[case.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_a_colleague_that_it_exists_and_not_what_it_says(client, colleague, case):
    html = page(client, colleague, case)
    for sentinel in SENTINELS:
        assert sentinel not in html
    assert "Er is voorinformatie vastgelegd (afgeschermd)" in html
    assert "Er is 1 afgeschermde vermelding over justitie of veiligheid" in html
    assert reverse("prior_information_add", args=[case.pk]) not in html
    assert reverse("prephase_edit", args=[case.pk]) not in html


@pytest.mark.parametrize("who", ["owner", "lead"])
def test_it_shows_the_content_to_the_worker_and_the_lead(client, request, case, who):
    html = page(client, request.getfixturevalue(who), case)
    for sentinel in SENTINELS:
        assert sentinel in html
    assert "Er is voorinformatie vastgelegd (afgeschermd)" not in html


def test_it_keeps_the_timeline_filter_and_later_pages_shielded(client, colleague, case):
    client.force_login(colleague)
    for query in ("?soort=prior_info", "?soort=sensitive", "?soort=correction"):
        response = client.get(
            reverse("case_detail", args=[case.pk]) + query, HTTP_HX_REQUEST="true"
        )
        html = response.content.decode()
        assert response.status_code == 200
        for sentinel in SENTINELS:
            assert sentinel not in html


def test_it_says_what_kind_of_detail_was_recorded_never_what(client, owner, case):
    event = case.events.get(kind="sensitive")
    assert event.data == {"kind": "justice"}
    assert "SENTINEL" not in str(
        list(
            case.events.values_list("data", flat=True).exclude(
                kind__in=["prior_info", "correction"]
            )
        )
    )


POSTS = {
    "prephase_edit": {"prior_info_decision": "no", "prior_info_reason": "overschreven"},
    "prior_information_add": {
        "gathered_on": timezone.localdate().isoformat(),
        "source": "x",
        "content": "overschreven",
        "without_client_knowledge": "on",
    },
    "sensitive_detail_add": {"kind": "domestic_violence", "content": "overschreven"},
}


@pytest.mark.parametrize("name", sorted(POSTS))
def test_it_refuses_a_colleagues_post_and_changes_nothing(client, colleague, case, name):
    before = snapshot(case), PriorInformation.objects.count(), SensitiveDetail.objects.count()
    client.force_login(colleague)
    url = reverse(name, args=[case.pk])
    assert client.get(url).status_code == 403
    response = client.post(url, POSTS[name])
    assert response.status_code == 403
    assert "Alleen de werker van de casus en de teamleiders" in response.content.decode()
    assert (
        snapshot(case),
        PriorInformation.objects.count(),
        SensitiveDetail.objects.count(),
    ) == before
    assert Case.objects.get(pk=case.pk).prior_info_reason == REASON
    denied = AccessLogEntry.objects.filter(user=colleague, result="denied", record_id=str(case.pk))
    assert denied.count() == 2


def test_it_refuses_a_colleague_correcting_a_shielded_entry(client, colleague, case):
    event = case.events.get(kind="prior_info")
    before = snapshot(case)
    client.force_login(colleague)
    url = reverse("event_correct", args=[event.pk])
    assert client.post(url, {"text": "overschreven"}).status_code == 403
    assert snapshot(case) == before


def test_the_services_refuse_a_colleague_too(colleague, case):
    before = snapshot(case)
    with pytest.raises(PermissionDenied):
        services.sensitive_detail_add(acting_user=colleague, case=case, kind="justice", content="x")
    with pytest.raises(PermissionDenied):
        services.case_update_prephase(
            acting_user=colleague, case=case, prior_info_decision="no", prior_info_reason="x"
        )
    assert snapshot(case) == before


def test_it_lets_the_worker_record_domestic_violence_details(client, owner, case):
    client.force_login(owner)
    url = reverse("sensitive_detail_add", args=[case.pk])
    response = client.post(
        url,
        {
            "kind": "domestic_violence",
            "recorded_on": timezone.localdate().strftime("%d-%m-%Y"),
            "content": SAFETY,
        },
    )
    assert response.status_code == 302
    detail = SensitiveDetail.objects.get(kind="domestic_violence")
    assert (detail.content, detail.recorded_by, detail.case) == (SAFETY, owner, case)
    html = page(client, owner, case)
    assert SAFETY in html
    assert "Afgeschermde gegevens vastgelegd: huiselijk geweld / veiligheid" in html


def test_reassignment_moves_the_right(client, owner, colleague, lead, team, case):
    assert may_see_sensitive(owner, case) and not may_see_sensitive(colleague, case)
    services.case_reassign(
        acting_user=lead, team=team, cases=[case], to_worker=colleague, reason="Verlof"
    )
    case = Case.objects.get(pk=case.pk)
    assert may_see_sensitive(colleague, case) and not may_see_sensitive(owner, case)
    assert INFO in page(client, colleague, case)
    client.logout()
    assert INFO not in page(client, owner, case)


def test_another_teams_lead_sees_nothing_at_all(client, outsider_lead, case):
    client.force_login(outsider_lead)
    assert client.get(reverse("case_detail", args=[case.pk])).status_code == 404
    assert client.get(reverse("sensitive_detail_add", args=[case.pk])).status_code == 404


def test_a_closed_case_takes_no_new_details(client, owner, team):
    case = case_in_phase(Phase.NIET_PASSEND, acting_user=owner, team=team)
    with pytest.raises(ValidationError):
        services.sensitive_detail_add(acting_user=owner, case=case, kind="justice", content="x")
    client.force_login(owner)
    assert client.get(reverse("sensitive_detail_add", args=[case.pk])).status_code == 404


def test_the_demo_shields_the_safety_details_of_its_domestic_violence_case(db):
    call_command("seed_demo", "--allow-without-debug", stdout=StringIO())
    detail = SensitiveDetail.objects.select_related("case").first()
    assert detail is not None and detail.kind == "domestic_violence"
    assert "safety" in detail.case.signals.first().concerns
    assert detail.case.events.filter(kind="sensitive", data={"kind": "domestic_violence"}).exists()
