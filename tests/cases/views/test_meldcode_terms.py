from django.urls import reverse

from cases.models import MeldcodeTerms


def test_a_lead_sets_the_teams_terms(client, lead, team):
    client.force_login(lead)
    url = reverse("meldcode_terms", args=[team.pk])
    assert "Stap 2 (consultatie) binnen" in client.get(url).content.decode()
    data = {"step2_days": 2, "step3_days": 7, "step4_days": 10, "step5_days": 14}
    assert client.post(url, data).status_code == 302
    assert MeldcodeTerms.objects.get(team=team).step3_days == 7


def test_it_refuses_a_term_out_of_range_next_to_the_field(client, lead, team):
    client.force_login(lead)
    url = reverse("meldcode_terms", args=[team.pk])
    data = {"step2_days": 0, "step3_days": 7, "step4_days": 10, "step5_days": 14}
    page = client.post(url, data).content.decode()
    assert "Geef een aantal dagen van 1 tot 365." in page
    assert not MeldcodeTerms.objects.exists()
