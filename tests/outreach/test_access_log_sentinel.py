"""The access log holds no content: with a sentinel in every free-text field of a client's file,
reading, searching, printing and exporting all of it leaves the sentinel in no log column."""

from django.urls import reverse

from cases import services
from cases.models import Agreement, MeldcodeTrajectory, Signal, TimelineEvent
from network.models import NetworkMember
from outreach.models import AccessLogEntry, RoleChange
from tests.full_file import full_file
from tests.outreach.test_record_urls import POST_ONLY, RECORD_URLS
from zrm.models import ZrmAssessment

SENTINEL = "QX7-SENTINEL"


def test_it_never_logs_content(client, owner, lead, team):
    case = full_file(owner=owner, team=team, marker=SENTINEL, first_name=SENTINEL)
    records = {
        "team": team,
        "client": case.client,
        "case": case,
        "signal": Signal.objects.get(case=case),
        "waiting_signal": services.signal_register(
            acting_user=owner,
            team=team,
            source="police",
            subject_name=SENTINEL,
            observed=SENTINEL,
        ),
        "agreement": Agreement.objects.get(case=case),
        "event": TimelineEvent.objects.filter(case=case).first(),
        "member": NetworkMember.objects.get(case=case),
        "assessment": ZrmAssessment.objects.get(case=case),
        "trajectory": MeldcodeTrajectory.objects.get(case=case),
    }
    client.force_login(lead)
    seen = []
    for name in sorted(set(RECORD_URLS) - POST_ONLY):
        kwargs, _type, _id = RECORD_URLS[name](records)
        response = client.get(reverse(name, kwargs=kwargs), {"q": SENTINEL})
        seen.append(response.content)
    for page in ("home", "signal_list"):
        seen.append(client.get(reverse(page), {"q": SENTINEL}).content)
    seen.append(client.post(reverse("search"), {"name": SENTINEL}).content)
    # The sentinel was really there to be logged: pages, PDFs and exports carried it.
    assert any(SENTINEL.encode() in content for content in seen)
    assert AccessLogEntry.objects.filter(action="search").exists()
    assert AccessLogEntry.objects.filter(action="print").exists()
    assert AccessLogEntry.objects.filter(action="export").exists()
    for model in (AccessLogEntry, RoleChange):
        for row in model.objects.values_list():
            assert not any(SENTINEL in str(value) for value in row), row
