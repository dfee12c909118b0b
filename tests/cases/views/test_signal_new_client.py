import re
from datetime import date

from django.urls import reverse
from django.utils import translation

from cases import services
from cases.models import Case, Client, Signal, TimelineEvent
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import register_signal

POSTCODE_MESSAGE = "Enter a Dutch postcode such as 3071 AB."


def ria(owner, team, **fields):
    return register_signal(
        acting_user=owner,
        team=team,
        subject_name="Ria van Dijk",
        subject_address="Zwaanshals 12",
        subject_postcode="3066kb",
        subject_date_of_birth=date(1961, 4, 2),
        **fields,
    )


def form_data(worker, **extra):
    return {
        "first_name": "Ria",
        "last_name": "van Dijk",
        "date_of_birth": "1961-04-02",
        "street_address": "Zwaanshals 12",
        "postcode": "3066 KB",
        "city": "Rotterdam",
        "phone": "06-12345678",
        "assigned_worker": worker.pk,
        **extra,
    }


def value_of(html, name):
    match = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    value = re.search(r'value="([^"]*)"', match.group(0))
    return value.group(1) if value else ""


def counts():
    return (Client.objects.count(), Case.objects.count(), TimelineEvent.objects.count())


def test_it_fills_the_form_in_from_the_signal(client, owner, team):
    signal = ria(owner, team)
    client.force_login(owner)
    html = client.get(reverse("signal_new_client", args=[signal.pk])).content.decode()
    assert value_of(html, "first_name") == "Ria"
    assert value_of(html, "last_name") == "van Dijk"
    assert value_of(html, "street_address") == "Zwaanshals 12"
    assert value_of(html, "date_of_birth") == "1961-04-02"
    assert re.search(rf'<option value="{owner.pk}" selected>', html)


def test_it_fills_the_postcode_in_normalised(client, owner, team):
    signal = ria(owner, team)  # registered through the service as "3066kb"
    client.force_login(owner)
    html = client.get(reverse("signal_new_client", args=[signal.pk])).content.decode()
    assert value_of(html, "postcode") == "3066 KB"


def test_it_opens_a_case_for_the_new_client(client, owner, colleague, team):
    signal = ria(owner, team)
    client.force_login(owner)
    response = client.post(
        reverse("signal_new_client", args=[signal.pk]), form_data(colleague, postcode="3066kb")
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    person = case.client
    assert (person.team, person.first_name, person.last_name) == (team, "Ria", "van Dijk")
    assert (person.postcode, person.city) == ("3066 KB", "Rotterdam")
    assert (case.phase, case.assigned_worker, case.team) == (Phase.SIGNAAL, colleague, team)
    signal.refresh_from_db()
    assert (signal.status, signal.case) == ("accepted", case)
    assert [e.kind for e in case.events.order_by("id")] == ["phase", "signal"]


def test_it_logs_the_new_case(client, owner, team):
    signal = ria(owner, team)
    client.force_login(owner)
    client.post(reverse("signal_new_client", args=[signal.pk]), form_data(owner))
    case = Case.objects.get()
    entry = AccessLogEntry.objects.get(action="create")
    assert (entry.record_type, entry.record_id, entry.client_id, entry.team_id) == (
        "cases.case",
        str(case.pk),
        case.client_id,
        team.pk,
    )


def test_it_refuses_a_bad_postcode_by_the_field_and_creates_nothing(client, owner, team):
    signal = ria(owner, team)
    before = counts()
    client.force_login(owner)
    response = client.post(
        reverse("signal_new_client", args=[signal.pk]),
        form_data(owner, postcode="30666", phone="010-7654321"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    error = re.search(r'<small class="field-error" id="id_postcode_error">(.*?)</small>', html)
    with translation.override("nl"):
        dutch = translation.gettext(POSTCODE_MESSAGE)
    assert error and error.group(1) in {POSTCODE_MESSAGE, dutch}
    assert value_of(html, "postcode") == "30666"
    assert value_of(html, "phone") == "010-7654321"
    assert value_of(html, "city") == "Rotterdam"
    assert counts() == before
    assert Signal.objects.get().status == "waiting"
    assert not AccessLogEntry.objects.filter(action="create").exists()


def test_it_refuses_a_worker_of_another_team(client, owner, outsider, team):
    signal = ria(owner, team)
    before = counts()
    client.force_login(owner)
    html = client.post(
        reverse("signal_new_client", args=[signal.pk]), form_data(outsider)
    ).content.decode()
    assert 'id="id_assigned_worker_error"' in html
    assert value_of(html, "first_name") == "Ria"
    assert counts() == before


def test_it_refuses_a_signal_that_was_already_taken_in(client, owner, team):
    signal = ria(owner, team)
    services.signal_decline(acting_user=owner, signal=signal, reason="no_concern")
    before = counts()
    client.force_login(owner)
    response = client.post(reverse("signal_new_client", args=[signal.pk]), form_data(owner))
    assert response.status_code == 200
    assert 'class="form-errors"' in response.content.decode()
    assert counts() == before


def test_it_is_a_404_for_another_teams_signal(client, owner, outsider, team):
    signal = ria(owner, team)
    client.force_login(outsider)
    assert client.get(reverse("signal_new_client", args=[signal.pk])).status_code == 404
    response = client.post(reverse("signal_new_client", args=[signal.pk]), form_data(outsider))
    assert response.status_code == 404
    assert counts() == (0, 0, 0)
