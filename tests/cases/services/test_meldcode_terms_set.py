import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import MeldcodeTerms


def test_it_sets_the_teams_own_terms(lead, team):
    services.meldcode_terms_set(acting_user=lead, team=team, step2_days=3, step5_days=30)
    terms = MeldcodeTerms.objects.get(team=team)
    assert (terms.step2_days, terms.step3_days, terms.step5_days) == (3, 10, 30)


@pytest.mark.parametrize("value", [0, 366, "5"])
def test_it_refuses_a_term_out_of_range(lead, team, value):
    with pytest.raises(ValidationError):
        services.meldcode_terms_set(acting_user=lead, team=team, step2_days=value)
